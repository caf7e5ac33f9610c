import type { Input } from '../../cli/action.js';
import { dealReopened } from '../../output/views/notices.js';
import type { Context } from '../../context.js';
import { dealJson } from '../../domain/deal.js';
import { invalid, usageError } from '../../errors.js';
import { dealView } from '../../output/views/deal.js';
import { findStage } from '../stage/shared.js';
import { loadDeal } from './shared.js';

export async function run({ args: [ref], opts }: Input<{ stage?: string }>, ctx: Context) {
  const result = await ctx.write(async (tx) => {
    const before = await loadDeal(tx, ref!);
    if (before.stage.outcome === 'open') throw usageError(`deal #${before.id} ${before.title} is open`, 'nothing to reopen');
    const previous = await tx.deals.stageBefore(before.id, before.stageId);
    const stage = opts.stage !== undefined ? await findStage(tx, opts.stage, '--stage')
      : (previous !== null ? await tx.stages.get(previous) : undefined) ?? (await tx.stages.list()).find((s) => s.outcome === 'open')!;
    if (stage.outcome !== 'open') throw invalid('--stage', `"${stage.name}" is not an open stage`, 'name an open stage');
    // The win's order goes with the win.
    const removed = before.stage.outcome === 'won' ? await tx.orders.removeWinOrder(before.id) : 0;
    const deal = await tx.deals.update(before, { ...before, stageId: stage.id, closedOn: null, lostReason: null });
    return { deal, removed };
  });
  const { deal, removed } = result;
  return dealView(dealJson(deal, ctx.now), dealReopened(deal, deal.stage.name, removed));
}
