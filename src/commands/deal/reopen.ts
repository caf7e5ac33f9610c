import { dealReopened } from '../../output/views/notices.js';
import type { Context } from '../../context.js';
import { dealJson } from '../../domain/deal.js';
import { reopen, reopenStage, undoesWinOrder } from '../../domain/deal-transitions.js';
import { dealView } from '../../output/views/deal.js';
import { findStage } from '../stage/shared.js';
import { loadDeal } from './shared.js';
import type { DealInput } from './spec.js';

export async function run({ args: [ref], opts }: DealInput<'reopen'>, ctx: Context) {
  const result = await ctx.write(async (tx) => {
    const before = await loadDeal(tx, ref!);
    const previous = before.stage.outcome === 'open' ? null : await tx.deals.stageBefore(before.id, before.stageId);
    const stage = opts.stage !== undefined ? await findStage(tx, opts.stage, '--stage')
      : reopenStage(await tx.stages.list(), previous);
    const fields = reopen(before, stage, previous);
    const removed = undoesWinOrder(before) ? await tx.orders.removeWinOrder(before.id) : 0;
    const deal = await tx.deals.update(before, fields);
    return { deal, removed };
  });
  const { deal, removed } = result;
  return dealView(dealJson(deal, ctx.now), dealReopened(deal, deal.stage.name, removed));
}
