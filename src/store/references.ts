import type { Kysely } from 'kysely';
import { type Candidate, nameKey, pickOne, type RecordKind, type RefQuery, parseRef } from '../domain/reference.js';
import type { DB } from './schema.js';

const NOUN: Record<RecordKind, string> = { company: 'company', contact: 'contact' };

/** Finds the records a typed reference may mean: by id, exact name (case-folded), email, domain or external id. */
export class References {
  constructor(private readonly db: Kysely<DB>) {}

  async candidates(q: RefQuery, kinds: readonly RecordKind[]): Promise<Candidate[]> {
    const out: Candidate[] = [];
    for (const kind of q.kind ? [q.kind] : kinds) {
      out.push(...(kind === 'company' ? await this.companies(q) : await this.contacts(q)));
    }
    return out;
  }

  private async companies(q: RefQuery): Promise<Candidate[]> {
    let query = this.db.selectFrom('company').select(['id', 'name', 'domain']);
    if (q.id !== undefined) query = query.where('id', '=', q.id);
    else {
      const text = q.text!;
      query = query.where((eb) => eb.or([
        eb('name_key', '=', nameKey(text)), eb('domain', '=', text.toLowerCase()), eb('external_id', '=', text),
      ]));
    }
    const rows = await query.orderBy('id').execute();
    return rows.map((r) => ({ kind: 'company' as const, id: r.id, name: r.name, detail: r.domain }));
  }

  private async contacts(q: RefQuery): Promise<Candidate[]> {
    let query = this.db.selectFrom('contact as p').leftJoin('company as co', 'co.id', 'p.company_id')
      .select(['p.id', 'p.name', 'co.name as company']);
    if (q.id !== undefined) query = query.where('p.id', '=', q.id);
    else {
      const text = q.text!;
      const byEmail = this.db.selectFrom('contact_email').select('contact_id').where('email', '=', text.toLowerCase());
      query = query.where((eb) => eb.or([
        eb('p.name_key', '=', nameKey(text)), eb('p.id', 'in', byEmail), eb('p.external_id', '=', text),
      ]));
    }
    const rows = await query.orderBy('p.id').execute();
    const emails = await this.db.selectFrom('contact_email').select(['contact_id', 'email'])
      .where('contact_id', 'in', rows.length ? rows.map((r) => r.id) : [-1]).where('position', '=', 0).execute();
    const first = new Map(emails.map((e) => [e.contact_id, e.email]));
    return rows.map((r) => ({ kind: 'contact' as const, id: r.id, name: r.name, detail: first.get(r.id) ?? r.company }));
  }

  /** Exactly one record of the given kinds, or an error: not found (exit 3) or ambiguous (exit 2). */
  async resolve(raw: string, kinds: readonly RecordKind[]): Promise<Candidate> {
    const q = parseRef(raw, kinds);
    const noun = (q.kind ? [q.kind] : kinds).map((k) => NOUN[k]).join(' or ');
    return pickOne(q, await this.candidates(q, kinds), noun);
  }
}
