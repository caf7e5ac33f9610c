import type { Input } from '../../cli/action.js';
import type { Context } from '../../context.js';
import { DEFAULT_LOST_REASONS } from '../../domain/config.js';
import { isoDate, parseWhen } from '../../domain/dates.js';
import { dealJson } from '../../domain/deal.js';
import { invalid, usageError } from '../../errors.js';
import { dealView } from '../../output/views/deal.js';
import { loadDeal } from './shared.js';

export async function run({ args: [ref], opts }: Input<{ reason?: string; date?: string }>, ctx: Context) {
  const reasons = ctx.config.lostReasons ?? DEFAULT_LOST_REASONS;
  if (opts.reason === undefined) throw invalid('--reason', 'is required to lose a deal', `pass --reason with one of: ${reasons.join(', ')}`);
  const reason = opts.reason.trim().toLowerCase().replace(/\s+/g, '-');
  if (!reasons.includes(reason)) {
    throw invalid('--reason', `"${opts.reason}" is not a lost reason`, `use one of: ${reasons.join(', ')} (crm config set lostReasons ... to change them)`);
  }
  const deal = await ctx.write(async (tx) => {
    const before = await loadDeal(tx, ref!);
    if (before.stage.outcome !== 'open') {
      throw usageError(`deal #${before.id} ${before.title} is already ${before.stage.outcome}`,
        before.stage.outcome === 'won' ? `reopen it first: crm deal reopen ${before.id}` : 'nothing to do');
    }
    const lost = (await tx.stages.byOutcome('lost'))!;
    const closedOn = opts.date === undefined ? isoDate(ctx.now) : isoDate(parseWhen(opts.date, ctx.now, '--date').at);
    return tx.deals.update(before, { ...before, stageId: lost.id, closedOn, lostReason: reason, probability: null, forecastCategory: null });
  });
  return dealView(dealJson(deal, ctx.now), `lost deal #${deal.id} ${deal.title} (${reason})`);
}
