import { sql } from 'kysely';
import { type Deal, type DealFields, type DealFilter, dealJson, type StageChange } from '../../domain/deal.js';
import { nameKey } from '../../domain/reference.js';
import type { ForecastCategory, Outcome } from '../../domain/stage.js';
import type { Identity } from '../journal.js';
import { Repository } from './repository.js';
import { inSubquery } from './tags.js';
import { unchanged } from '../../domain/record.js';
import { dealEntry } from '../search-text.js';

const SORT_COLUMN = {
  close: 'd.expected_close', amount: 'd.amount_minor', title: 'd.title_key', id: 'd.id', created: 'd.created_at',
  updated: 'd.updated_at', stage: 's.position',
} as const;

function toFields(f: DealFields) {
  return {
    title: f.title, title_key: nameKey(f.title), amount_minor: f.amountMinor, currency: f.currency, stage_id: f.stageId,
    probability: f.probability, forecast_category: f.forecastCategory, expected_close: f.expectedClose,
    closed_on: f.closedOn, owner: f.owner, company_id: f.companyId, contact_id: f.contactId, source: f.source,
    next_step: f.nextStep, lost_reason: f.lostReason,
  };
}

export class Deals extends Repository {
  private select() {
    return this.db.selectFrom('deal as d')
      .innerJoin('stage as s', 's.id', 'd.stage_id')
      .leftJoin('company as co', 'co.id', 'd.company_id')
      .leftJoin('contact as ct', 'ct.id', 'd.contact_id')
      .selectAll('d')
      .select(['s.name as s_name', 's.position as s_position', 's.probability as s_probability',
        's.forecast_category as s_forecast_category', 's.outcome as s_outcome', 's.rotting_days as s_rotting_days',
        's.uuid as s_uuid', 's.created_at as s_created_at', 's.updated_at as s_updated_at', 's.created_by as s_created_by',
        's.updated_by as s_updated_by', 'co.name as company_name', 'ct.name as contact_name'])
      .select((eb) => eb.selectFrom('activity as a').select((e) => e.fn.max('a.at').as('m'))
        .whereRef('a.deal_id', '=', 'd.id').as('last_activity_at'));
  }

  private hydrate(rows: Awaited<ReturnType<ReturnType<Deals['select']>['execute']>>): Deal[] {
    return rows.map((r) => ({
      id: r.id, title: r.title, amountMinor: Number(r.amount_minor), currency: r.currency, stageId: r.stage_id,
      probability: r.probability, forecastCategory: r.forecast_category as ForecastCategory | null,
      expectedClose: r.expected_close, closedOn: r.closed_on, owner: r.owner, companyId: r.company_id,
      contactId: r.contact_id, source: r.source, nextStep: r.next_step, lostReason: r.lost_reason,
      stageChangedAt: r.stage_changed_at, lastActivityAt: (r.last_activity_at as string | null) ?? null,
      stage: {
        id: r.stage_id, name: r.s_name, position: r.s_position, probability: r.s_probability,
        forecastCategory: r.s_forecast_category as ForecastCategory, outcome: r.s_outcome as Outcome,
        rottingDays: r.s_rotting_days, uuid: r.s_uuid, createdAt: r.s_created_at, updatedAt: r.s_updated_at, createdBy: r.s_created_by,
        updatedBy: r.s_updated_by,
      },
      company: r.company_id === null ? null : { id: r.company_id, name: r.company_name ?? '' },
      contact: r.contact_id === null ? null : { id: r.contact_id, name: r.contact_name ?? '' },
      uuid: r.uuid, createdAt: r.created_at, updatedAt: r.updated_at, createdBy: r.created_by, updatedBy: r.updated_by,
    }));
  }

  /** Which of these deals are still open: pickers offer only what the command accepts. */
  async openIds(ids: readonly number[]): Promise<Set<number>> {
    if (!ids.length) return new Set();
    const rows = await this.db.selectFrom('deal as d').innerJoin('stage as s', 's.id', 'd.stage_id')
      .select('d.id').where('s.outcome', '=', 'open').where('d.id', 'in', ids).execute();
    return new Set(rows.map((r) => r.id));
  }

  async get(id: number): Promise<Deal | undefined> {
    return this.hydrate(await this.select().where('d.id', '=', id).execute())[0];
  }

  async list(filter: DealFilter = {}): Promise<Deal[]> {
    let q = this.select();
    if (filter.stageId !== undefined) q = q.where('d.stage_id', '=', filter.stageId);
    if (filter.owner) q = q.where('d.owner', '=', filter.owner);
    if (filter.status && filter.status !== 'all') q = q.where('s.outcome', '=', filter.status);
    if (filter.companyId !== undefined) q = q.where('d.company_id', '=', filter.companyId);
    if (filter.contactId !== undefined) q = q.where('d.contact_id', '=', filter.contactId);
    if (filter.closing) {
      // Won and lost deals close on their actual date; open ones on the expected date.
      const { from, to } = filter.closing;
      q = q.where(sql<boolean>`coalesce(d.closed_on, d.expected_close) between ${from} and ${to}`);
    }
    if (filter.search) q = q.where(inSubquery('d.id', this.engine.search.matchingIds('deal', filter.search)));
    const dir = filter.desc ? 'desc' : 'asc';
    if (filter.page) q = q.where('d.id', '>', filter.page.after).orderBy('d.id').limit(filter.page.size);
    else {
      q = q.orderBy(SORT_COLUMN[filter.sort ?? 'close'], dir).orderBy('d.id');
      if (filter.limit !== undefined) q = q.limit(filter.limit);
    }
    return this.hydrate(await q.execute());
  }

  async stageHistory(dealId: number): Promise<StageChange[]> {
    const rows = await this.db.selectFrom('deal_stage_change').select(['from_stage', 'to_stage', 'at', 'actor'])
      .where('deal_id', '=', dealId).orderBy('at').orderBy('id').execute();
    return rows.map((r) => ({ from: r.from_stage, to: r.to_stage, at: r.at, actor: r.actor }));
  }

  /** The stage a closed deal was in before it closed, for `reopen`. */
  async stageBefore(dealId: number, closedStageId: number): Promise<number | null> {
    const row = await this.db.selectFrom('deal_stage_change').select('from_stage_id').where('deal_id', '=', dealId)
      .where('to_stage_id', '=', closedStageId).orderBy('id', 'desc').limit(1).executeTakeFirst();
    return row?.from_stage_id ?? null;
  }

  async countInStage(stageId: number): Promise<number> {
    const r = await this.db.selectFrom('deal').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('stage_id', '=', stageId).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  private async snapshot(id: number) {
    return dealJson((await this.get(id))!, new Date(this.j.at));
  }

  async create(fields: DealFields, identity?: Identity): Promise<Deal> {
    const { id } = await this.db.insertInto('deal')
      .values({ ...toFields(fields), stage_changed_at: this.j.at, ...this.j.created(identity) })
      .returning('id').executeTakeFirstOrThrow();
    const deal = (await this.get(id))!;
    await this.db.insertInto('deal_stage_change').values({
      deal_id: id, from_stage_id: null, to_stage_id: fields.stageId, from_stage: null, to_stage: deal.stage.name,
      at: this.j.at, actor: this.j.actor,
    }).execute();
    await this.index(deal);
    await this.j.record('deal', id, 'create', null, await this.snapshot(id));
    return deal;
  }

  /** Writes new field values; a different stage is recorded in the stage history. */
  async update(before: Deal, fields: DealFields): Promise<Deal> {
    if (unchanged(before, fields)) return before;
    const moved = fields.stageId !== before.stageId;
    await this.db.updateTable('deal')
      .set({ ...toFields(fields), ...(moved ? { stage_changed_at: this.j.at } : {}), ...this.j.updated() })
      .where('id', '=', before.id).execute();
    const after = (await this.get(before.id))!;
    if (moved) {
      await this.db.insertInto('deal_stage_change').values({
        deal_id: before.id, from_stage_id: before.stageId, to_stage_id: fields.stageId, from_stage: before.stage.name,
        to_stage: after.stage.name, at: this.j.at, actor: this.j.actor,
      }).execute();
    }
    await this.index(after);
    // Activities are found by their deal's title too.
    if (after.title !== before.title) await this.linked.activities.reindexDeal(after.id);
    await this.j.record('deal', before.id, 'update', dealJson(before, new Date(this.j.at)), await this.snapshot(before.id));
    return after;
  }

  /** Re-points deals from one company or contact to another, or to none (merges, deletions). */
  async relink(column: 'contact_id' | 'company_id', from: number, to: number | null): Promise<number> {
    const ids = (await this.db.selectFrom('deal').select('id').where(column, '=', from).execute()).map((r) => r.id);
    for (const id of ids) {
      const before = (await this.get(id))!;
      await this.update(before, { ...before, [column === 'contact_id' ? 'contactId' : 'companyId']: to });
    }
    return ids.length;
  }

  /** Deletes a deal; its activities, follow-ups and orders stay, detached from it (each change journaled). */
  async remove(deal: Deal): Promise<void> {
    const { activities, followups, orders } = this.linked;
    await activities.relink('deal_id', deal.id, null);
    await followups.relink('deal_id', deal.id, null);
    await orders.unlinkDeal(deal.id);
    const before = dealJson(deal, new Date(this.j.at));
    await this.db.deleteFrom('deal').where('id', '=', deal.id).execute();
    await this.engine.search.remove('deal', deal.id);
    await this.j.record('deal', deal.id, 'delete', before, null);
  }

  /** Refreshes the search text of a company's deals (it includes the company's name). */
  async reindexCompany(companyId: number): Promise<void> {
    for (const d of await this.list({ companyId, status: 'all' })) await this.index(d);
  }

  /** Refreshes the search text of a contact's deals (it includes the contact's name). */
  async reindexContact(contactId: number): Promise<void> {
    for (const d of await this.list({ contactId, status: 'all' })) await this.index(d);
  }

  private index(d: Deal): Promise<void> {
    const { title, body } = dealEntry(d);
    return this.engine.search.put('deal', d.id, title, body);
  }
}
