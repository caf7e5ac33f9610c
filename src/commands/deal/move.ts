import { dealMoved } from '../../output/views/notices.js';
import type { Context } from '../../context.js';
import { dealJson } from '../../domain/deal.js';
import { check, percent } from '../../domain/fields.js';
import { dealView } from '../../output/views/deal.js';
import { findStage } from '../stage/shared.js';
import { pickRecord, pickStage } from '../ask/pickers.js';
import { loadDeal } from './shared.js';
import { checkMovable, move } from '../../domain/deal-transitions.js';
import type { DealInput } from './spec.js';

export async function run({ args: [given, givenStage], opts }: DealInput<'move'>, ctx: Context) {
  let [ref, stageRef] = [given, givenStage];
  if (ref === undefined || stageRef === undefined) {
    const p = await ctx.ask([...(ref === undefined ? ['DEAL'] : []), ...(stageRef === undefined ? ['STAGE'] : [])], 'crm deal move DEAL STAGE');
    ref ??= await pickRecord(ctx, ['deal'], 'Deal to move (type to search)', { openDeals: true })(p, undefined, {});
    stageRef ??= await pickStage(ctx, 'Move to stage')(p, String((await loadDeal(await ctx.store(), ref)).stageId), {});
  }
  const deal = await ctx.write(async (tx) => {
    const before = await loadDeal(tx, ref);
    const stage = await findStage(tx, stageRef, 'STAGE');
    // Checked before --probability is read, so a closed deal hears "reopen it first" whatever the flags.
    checkMovable(before, stage);
    const probability = opts.probability === undefined ? null : check(percent, opts.probability, '--probability');
    return tx.deals.update(before, move(before, stage, probability));
  });
  return dealView(dealJson(deal, ctx.now), dealMoved(deal, deal.stage.name));
}
