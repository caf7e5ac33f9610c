import { type Followup, type FollowupFields, type FollowupFilter, followupJson, type FollowupStatus, type Priority, type RepeatUnit } from '../../domain/followup.js';
import { localDate } from '../../domain/calendar.js';
import { nameKey } from '../../domain/reference.js';
import type { Identity } from '../journal.js';
import { Repository } from './repository.js';
import { unchanged } from '../../domain/record.js';

const toFields = (f: FollowupFields) => ({
  title: f.title, title_key: nameKey(f.title), due_date: f.dueDate, due_time: f.dueTime, owner: f.owner,
  priority: f.priority, status: f.status, done_at: f.doneAt, repeat_every: f.repeat?.every ?? null,
  repeat_unit: f.repeat?.unit ?? null, series_anchor: f.seriesAnchor, series_due: f.seriesDue, notes: f.notes, contact_id: f.contactId, company_id: f.companyId, deal_id: f.dealId,
});

const PRIORITY_RANK = { high: 0, normal: 1, low: 2 } as const;

export class Followups extends Repository {
  private select() {
    return this.db.selectFrom('followup as f')
      .leftJoin('contact as ct', 'ct.id', 'f.contact_id')
      .leftJoin('company as co', 'co.id', 'f.company_id')
      .leftJoin('deal as d', 'd.id', 'f.deal_id')
      .selectAll('f').select(['ct.name as contact_name', 'co.name as company_name', 'd.title as deal_title']);
  }

  async get(id: number): Promise<Followup | undefined> {
    return this.hydrate(await this.select().where('f.id', '=', id).execute())[0];
  }

  /** Due first; same day: timed before all-day, then high priority first. */
  async list(f: FollowupFilter = {}): Promise<Followup[]> {
    let q = this.select();
    if (f.status !== 'all') q = q.where('f.status', '=', f.status ?? 'open');
    if (f.owner) q = q.where('f.owner', '=', f.owner);
    if (f.dueFrom) q = q.where('f.due_date', '>=', f.dueFrom);
    if (f.dueTo) q = q.where('f.due_date', '<=', f.dueTo);
    if (f.contactId !== undefined) q = q.where('f.contact_id', '=', f.contactId);
    if (f.companyId !== undefined) q = q.where('f.company_id', '=', f.companyId);
    if (f.dealId !== undefined) q = q.where('f.deal_id', '=', f.dealId);
    if (f.page) return this.hydrate(await q.where('f.id', '>', f.page.after).orderBy('f.id').limit(f.page.size).execute());
    q = q.orderBy('f.due_date').orderBy('f.due_time').orderBy('f.id');
    const rows = this.hydrate(await q.execute());
    // SQL sorts NULL times first; people want timed items first, then by priority.
    rows.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || Number(a.dueTime === null) - Number(b.dueTime === null) ||
      (a.dueTime ?? '').localeCompare(b.dueTime ?? '') || PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || a.id - b.id);
    return f.limit !== undefined ? rows.slice(0, f.limit) : rows;
  }

  private hydrate(rows: Awaited<ReturnType<ReturnType<Followups['select']>['execute']>>): Followup[] {
    return rows.map((r) => ({
      id: r.id, title: r.title, dueDate: r.due_date, dueTime: r.due_time, owner: r.owner,
      priority: r.priority as Priority, status: r.status as FollowupStatus, doneAt: r.done_at,
      repeat: r.repeat_every === null ? null : { every: r.repeat_every, unit: r.repeat_unit as RepeatUnit },
      seriesAnchor: r.series_anchor, seriesDue: r.series_due, notes: r.notes, contactId: r.contact_id, companyId: r.company_id, dealId: r.deal_id,
      contact: r.contact_id === null ? null : { id: r.contact_id, name: r.contact_name ?? '' },
      company: r.company_id === null ? null : { id: r.company_id, name: r.company_name ?? '' },
      deal: r.deal_id === null ? null : { id: r.deal_id, name: r.deal_title ?? '' },
      uuid: r.uuid, createdAt: r.created_at, updatedAt: r.updated_at, createdBy: r.created_by, updatedBy: r.updated_by,
    }));
  }

  private snap(f: Followup) {
    return followupJson(f, localDate(new Date(this.j.at)));
  }

  async create(fields: FollowupFields, identity?: Identity): Promise<Followup> {
    const { id } = await this.db.insertInto('followup').values({ ...toFields(fields), ...this.j.created(identity) })
      .returning('id').executeTakeFirstOrThrow();
    const f = (await this.get(id))!;
    await this.j.record('followup', id, 'create', null, this.snap(f));
    return f;
  }

  async update(before: Followup, fields: FollowupFields): Promise<Followup> {
    if (unchanged(before, fields)) return before;
    await this.j.touch('followup', before.id);
    await this.db.updateTable('followup').set({ ...toFields(fields), ...this.j.updated() }).where('id', '=', before.id).execute();
    const after = (await this.get(before.id))!;
    await this.j.record('followup', before.id, 'update', this.snap(before), this.snap(after));
    return after;
  }

  /** Re-points follow-ups from one record to another, or to none (merges, deletions). */
  async relink(column: 'contact_id' | 'company_id' | 'deal_id', from: number, to: number | null): Promise<number> {
    const ids = (await this.db.selectFrom('followup').select('id').where(column, '=', from).execute()).map((r) => r.id);
    for (const id of ids) {
      const before = (await this.get(id))!;
      await this.j.touch('followup', id);
      await this.db.updateTable('followup').set({ [column]: to, ...this.j.updated() }).where('id', '=', id).execute();
      await this.j.record('followup', id, 'update', this.snap(before), this.snap((await this.get(id))!));
    }
    return ids.length;
  }

  async remove(f: Followup): Promise<void> {
    await this.j.touch('followup', f.id);
    await this.db.deleteFrom('followup').where('id', '=', f.id).execute();
    await this.j.record('followup', f.id, 'delete', this.snap(f), null);
  }
}
