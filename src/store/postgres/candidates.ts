import type pg from 'pg';
import type { Alias, Found, NamedKind } from '../../domain/completion.js';
import type { Env } from '../../io/terminal.js';
import { candidateSources, TOP } from '../candidate-sources.js';
import type { Candidates, StageChoice } from '../candidates.js';
import { connectPg } from './open.js';

const SOURCES = candidateSources();

type Row = Omit<Found, 'kind' | 'by'>;

/** Completion on a team server: the same index ranges as SQLite's, in a read-only session. */
export async function openPgCandidates(url: string, env: Env): Promise<Candidates | undefined> {
  const { client } = await connectPg(url, env);
  await client.query('set session characteristics as transaction read only');
  return new PgCandidates(client);
}

class PgCandidates implements Candidates {
  constructor(private readonly client: pg.Client) {}

  private async all<T>(text: string, values: unknown[]): Promise<T[]> {
    return (await this.client.query(text, values)).rows as T[];
  }

  async byName(kind: NamedKind, key: string, limit: number): Promise<Found[]> {
    const s = SOURCES[kind];
    const rows = await this.all<Row>(`${s.select} where ${s.key} >= $1 and ${s.key} < $2${s.where ? ` and ${s.where}` : ''}
      order by ${s.key}, ${s.id} limit $3`, [key, key + TOP, limit]);
    return rows.map((r) => ({ ...r, kind, by: 'name' }));
  }

  async byId(kind: NamedKind, digits: string, limit: number): Promise<Found[]> {
    const s = SOURCES[kind];
    const max = Number((await this.all<{ m: number | null }>(`select max(id) as m from ${kind}`, []))[0]!.m ?? 0);
    const out: Found[] = [];
    for (let low = Number(digits), width = 1; low <= max && out.length < limit; low *= 10, width *= 10) {
      const rows = await this.all<Row>(`${s.select} where ${s.id} between $1 and $2 order by ${s.id} limit $3`, [low, low + width - 1, limit - out.length]);
      out.push(...rows.map((r) => ({ ...r, kind, by: 'id' as const })));
    }
    return out;
  }

  async aliases(kind: NamedKind, texts: readonly string[]): Promise<Alias[]> {
    if (!texts.length || (kind !== 'company' && kind !== 'contact')) return [];
    const lowered = texts.map((t) => t.toLowerCase());
    const text = kind === 'company'
      ? `select id, domain as text from company where domain = any($1) union all select id, external_id from company where external_id = any($2)`
      : `select contact_id as id, email as text from contact_email where email = any($1)
         union all select id, external_id from contact where external_id = any($2)`;
    return (await this.all<{ id: number; text: string }>(text, [lowered, texts])).map((r) => ({ kind, ...r }));
  }

  async stages(): Promise<StageChoice[]> {
    return this.all<StageChoice>('select name, outcome, probability from stage order by position, id', []);
  }

  async settings(): Promise<Record<string, unknown>> {
    const rows = await this.all<{ key: string; value: string }>('select key, value from setting', []);
    return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  }

  async tags(prefix: string, limit: number): Promise<string[]> {
    const rows = await this.all<{ tag: string }>(`select distinct tag from tag where entity in ('company', 'contact') and tag >= $1 and tag < $2
      order by tag limit $3`, [prefix, prefix + TOP, limit]);
    return rows.map((r) => r.tag);
  }

  async owners(limit: number): Promise<string[]> {
    const rows = await this.all<{ owner: string }>(`select owner from contact union select owner from deal union select owner from company
      order by owner limit $1`, [limit]);
    return rows.map((r) => r.owner);
  }

  close(): void {
    void this.client.end().catch(() => {});
  }
}
