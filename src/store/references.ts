import type { Kysely } from 'kysely';
import { type Candidate, nameKey, pickOne, type RecordKind, type RefQuery, parseRef } from '../domain/reference.js';
import type { DB } from './schema.js';
import { CrmError } from '../errors.js';

/**
 * Finds the records a typed reference may mean: by id, exact name or title (case-folded), email, domain or
 * external id.
 */
export class References {
  constructor(private readonly db: Kysely<DB>) {}

  async candidates(q: RefQuery, kinds: readonly RecordKind[]): Promise<Candidate[]> {
    const out: Candidate[] = [];
    for (const kind of q.kind ? [q.kind] : kinds) out.push(...await this[kind](q));
    return out;
  }

  private async company(q: RefQuery): Promise<Candidate[]> {
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

  private async contact(q: RefQuery): Promise<Candidate[]> {
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

  private async deal(q: RefQuery): Promise<Candidate[]> {
    let query = this.db.selectFrom('deal as d').innerJoin('stage as s', 's.id', 'd.stage_id')
      .leftJoin('company as co', 'co.id', 'd.company_id').select(['d.id', 'd.title', 's.name as stage', 'co.name as company']);
    query = q.id !== undefined ? query.where('d.id', '=', q.id) : query.where('d.title_key', '=', nameKey(q.text!));
    const rows = await query.orderBy('d.id').execute();
    return rows.map((r) => ({ kind: 'deal' as const, id: r.id, name: r.title, detail: [r.company, r.stage].filter(Boolean).join(', ') }));
  }

  private async followup(q: RefQuery): Promise<Candidate[]> {
    let query = this.db.selectFrom('followup').select(['id', 'title', 'due_date', 'status']);
    // By title, only open follow-ups: a repeating one leaves a trail of done copies with the same title.
    query = q.id !== undefined ? query.where('id', '=', q.id)
      : query.where('title_key', '=', nameKey(q.text!)).where('status', '=', 'open');
    const rows = await query.orderBy('id').execute();
    return rows.map((r) => ({ kind: 'followup' as const, id: r.id, name: r.title, detail: `due ${r.due_date}${r.status === 'done' ? ', done' : ''}` }));
  }

  private async activity(q: RefQuery): Promise<Candidate[]> {
    if (q.id === undefined) return []; // activities are named by id only
    const rows = await this.db.selectFrom('activity').select(['id', 'type', 'summary', 'at']).where('id', '=', q.id).execute();
    return rows.map((r) => ({ kind: 'activity' as const, id: r.id, name: `${r.type}: ${r.summary}`, detail: r.at.slice(0, 10) }));
  }

  /**
   * Exactly one record of the given kinds, or an error: not found (exit 3) or ambiguous (exit 2). `field` names the
   * flag the reference came from, so the error says which input was wrong.
   */
  async resolve(raw: string, kinds: readonly RecordKind[], field?: string): Promise<Candidate> {
    const q = parseRef(raw, kinds);
    const noun = (q.kind ? [q.kind] : kinds).join(' or ');
    try {
      return pickOne(q, await this.candidates(q, kinds), noun);
    } catch (e) {
      if (field && e instanceof CrmError) throw new CrmError(e.code, `${field}: ${e.message}`, e.hint, { ...e.details, field });
      throw e;
    }
  }
}
