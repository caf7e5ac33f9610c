import { type RawBuilder, sql, type SqlBool } from 'kysely';
import {
  bestMatches, type Candidate, type Match, type Matches, MAX_CANDIDATES, nameKey, parseRef, pickOne, type RecordKind, type RefQuery,
} from '../../domain/reference.js';
import { CrmError } from '../../errors.js';
import type { EngineSql } from './engine.js';
import { Repository } from './repository.js';

// Above every character a name can hold, so `key >= prefix and key < prefix || TOP` is a prefix range on the index.
const TOP = '\u{10FFFF}';

type NamedKind = Exclude<RecordKind, 'activity'>;

/**
 * Per kind: the table, its case-folded key column (indexed), what else names a record exactly, and which rows a
 * name may find at all.
 */
const NAMED: Record<NamedKind, { table: string; key: string; alsoExact?: (text: string) => RawBuilder<SqlBool>; only?: (engine: EngineSql) => RawBuilder<SqlBool> }> = {
  company: { table: 'company', key: 'name_key', alsoExact: (text) => sql<SqlBool>`domain = ${text.toLowerCase()} or external_id = ${text}` },
  contact: {
    table: 'contact', key: 'name_key',
    alsoExact: (text) => sql<SqlBool>`id in (select contact_id from contact_email where email = ${text.toLowerCase()}) or external_id = ${text}`,
  },
  deal: { table: 'deal', key: 'title_key' },
  // By title, only open follow-ups: a repeating one leaves a trail of done copies with the same title. The unary plus
  // keeps SQLite on the title index (a range, stopping at the limit) rather than on the status index.
  followup: { table: 'followup', key: 'title_key', only: (engine) => sql<SqlBool>`${engine.unindexed('status')} = 'open'` },
};

/**
 * Finds the records a typed reference may mean: by id, or by text in the order of precedence of bestMatches (exact
 * name or title, email, domain or external id; then a prefix of the name; then a substring of it).
 */
export class References extends Repository {
  async candidates(q: RefQuery, kinds: readonly RecordKind[]): Promise<Matches & { match: 'id' | 'exact' | 'partial' }> {
    const asked = q.kind ? [q.kind] : kinds;
    if (q.id !== undefined) {
      const found: Candidate[] = [];
      for (const kind of asked) found.push(...await this.describe(kind, [q.id]));
      return { candidates: found, total: found.length, match: 'id' };
    }
    return bestMatches(asked, (kind, match) => this.byText(kind, q.text!, match));
  }

  /** The first MAX_CANDIDATES records of one kind a text matches, exact ones by id, partial ones by name; and the count. */
  private async byText(kind: RecordKind, text: string, match: Match): Promise<Matches> {
    if (kind === 'activity') return { candidates: [], total: 0 }; // activities are named by id only
    const { table, key: column, alsoExact, only } = NAMED[kind];
    const key = nameKey(text);
    const keyRef = sql.ref(column);
    const onName = match === 'exact' ? sql<SqlBool>`(${keyRef} = ${key}${alsoExact ? sql` or ${alsoExact(text)}` : sql``})`
      // A prefix is an index range on the key; a substring is one scan of it.
      : match === 'prefix' ? sql<SqlBool>`${keyRef} >= ${key} and ${keyRef} < ${key + TOP}`
      : this.engine.contains(column, key);
    const where = only ? sql<SqlBool>`${onName} and ${only(this.engine)}` : onName;
    const order = match === 'exact' ? sql`id` : sql`${keyRef}, id`;
    const { rows } = await sql<{ id: number }>`select id from ${sql.table(table)} where ${where} order by ${order} limit ${MAX_CANDIDATES + 1}`
      .execute(this.db);
    const total = rows.length <= MAX_CANDIDATES ? rows.length
      : Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} where ${where}`.execute(this.db)).rows[0]!.n);
    return { candidates: await this.describe(kind, rows.slice(0, MAX_CANDIDATES).map((r) => r.id)), total };
  }

  /** Candidates for the given ids, in that order, with a detail that tells namesakes apart; missing ids are left out. */
  private async describe(kind: RecordKind, ids: number[]): Promise<Candidate[]> {
    if (!ids.length) return [];
    const found = await this.details(kind, ids);
    return ids.flatMap((id) => found.filter((c) => c.id === id));
  }

  private async details(kind: RecordKind, ids: number[]): Promise<Candidate[]> {
    switch (kind) {
      case 'company': {
        const rows = await this.db.selectFrom('company').select(['id', 'name', 'domain']).where('id', 'in', ids).execute();
        return rows.map((r) => ({ kind, id: r.id, name: r.name, detail: r.domain }));
      }
      case 'contact': {
        const rows = await this.db.selectFrom('contact as p').leftJoin('company as co', 'co.id', 'p.company_id')
          .select(['p.id', 'p.name', 'co.name as company']).where('p.id', 'in', ids).execute();
        const emails = await this.db.selectFrom('contact_email').select(['contact_id', 'email'])
          .where('contact_id', 'in', ids).where('position', '=', 0).execute();
        const first = new Map(emails.map((e) => [e.contact_id, e.email]));
        return rows.map((r) => ({ kind, id: r.id, name: r.name, detail: first.get(r.id) ?? r.company }));
      }
      case 'deal': {
        const rows = await this.db.selectFrom('deal as d').innerJoin('stage as s', 's.id', 'd.stage_id')
          .leftJoin('company as co', 'co.id', 'd.company_id').select(['d.id', 'd.title', 's.name as stage', 'co.name as company'])
          .where('d.id', 'in', ids).execute();
        return rows.map((r) => ({ kind, id: r.id, name: r.title, detail: [r.company, r.stage].filter(Boolean).join(', ') }));
      }
      case 'followup': {
        const rows = await this.db.selectFrom('followup').select(['id', 'title', 'due_date', 'status']).where('id', 'in', ids).execute();
        return rows.map((r) => ({ kind, id: r.id, name: r.title, detail: `due ${r.due_date}${r.status === 'done' ? ', done' : ''}` }));
      }
      case 'activity': {
        const rows = await this.db.selectFrom('activity').select(['id', 'type', 'summary', 'at']).where('id', 'in', ids).execute();
        return rows.map((r) => ({ kind, id: r.id, name: `${r.type}: ${r.summary}`, detail: r.at.slice(0, 10) }));
      }
    }
  }

  /**
   * Exactly one record of the given kinds, or an error: not found (exit 3) or ambiguous (exit 2). `field` names the
   * flag the reference came from, so the error says which input was wrong.
   */
  async resolve(raw: string, kinds: readonly RecordKind[], field?: string): Promise<Candidate> {
    const q = parseRef(raw, kinds);
    const noun = (q.kind ? [q.kind] : kinds).join(' or ');
    try {
      const found = await this.candidates(q, kinds);
      return pickOne(q, found.candidates, noun, { total: found.total, match: found.match === 'partial' ? 'partial' : 'exact' });
    } catch (e) {
      if (field && e instanceof CrmError) throw new CrmError(e.code, `${field}: ${e.message}`, e.hint, { ...e.details, field });
      throw e;
    }
  }
}
