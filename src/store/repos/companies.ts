import type { Selectable } from 'kysely';
import type { Company, CompanyFields, CompanyFilter } from '../../domain/company.js';
import { companyJson } from '../../domain/company.js';
import type { CompanyValues } from '../../domain/duplicates.js';
import { nameKey } from '../../domain/reference.js';
import type { CompanyTable } from '../schema.js';
import type { Identity } from '../journal.js';
import { Repository } from './repository.js';
import { inSubquery, setTags, tagsFor, withAllTags } from './tags.js';
import { unchanged } from '../../domain/record.js';
import { companyEntry } from '../search-text.js';

type Row = Selectable<CompanyTable>;

/** How many records of each kind a company merge moved from DUP to KEEP. */
export type MergeMoves = {
  contacts: number;
  deals: number;
  activities: number;
  followups: number;
  orders: number;
};

function toCompany(r: Row, tags: string[]): Company {
  return {
    id: r.id, name: r.name, domain: r.domain, industry: r.industry, size: r.size, address: r.address,
    wallet: r.wallet_minor === null || r.currency === null ? null : { minor: Number(r.wallet_minor), currency: r.currency },
    owner: r.owner, notes: r.notes, externalId: r.external_id, tags,
    uuid: r.uuid, createdAt: r.created_at, updatedAt: r.updated_at, createdBy: r.created_by, updatedBy: r.updated_by,
  };
}

function toRow(f: CompanyFields) {
  return {
    name: f.name, name_key: nameKey(f.name), domain: f.domain, industry: f.industry, size: f.size, address: f.address,
    wallet_minor: f.wallet?.minor ?? null, currency: f.wallet?.currency ?? null, owner: f.owner, notes: f.notes,
    external_id: f.externalId,
  };
}

const SORT_COLUMN = { name: 'name_key', id: 'id', created: 'created_at', updated: 'updated_at' } as const;

export class Companies extends Repository {
  async get(id: number): Promise<Company | undefined> {
    const row = await this.db.selectFrom('company').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toCompany(row, (await tagsFor(this.db, this.engine, 'company', [id])).get(id) ?? []);
  }

  async list(filter: CompanyFilter = {}): Promise<Company[]> {
    let q = this.db.selectFrom('company').selectAll();
    if (filter.owner) q = q.where('owner', '=', filter.owner);
    if (filter.industry) q = q.where('industry', '=', filter.industry);
    if (filter.tags?.length) q = q.where(inSubquery('id', withAllTags('company', filter.tags)));
    if (filter.search) q = q.where(inSubquery('id', this.engine.search.matchingIds('company', filter.search)));
    if (filter.page) q = q.where('id', '>', filter.page.after).orderBy('id').limit(filter.page.size);
    else {
      q = q.orderBy(SORT_COLUMN[filter.sort ?? 'name'], filter.desc ? 'desc' : 'asc').orderBy('id');
      if (filter.limit !== undefined) q = q.limit(filter.limit);
    }
    const rows = await q.execute();
    const tags = await tagsFor(this.db, this.engine, 'company', rows.map((r) => r.id));
    return rows.map((r) => toCompany(r, tags.get(r.id) ?? []));
  }

  /** What the duplicate finder needs of every company, in columns, in two scans. */
  async matchValues(): Promise<CompanyValues> {
    const [[ids, names], [domainIds, domains]] = await Promise.all([
      this.engine.columns(this.db.selectFrom('company').select(['id', 'name']), ['id', 'name']),
      this.engine.columns(this.db.selectFrom('company').select(['id', 'domain']).where('domain', 'is not', null), ['id', 'domain']),
    ]);
    return { names: { ids: ids as number[], values: names as string[] }, domains: { ids: domainIds as number[], values: domains as string[] } };
  }

  async findByNameKey(key: string): Promise<Company[]> {
    const rows = await this.db.selectFrom('company').select('id').where('name_key', '=', key).execute();
    return Promise.all(rows.map(async (r) => (await this.get(r.id))!));
  }

  async create(fields: CompanyFields, identity?: Identity): Promise<Company> {
    const { id } = await this.db.insertInto('company').values({ ...toRow(fields), ...this.j.created(identity) })
      .returning('id').executeTakeFirstOrThrow();
    await setTags(this.db, 'company', id, fields.tags);
    const company = (await this.get(id))!;
    await this.index(company);
    await this.j.record('company', id, 'create', null, companyJson(company));
    return company;
  }

  /** `mergedFrom` marks the journal entry of a merge, so history says which company this one absorbed. */
  async update(before: Company, fields: CompanyFields, mergedFrom?: { id: number; name: string }): Promise<Company> {
    if (!mergedFrom && unchanged(before, fields)) return before;
    await this.db.updateTable('company')
      .set({ ...toRow(fields), ...this.j.updated() })
      .where('id', '=', before.id).execute();
    await setTags(this.db, 'company', before.id, fields.tags);
    const after = (await this.get(before.id))!;
    await this.index(after);
    await this.j.record('company', before.id, mergedFrom ? 'merge' : 'update', companyJson(before),
      mergedFrom ? { ...companyJson(after), mergedFrom } : companyJson(after));
    if (after.name !== before.name) {
      // Deals and activities are found by their company's name too.
      await this.linked.deals.reindexCompany(after.id);
      await this.linked.activities.reindexCompany(after.id);
    }
    return after;
  }

  /**
   * Deletes a company. What pointed at it stays, detached: its people (contacts outlive their company), deals,
   * activities and follow-ups, each detachment journaled so that an undo can restore it. Orders are revenue history
   * and keep their customer: the caller refuses to delete a company that has any. Returns how many people it had.
   */
  async remove(company: Company): Promise<number> {
    const { contacts, deals, activities, followups } = this.linked;
    const people = await contacts.list({ companyId: company.id });
    for (const person of people) await contacts.update(person, { ...person, companyId: null });
    await deals.relink('company_id', company.id, null);
    await activities.relink('company_id', company.id, null);
    await followups.relink('company_id', company.id, null);
    await this.delete(company);
    return people.length;
  }

  /**
   * Merges DUP into KEEP: DUP's people, deals, activities, follow-ups and orders point at KEEP, DUP is deleted, and
   * KEEP takes `fields` (its tags included); every change is journaled in the caller's change set, KEEP's as a
   * merge naming DUP. Returns KEEP and how many records of each kind moved.
   */
  async merge(keep: Company, dup: Company, fields: CompanyFields): Promise<{ company: Company; moved: MergeMoves }> {
    const { contacts, deals, activities, followups, orders } = this.linked;
    // People first: a deal's contact then already works for the company the deal moves to.
    const people = await contacts.list({ companyId: dup.id });
    for (const person of people) await contacts.update(person, { ...person, companyId: keep.id });
    const moved: MergeMoves = {
      contacts: people.length,
      deals: await deals.relink('company_id', dup.id, keep.id),
      activities: await activities.relink('company_id', dup.id, keep.id),
      followups: await followups.relink('company_id', dup.id, keep.id),
      orders: await orders.moveOrders({ kind: 'company', id: dup.id }, { kind: 'company', id: keep.id, name: keep.name }),
    };
    await this.delete(dup);
    const company = await this.update(keep, fields, { id: dup.id, name: dup.name });
    return { company, moved };
  }

  private async delete(company: Company): Promise<void> {
    await setTags(this.db, 'company', company.id, []);
    await this.db.deleteFrom('company').where('id', '=', company.id).execute();
    await this.engine.search.remove('company', company.id);
    await this.j.record('company', company.id, 'delete', companyJson(company), null);
  }

  private index(c: Company): Promise<void> {
    const { title, body } = companyEntry(c);
    return this.engine.search.put('company', c.id, title, body);
  }
}
