import { dealLost } from '../../output/views/notices.js';
import type { Context } from '../../context.js';
import { dealJson } from '../../domain/deal.js';
import { lose } from '../../domain/deal-transitions.js';
import { check, lostReason } from '../../domain/fields.js';
import { dealView } from '../../output/views/deal.js';
import { pickReason, pickRecord } from '../ask/pickers.js';
import { closingDeal } from './shared.js';
import type { DealInput } from './spec.js';

export async function run({ args: [given], opts }: DealInput<'lose'>, ctx: Context) {
  const reasons = (await ctx.shared()).values.lostReasons;
  let [ref, answer] = [given, opts.reason];
  if (ref === undefined || answer === undefined) {
    const p = await ctx.ask([...(ref === undefined ? ['DEAL'] : []), ...(answer === undefined ? ['--reason'] : [])],
      `crm deal lose DEAL --reason ${reasons.join('|')}`);
    ref ??= await pickRecord(ctx, ['deal'], 'Deal lost (type to search)', { openDeals: true })(p, undefined, {});
    answer ??= await pickReason(reasons, 'Why was it lost?')(p, undefined, {});
  }
  const reason = check(lostReason(reasons), answer, '--reason');
  const deal = await ctx.write(async (tx) => {
    const { before, stage, closedOn } = await closingDeal(tx, ref, 'lost', opts.date, ctx);
    return tx.deals.update(before, lose(before, stage, closedOn, reason));
  });
  return dealView(dealJson(deal, ctx.now), dealLost(deal, reason));
}
