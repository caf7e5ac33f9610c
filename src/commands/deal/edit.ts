import type { Input } from '../../cli/action.js';
import type { Context } from '../../context.js';
import { dealJson } from '../../domain/deal.js';
import { dealView } from '../../output/views/deal.js';
import { updated } from '../../output/views/notices.js';
import { type DealFlags, dealFields, loadDeal } from './shared.js';

export async function run({ args: [ref], opts }: Input<DealFlags>, ctx: Context) {
  const deal = await ctx.write(async (tx) => {
    const before = await loadDeal(tx, ref!);
    return tx.deals.update(before, await dealFields(opts, ctx, tx, before));
  });
  return dealView(dealJson(deal, ctx.now), updated('deal', { id: deal.id, name: deal.title }));
}
