import type { Selectable } from 'kysely';
import type { ForecastCategory, Outcome, Stage, StageFields } from '../../domain/stage.js';
import { stageJson } from '../../domain/stage.js';
import { nameKey } from '../../domain/reference.js';
import type { StageTable } from '../schema.js';
import { Repository } from './repository.js';
import { unchanged } from '../../domain/record.js';
import { enterStage } from '../../domain/deal-transitions.js';

const toStage = (r: Selectable<StageTable>): Stage => ({
  id: r.id, name: r.name, position: r.position, probability: r.probability,
  forecastCategory: r.forecast_category as ForecastCategory, outcome: r.outcome as Outcome, rottingDays: r.rotting_days,
  uuid: r.uuid, createdAt: r.created_at, updatedAt: r.updated_at, createdBy: r.created_by, updatedBy: r.updated_by,
});

const toFields = (f: StageFields) => ({
  name: f.name, name_key: nameKey(f.name), position: f.position, probability: f.probability,
  forecast_category: f.forecastCategory, outcome: f.outcome, rotting_days: f.rottingDays,
});

export class Stages extends Repository {
  /** Every stage in pipeline order. */
  async list(): Promise<Stage[]> {
    return (await this.db.selectFrom('stage').selectAll().orderBy('position').orderBy('id').execute()).map(toStage);
  }

  async get(id: number): Promise<Stage | undefined> {
    const row = await this.db.selectFrom('stage').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toStage(row);
  }

  async byOutcome(outcome: Outcome): Promise<Stage | undefined> {
    const row = await this.db.selectFrom('stage').selectAll().where('outcome', '=', outcome).orderBy('position')
      .executeTakeFirst();
    return row && toStage(row);
  }

  /** Open deals per stage, with their amounts per currency. */
  async dealTotals(): Promise<Map<number, { deals: number; amounts: { minor: number; currency: string }[] }>> {
    const rows = await this.db.selectFrom('deal').select(['stage_id', 'currency'])
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('amount_minor').as('total')])
      .groupBy(['stage_id', 'currency']).orderBy('stage_id').orderBy('currency').execute();
    const out = new Map<number, { deals: number; amounts: { minor: number; currency: string }[] }>();
    for (const r of rows) {
      const entry = out.get(r.stage_id) ?? { deals: 0, amounts: [] };
      entry.deals += Number(r.n);
      entry.amounts.push({ minor: Number(r.total), currency: r.currency });
      out.set(r.stage_id, entry);
    }
    return out;
  }

  async create(fields: StageFields): Promise<Stage> {
    const { id } = await this.db.insertInto('stage').values({ ...toFields(fields), ...this.j.created() })
      .returning('id').executeTakeFirstOrThrow();
    const stage = (await this.get(id))!;
    await this.j.record('stage', id, 'create', null, stageJson(stage));
    return stage;
  }

  async update(before: Stage, fields: StageFields): Promise<Stage> {
    if (unchanged(before, fields)) return before;
    await this.j.touch('stage', before.id);
    await this.db.updateTable('stage').set({ ...toFields(fields), ...this.j.updated() }).where('id', '=', before.id).execute();
    const after = (await this.get(before.id))!;
    await this.j.record('stage', before.id, 'update', stageJson(before), stageJson(after));
    return after;
  }

  /**
   * Deletes a stage. Its deals move to `moveDealsTo` first, each entering it as the domain's stage removal says
   * (deal-transitions' enterStage), each move journaled and in the deal's stage history (a stage with deals and
   * nowhere to move them cannot go: checkMoveTarget). Returns how many deals moved.
   */
  async remove(stage: Stage, moveDealsTo: Stage | null = null): Promise<number> {
    const deals = moveDealsTo ? await this.linked.deals.list({ stageId: stage.id, status: 'all' }) : [];
    for (const d of deals) await this.linked.deals.update(d, enterStage(d, moveDealsTo!));
    await this.j.touch('stage', stage.id);
    await this.db.deleteFrom('stage').where('id', '=', stage.id).execute();
    await this.j.record('stage', stage.id, 'delete', stageJson(stage), null);
    return deals.length;
  }

  async findByName(text: string): Promise<Stage[]> {
    const rows = await this.db.selectFrom('stage').selectAll().where('name_key', '=', nameKey(text)).execute();
    return rows.map(toStage);
  }
}
