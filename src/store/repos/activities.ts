import { sql } from 'kysely';
import { type Activity, type ActivityFields, type ActivityFilter, activityJson, type ActivityType, type Direction } from '../../domain/activity.js';
import type { Identity } from '../journal.js';
import { Repository } from './repository.js';
import { inSubquery } from './tags.js';
import { unchanged } from '../../domain/record.js';
import { activityEntry } from '../search-text.js';

const toFields = (f: ActivityFields) => ({
  type: f.type, at: f.at, summary: f.summary, outcome: f.outcome, direction: f.direction, satisfaction: f.satisfaction,
  contact_id: f.contactId, company_id: f.companyId, deal_id: f.dealId,
});

export class Activities extends Repository {
  private select() {
    return this.db.selectFrom('activity as a')
      .leftJoin('contact as ct', 'ct.id', 'a.contact_id')
      .leftJoin('company as co', 'co.id', 'a.company_id')
      .leftJoin('deal as d', 'd.id', 'a.deal_id')
      .selectAll('a').select(['ct.name as contact_name', 'co.name as company_name', 'd.title as deal_title']);
  }

  async get(id: number): Promise<Activity | undefined> {
    return this.hydrate(await this.select().where('a.id', '=', id).execute())[0];
  }

  async list(f: ActivityFilter = {}): Promise<Activity[]> {
    let q = this.select();
    if (f.type) q = q.where('a.type', '=', f.type);
    if (f.contactId !== undefined) q = q.where('a.contact_id', '=', f.contactId);
    if (f.companyId !== undefined) {
      // A company's activities include those logged on its people and its deals.
      const id = f.companyId;
      q = q.where((eb) => eb.or([eb('a.company_id', '=', id), eb('ct.company_id', '=', id), eb('d.company_id', '=', id)]));
    }
    if (f.dealId !== undefined) q = q.where('a.deal_id', '=', f.dealId);
    if (f.owner) q = q.where('a.created_by', '=', f.owner);
    if (f.from) q = q.where('a.at', '>=', f.from);
    if (f.to) q = q.where('a.at', '<', f.to);
    if (f.search) q = q.where(inSubquery('a.id', this.engine.search.matchingIds('activity', f.search)));
    const dir = f.desc === false ? 'asc' : 'desc';
    if (f.page) q = q.where('a.id', '>', f.page.after).orderBy('a.id').limit(f.page.size);
    else {
      q = q.orderBy('a.at', dir).orderBy('a.id', dir);
      if (f.limit !== undefined) q = q.limit(f.limit);
    }
    return this.hydrate(await q.execute());
  }

  /** The latest satisfaction score recorded per customer (analytics.md, loyalty matrix). */
  async latestSatisfaction(): Promise<{ at: string; satisfaction: number; companyId: number | null; contactId: number | null }[]> {
    const rows = await this.db.selectFrom('activity as a').leftJoin('contact as ct', 'ct.id', 'a.contact_id')
      .select(['a.at', 'a.satisfaction', sql<number | null>`coalesce(a.company_id, ct.company_id)`.as('company_id'), 'a.contact_id'])
      .where('a.satisfaction', 'is not', null).orderBy('a.at').orderBy('a.id').execute();
    return rows.map((r) => ({ at: r.at, satisfaction: r.satisfaction!, companyId: r.company_id, contactId: r.contact_id }));
  }

  private hydrate(rows: Awaited<ReturnType<ReturnType<Activities['select']>['execute']>>): Activity[] {
    return rows.map((r) => ({
      id: r.id, type: r.type as ActivityType, at: r.at, summary: r.summary, outcome: r.outcome,
      direction: r.direction as Direction | null, satisfaction: r.satisfaction, contactId: r.contact_id,
      companyId: r.company_id, dealId: r.deal_id,
      contact: r.contact_id === null ? null : { id: r.contact_id, name: r.contact_name ?? '' },
      company: r.company_id === null ? null : { id: r.company_id, name: r.company_name ?? '' },
      deal: r.deal_id === null ? null : { id: r.deal_id, name: r.deal_title ?? '' },
      uuid: r.uuid, createdAt: r.created_at, updatedAt: r.updated_at, createdBy: r.created_by, updatedBy: r.updated_by,
    }));
  }

  async create(fields: ActivityFields, identity?: Identity): Promise<Activity> {
    const { id } = await this.db.insertInto('activity').values({ ...toFields(fields), ...this.j.created(identity) })
      .returning('id').executeTakeFirstOrThrow();
    const activity = (await this.get(id))!;
    await this.index(activity);
    await this.j.record('activity', id, 'create', null, activityJson(activity));
    return activity;
  }

  /** Writes new field values (an import with --update); an edit that changes nothing is not written or journaled. */
  async update(before: Activity, fields: ActivityFields): Promise<Activity> {
    if (unchanged(before, fields)) return before;
    await this.db.updateTable('activity').set({ ...toFields(fields), ...this.j.updated() }).where('id', '=', before.id).execute();
    const after = (await this.get(before.id))!;
    await this.index(after);
    await this.j.record('activity', before.id, 'update', activityJson(before), activityJson(after));
    return after;
  }

  /** Refreshes the search text of a company's activities (it includes the company's name). */
  async reindexCompany(companyId: number): Promise<void> {
    for (const a of await this.list({ companyId })) await this.index(a);
  }

  /** Refreshes the search text of a contact's activities (it includes the contact's name). */
  async reindexContact(contactId: number): Promise<void> {
    for (const a of await this.list({ contactId })) await this.index(a);
  }

  /** Refreshes the search text of a deal's activities (it includes the deal's title). */
  async reindexDeal(dealId: number): Promise<void> {
    for (const a of await this.list({ dealId })) await this.index(a);
  }

  private index(a: Activity): Promise<void> {
    const { title, body } = activityEntry(a);
    return this.engine.search.put('activity', a.id, title, body);
  }

  /** Re-points activities from one record to another, or to none (merges, deletions). */
  async relink(column: 'contact_id' | 'company_id' | 'deal_id', from: number, to: number | null): Promise<number> {
    const moved = await this.db.selectFrom('activity').select('id').where(column, '=', from).execute();
    for (const { id } of moved) {
      const before = (await this.get(id))!;
      await this.db.updateTable('activity').set({ [column]: to, ...this.j.updated() }).where('id', '=', id).execute();
      const after = (await this.get(id))!;
      await this.index(after);
      await this.j.record('activity', id, 'update', activityJson(before), activityJson(after));
    }
    return moved.length;
  }
}
