import type { Context } from '../../context.js';
import { toMajor } from '../../domain/money.js';
import { stageJson } from '../../domain/stage.js';
import { stageList } from '../../output/views/stage.js';

export async function run(_: unknown, ctx: Context) {
  const store = await ctx.store();
  const [stages, totals] = await Promise.all([store.stages.list(), store.stages.dealTotals()]);
  return stageList(stages.map((s) => {
    const t = totals.get(s.id) ?? { deals: 0, amounts: [] };
    return stageJson(s, { deals: t.deals, amounts: t.amounts.map((a) => ({ amount: toMajor(a.minor, a.currency), currency: a.currency })) });
  }));
}
