import { type Contact, type ContactFields, type ContactFilter, contactJson } from '../../domain/contact.js';
import type { ContactValues, Values } from '../../domain/duplicates.js';
import { reportingLoop } from '../../domain/orgchart.js';
import { nameKey } from '../../domain/reference.js';
import { conflict } from '../../errors.js';
import { chunks, groupByParent } from './batch.js';
import type { Identity } from '../journal.js';
import type { ContactTexts, EngineSql } from './engine.js';
import { Repository } from './repository.js';
import { inSubquery, setTags, tagsFor, withAllTags } from './tags.js';
import { unchanged } from '../../domain/record.js';
import { contactEntry } from '../search-text.js';

/** Columns the contact query reads, in tuple order (see EngineSql.tuples). */
const COLUMNS = ['id', 'name', 'title', 'company_id', 'role', 'reports_to_id', 'source', 'lifecycle', 'consent',
  'do_not_contact', 'wallet_minor', 'currency', 'owner', 'notes', 'external_id', 'created_at', 'updated_at',
  'created_by', 'updated_by', 'company_name', 'manager_name', 'uuid'] as const;

/**
 * A contact straight from its tuple (COLUMNS order): one object per row instead of a row object and then a
 * contact, which matters for 10,000-row lists.
 */
function toContact(t: any[], emails: string[], phones: string[], tags: string[]): Contact {
  const companyId = t[3] as number | null;
  const reportsToId = t[5] as number | null;
  return {
    id: t[0], name: t[1], title: t[2], companyId, role: t[4], reportsToId, source: t[6], lifecycle: t[7],
    consent: t[8], doNotContact: t[9] === 1,
    wallet: t[10] === null || t[11] === null ? null : { minor: Number(t[10]), currency: t[11] },
    owner: t[12], notes: t[13], externalId: t[14], emails, phones, tags,
    company: companyId === null ? null : { id: companyId, name: t[19] ?? '' },
    reportsTo: reportsToId === null ? null : { id: reportsToId, name: t[20] ?? '' },
    uuid: t[21], createdAt: t[15], updatedAt: t[16], createdBy: t[17], updatedBy: t[18],
  };
}

function toFields(f: ContactFields) {
  return {
    name: f.name, name_key: nameKey(f.name), title: f.title, company_id: f.companyId, role: f.role,
    reports_to_id: f.reportsToId, source: f.source, lifecycle: f.lifecycle, consent: f.consent,
    do_not_contact: f.doNotContact ? 1 : 0, wallet_minor: f.wallet?.minor ?? null, currency: f.wallet?.currency ?? null,
    owner: f.owner, notes: f.notes, external_id: f.externalId,
  };
}

const SORT_COLUMN = { name: 'p.name_key', id: 'p.id', created: 'p.created_at', updated: 'p.updated_at', company: 'co.name_key' } as const;

type Children = [tags: Map<number, string[]>, emails: Map<number, string[]>, phones: Map<number, string[]>];

export class Contacts extends Repository {
  private from() {
    return this.db.selectFrom('contact as p')
      .leftJoin('company as co', 'co.id', 'p.company_id')
      .leftJoin('contact as m', 'm.id', 'p.reports_to_id');
  }

  private select(from = this.from()) {
    return from.select(COLUMNS.map((c) => (c === 'company_name' ? 'co.name as company_name' : c === 'manager_name' ? 'm.name as manager_name' : `p.${c}` as const)));
  }

  private async hydrate(query: ReturnType<Contacts['select']>, known?: Children): Promise<Contact[]> {
    const rows = await this.engine.tuples(query, COLUMNS);
    const ids = rows.map((r) => r[0] as number);
    const [tags, emails, phones] = known ?? await this.children(ids);
    return rows.map((t) => toContact(t, emails.get(t[0] as number) ?? [], phones.get(t[0] as number) ?? [],
      tags.get(t[0] as number) ?? []));
  }

  /** Tags, emails and phones of `ids`, by contact id. */
  private children(ids: readonly number[]): Promise<Children> {
    return Promise.all([
      tagsFor(this.db, this.engine, 'contact', ids),
      groupByParent<string>(ids, (chunk) => {
        let q = this.db.selectFrom('contact_email').select(['contact_id', 'email']);
        if (chunk !== 'all') q = q.where('contact_id', 'in', chunk);
        return this.engine.tuples(q.orderBy('contact_id').orderBy('position'), ['contact_id', 'email']);
      }),
      groupByParent<string>(ids, (chunk) => {
        let q = this.db.selectFrom('contact_phone').select(['contact_id', 'phone']);
        if (chunk !== 'all') q = q.where('contact_id', 'in', chunk);
        return this.engine.tuples(q.orderBy('contact_id').orderBy('position'), ['contact_id', 'phone']);
      }),
    ]);
  }

  async get(id: number): Promise<Contact | undefined> {
    return (await this.hydrate(this.select().where('p.id', '=', id)))[0];
  }

  async getMany(ids: readonly number[]): Promise<Contact[]> {
    const out: Contact[] = [];
    for (const chunk of chunks(ids)) out.push(...await this.hydrate(this.select().where('p.id', 'in', chunk)));
    return out;
  }

  async list(filter: ContactFilter = {}): Promise<Contact[]> {
    return this.hydrate(this.select(this.filtered(filter)));
  }

  /**
   * The contacts of `filter` in its order, `size` at a time: one query reads the ids in order (100,000 in under a
   * megabyte), then each batch is read by id. A list of any length holds one batch of contacts. Batches stay at
   * most 2,000 ids, below which a batch's emails, phones and tags are read by id too (see groupByParent); an engine
   * that prefers scans (PostgreSQL) reads those of the whole list first, in one scan per table, and holds them. Like a
   * contact deleted meanwhile, a change made while the list is written may show in one part of a row and not another.
   */
  async *batches(filter: ContactFilter = {}, size = 500): AsyncGenerator<Contact[]> {
    const ids = await this.orderedIds(filter);
    const known = this.engine.scansForLongLists && ids.length > size ? await this.children(ids) : undefined;
    for (const chunk of chunks(ids, size)) {
      const found = new Map((await this.hydrate(this.select().where('p.id', 'in', chunk), known)).map((c) => [c.id, c]));
      // One deleted since the ids were read is left out, as it would be had the list started a moment later.
      yield chunk.flatMap((id) => found.get(id) ?? []);
    }
  }

  /**
   * The contacts of `filter` as `batches` gives them, each as the text of JSON.stringify(contactJson(c)), which is
   * what --json and --ndjson write of it, with `separator` between two: the engine writes the text
   * (EngineSql.contactTexts), in batches of `size`.
   */
  async *texts(filter: ContactFilter, separator: string, size = 500): ContactTexts {
    yield* this.engine.contactTexts(await this.orderedIds(filter), size, separator);
  }

  private async orderedIds(filter: ContactFilter): Promise<number[]> {
    return await this.engine.ordered(this.filtered(filter).select('p.id'), 'id') as number[];
  }

  private filtered(filter: ContactFilter) {
    let q = this.from();
    if (filter.owner) q = q.where('p.owner', '=', filter.owner);
    if (filter.companyId !== undefined) q = q.where('p.company_id', '=', filter.companyId);
    if (filter.lifecycle) q = q.where('p.lifecycle', '=', filter.lifecycle);
    if (filter.consent) q = q.where('p.consent', '=', filter.consent);
    if (filter.doNotContact) q = q.where('p.do_not_contact', '=', 1);
    if (filter.tags?.length) q = q.where(inSubquery('p.id', withAllTags('contact', filter.tags)));
    if (filter.search) q = q.where(inSubquery('p.id', this.engine.search.matchingIds('contact', filter.search)));
    if (filter.page) q = q.where('p.id', '>', filter.page.after).orderBy('p.id').limit(filter.page.size);
    else {
      q = q.orderBy(SORT_COLUMN[filter.sort ?? 'name'], filter.desc ? 'desc' : 'asc').orderBy('p.id');
      if (filter.limit !== undefined) q = q.limit(filter.limit);
    }
    return q;
  }

  async idByEmail(email: string): Promise<number | undefined> {
    return (await this.db.selectFrom('contact_email').select('contact_id').where('email', '=', email.toLowerCase())
      .executeTakeFirst())?.contact_id;
  }

  /**
   * What the duplicate finder needs of every contact, in columns: three whole-table scans and nothing else (100,000
   * contacts in ~150 ms); contacts as objects would join companies and managers and read tags for nothing.
   */
  async matchValues(): Promise<ContactValues> {
    const read = async (query: Parameters<EngineSql['columns']>[0], id: string, value: string): Promise<Values> => {
      const [ids, values] = await this.engine.columns(query, [id, value]);
      return { ids: ids as number[], values: values as string[] };
    };
    const [names, emails, phones] = await Promise.all([
      read(this.db.selectFrom('contact').select(['id', 'name']), 'id', 'name'),
      read(this.db.selectFrom('contact_email').select(['contact_id', 'email']), 'contact_id', 'email'),
      read(this.db.selectFrom('contact_phone').select(['contact_id', 'phone']), 'contact_id', 'phone'),
    ]);
    return { names, emails, phones };
  }

  /** `id`, its manager, that manager's manager, ... up to the top (or until a loop repeats someone). */
  async managerChain(id: number): Promise<number[]> {
    const chain: number[] = [];
    for (let at: number | null = id; at !== null && !chain.includes(at);) {
      chain.push(at);
      at = (await this.db.selectFrom('contact').select('reports_to_id').where('id', '=', at).executeTakeFirst())
        ?.reports_to_id ?? null;
    }
    return chain;
  }

  /** Direct reports of a contact. */
  async reportsOf(id: number): Promise<number[]> {
    return (await this.db.selectFrom('contact').select('id').where('reports_to_id', '=', id).orderBy('name_key')
      .execute()).map((r) => r.id);
  }

  /** Emails identify a person: two contacts never share one. */
  private async assertEmailsFree(emails: readonly string[], exceptId?: number): Promise<void> {
    for (const email of emails) {
      const owner = await this.idByEmail(email);
      if (owner !== undefined && owner !== exceptId) {
        const other = await this.get(owner);
        throw conflict(`--email: ${email} already belongs to contact #${owner} ${other?.name ?? ''}`.trimEnd(),
          `edit that contact ('crm contact edit ${owner}') or merge the two ('crm contact merge KEEP DUP')`);
      }
    }
  }

  private async writeChildren(id: number, f: ContactFields): Promise<void> {
    await this.db.deleteFrom('contact_email').where('contact_id', '=', id).execute();
    await this.db.deleteFrom('contact_phone').where('contact_id', '=', id).execute();
    if (f.emails.length) {
      await this.db.insertInto('contact_email')
        .values(f.emails.map((email, position) => ({ contact_id: id, email, position }))).execute();
    }
    if (f.phones.length) {
      await this.db.insertInto('contact_phone')
        .values(f.phones.map((phone, position) => ({ contact_id: id, phone, position }))).execute();
    }
    await setTags(this.db, 'contact', id, f.tags);
  }

  async create(fields: ContactFields, identity?: Identity): Promise<Contact> {
    await this.assertEmailsFree(fields.emails);
    const { id } = await this.db.insertInto('contact').values({ ...toFields(fields), ...this.j.created(identity) })
      .returning('id').executeTakeFirstOrThrow();
    await this.writeChildren(id, fields);
    const contact = (await this.get(id))!;
    await this.index(contact);
    await this.j.record('contact', id, 'create', null, contactJson(contact));
    return contact;
  }

  /** `mergedFrom` marks the journal entry of a merge, so history says whom the contact absorbed. */
  async update(before: Contact, fields: ContactFields, mergedFrom?: { id: number; name: string }): Promise<Contact> {
    if (!mergedFrom && unchanged(before, fields)) return before;
    await this.assertEmailsFree(fields.emails, before.id);
    await this.j.touch('contact', before.id);
    await this.db.updateTable('contact').set({ ...toFields(fields), ...this.j.updated() })
      .where('id', '=', before.id).execute();
    await this.writeChildren(before.id, fields);
    const after = (await this.get(before.id))!;
    await this.index(after);
    if (after.name !== before.name) {
      // Deals and activities are found by their contact's name too.
      await this.linked.deals.reindexContact(after.id);
      await this.linked.activities.reindexContact(after.id);
    }
    await this.j.record('contact', before.id, mergedFrom ? 'merge' : 'update', contactJson(before),
      mergedFrom ? { ...contactJson(after), mergedFrom } : contactJson(after));
    return after;
  }

  /**
   * Deletes a contact. What pointed at them stays, detached: their direct reports, deals, activities and follow-ups,
   * each detachment journaled. Orders keep their customer: the caller refuses to delete a contact who has any (a
   * merge moves them). Returns how many direct reports they had.
   */
  async remove(contact: Contact): Promise<number> {
    const { deals, activities, followups } = this.linked;
    const people = await this.getMany(await this.reportsOf(contact.id));
    for (const person of people) await this.update(person, { ...person, reportsToId: null });
    await deals.relink('contact_id', contact.id, null);
    await activities.relink('contact_id', contact.id, null);
    await followups.relink('contact_id', contact.id, null);
    await this.delete(contact);
    return people.length;
  }

  /**
   * Merges DUP into KEEP: everything that pointed at DUP (reports, deals, activities, follow-ups, orders) points at
   * KEEP, DUP is deleted, and KEEP takes `fields`; every change is journaled, KEEP's as a merge naming DUP.
   */
  async merge(keep: Contact, dup: Contact, fields: ContactFields): Promise<Contact> {
    const { deals, activities, followups, orders } = this.linked;
    // People who reported to DUP now report to KEEP (KEEP itself excepted).
    for (const person of await this.getMany(await this.reportsOf(dup.id))) {
      if (person.id !== keep.id) await this.update(person, { ...person, reportsToId: keep.id });
    }
    await deals.relink('contact_id', dup.id, keep.id);
    await activities.relink('contact_id', dup.id, keep.id);
    await followups.relink('contact_id', dup.id, keep.id);
    await orders.moveOrders({ kind: 'contact', id: dup.id }, { kind: 'contact', id: keep.id, name: keep.name });
    let merged = fields;
    if (fields.reportsToId !== null && reportingLoop(keep.id, await this.managerChain(fields.reportsToId)).length) {
      // KEEP would end up reporting to someone who (now) reports to KEEP.
      merged = { ...fields, reportsToId: null };
    }
    // DUP goes first so its emails are free for KEEP.
    await this.delete(dup);
    return this.update(keep, merged, { id: dup.id, name: dup.name });
  }

  /** Deletes a contact whose links are already gone (crm contact forget detaches them first). */
  erase(contact: Contact): Promise<void> {
    return this.delete(contact);
  }

  private async delete(contact: Contact): Promise<void> {
    await this.j.touch('contact', contact.id);
    await setTags(this.db, 'contact', contact.id, []);
    await this.db.deleteFrom('contact').where('id', '=', contact.id).execute();
    await this.engine.search.remove('contact', contact.id);
    await this.j.record('contact', contact.id, 'delete', contactJson(contact), null);
  }

  private index(c: Contact): Promise<void> {
    const { title, body } = contactEntry(c);
    return this.engine.search.put('contact', c.id, title, body);
  }
}
