import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { nativeBinding } from './addon.js';
import type { Alias, Found, NamedKind } from '../../domain/completion.js';
import { candidateSources, TOP } from '../candidate-sources.js';
import type { Candidates, StageChoice } from '../candidates.js';

// The unary plus keeps SQLite on the title index, which stops after `limit` rows, rather than sorting every open follow-up.
const SOURCES = candidateSources(`+f.status = 'open'`);

type Row = Omit<Found, 'kind' | 'by'>;

/**
 * Opens an existing file read-only (query_only): unlike openStore it creates no file, migrates nothing and writes
 * nothing, so pressing Tab leaves no trace. Undefined when there is no such file.
 */
export function openSqliteCandidates(path: string): Candidates | undefined {
  // Only a regular file: opening a pipe would block the shell's Tab.
  if (!statSync(path, { throwIfNoEntry: false })?.isFile()) return undefined;
  const raw = new Database(path, { fileMustExist: true, timeout: 1000, nativeBinding: nativeBinding() });
  try {
    raw.pragma('query_only = on');
  } catch (e) {
    raw.close();
    throw e;
  }
  return new SqliteCandidates(raw);
}

/** Every query is an index range, fast on 100,000 records; better-sqlite3 answers at once, so Tab stays quick. */
class SqliteCandidates implements Candidates {
  constructor(private readonly raw: Database.Database) {}

  async byName(kind: NamedKind, key: string, limit: number): Promise<Found[]> {
    const s = SOURCES[kind];
    const rows = this.raw.prepare(`${s.select} where ${s.key} >= ? and ${s.key} < ?${s.where ? ` and ${s.where}` : ''}
      order by ${s.key}, ${s.id} limit ?`).all(key, key + TOP, limit) as Row[];
    return rows.map((r) => ({ ...r, kind, by: 'name' }));
  }

  async byId(kind: NamedKind, digits: string, limit: number): Promise<Found[]> {
    const s = SOURCES[kind];
    const max = (this.raw.prepare(`select max(id) from ${kind}`).pluck().get() as number | null) ?? 0;
    const range = this.raw.prepare(`${s.select} where ${s.id} between ? and ? order by ${s.id} limit ?`);
    const out: Found[] = [];
    for (let low = Number(digits), width = 1; low <= max && out.length < limit; low *= 10, width *= 10) {
      const rows = range.all(low, low + width - 1, limit - out.length) as Row[];
      out.push(...rows.map((r) => ({ ...r, kind, by: 'id' as const })));
    }
    return out;
  }

  async aliases(kind: NamedKind, texts: readonly string[]): Promise<Alias[]> {
    if (!texts.length || (kind !== 'company' && kind !== 'contact')) return [];
    const marks = texts.map(() => '?').join(', ');
    const lowered = texts.map((t) => t.toLowerCase());
    const sql = kind === 'company'
      ? `select id, domain as text from company where domain in (${marks})
         union all select id, external_id from company where external_id in (${marks})`
      : `select contact_id as id, email as text from contact_email where email in (${marks})
         union all select id, external_id from contact where external_id in (${marks})`;
    return (this.raw.prepare(sql).all(...lowered, ...texts) as { id: number; text: string }[]).map((r) => ({ kind, ...r }));
  }

  async stages(): Promise<StageChoice[]> {
    return this.raw.prepare('select name, outcome, probability from stage order by position, id').all() as StageChoice[];
  }

  async settings(): Promise<Record<string, unknown>> {
    const rows = this.raw.prepare('select key, value from setting').all() as { key: string; value: string }[];
    return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  }

  async tags(prefix: string, limit: number): Promise<string[]> {
    const found = new Set<string>();
    for (const entity of ['company', 'contact']) {
      for (const t of this.distinct('tag', 'tag', `entity = '${entity}'`, prefix, limit)) found.add(t);
    }
    return [...found].sort().slice(0, limit);
  }

  async owners(limit: number): Promise<string[]> {
    const found = new Set([...this.distinct('contact', 'owner', '1', '', limit), ...this.distinct('deal', 'owner', '1', '', limit)]);
    // company.owner has no index; there are far fewer companies than contacts.
    for (const o of this.raw.prepare('select distinct owner from company limit ?').pluck().all(limit) as string[]) found.add(o);
    return [...found].sort().slice(0, limit);
  }

  /**
   * The distinct values of an indexed column from `prefix` on, one index seek each (a "loose index scan"), instead of
   * reading every row: 3 owners among 100,000 contacts cost 4 seeks.
   */
  private distinct(table: string, column: string, where: string, prefix: string, limit: number): string[] {
    return this.raw.prepare(`with recursive v(x) as (
        select min(${column}) from ${table} where ${where} and ${column} >= ?
        union all
        select (select min(${column}) from ${table} where ${where} and ${column} > v.x) from v where v.x < ?
      ) select x from v where x is not null and x < ? limit ?`).pluck().all(prefix, prefix + TOP, prefix + TOP, limit) as string[];
  }

  close(): void {
    this.raw.close();
  }
}
