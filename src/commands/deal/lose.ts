import { dealLost } from '../../output/views/notices.js';
import type { Context } from '../../context.js';
import { DEFAULT_LOST_REASONS } from '../../domain/config.js';
import { dealJson } from '../../domain/deal.js';
import { lose } from '../../domain/deal-transitions.js';
import { invalid } from '../../errors.js';
import { dealView } from '../../output/views/deal.js';
import { pickReason, pickRecord } from '../ask/pickers.js';
import { closingDeal } from './shared.js';
import type { DealInput } from './spec.js';

export async function run({ args: [given], opts }: DealInput<'lose'>, ctx: Context) {
  const reasons = ctx.config.lostReasons ?? DEFAULT_LOST_REASONS;
  let [ref, answer] = [given, opts.reason];
  if (ref === undefined || answer === undefined) {
    const p = await ctx.ask([...(ref === undefined ? ['DEAL'] : []), ...(answer === undefined ? ['--reason'] : [])],
      `crm deal lose DEAL --reason ${reasons.join('|')}`);
    ref ??= await pickRecord(ctx, ['deal'], 'Deal lost (type to search)', { openDeals: true })(p, undefined, {});
    answer ??= await pickReason(ctx, 'Why was it lost?')(p, undefined, {});
  }
  const reason = answer.trim().toLowerCase().replace(/\s+/g, '-');
  if (!reasons.includes(reason)) {
    throw invalid('--reason', `"${answer}" is not a lost reason`, `use one of: ${reasons.join(', ')} (crm config set lostReasons ... to change them)`);
  }
  const deal = await ctx.write(async (tx) => {
    const { before, stage, closedOn } = await closingDeal(tx, ref, 'lost', opts.date, ctx);
    return tx.deals.update(before, lose(before, stage, closedOn, reason));
  });
  return dealView(dealJson(deal, ctx.now), dealLost(deal, reason));
}
