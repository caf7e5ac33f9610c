import type { Input } from '../../cli/action.js';
import type { Context } from '../../context.js';
import { dealJson } from '../../domain/deal.js';
import { dealView } from '../../output/views/deal.js';
import { added } from '../../output/views/notices.js';
import { type DealFlags, dealFields } from './shared.js';

export async function run({ args: [title], opts }: Input<DealFlags>, ctx: Context) {
  const deal = await ctx.write(async (tx) => tx.deals.create(await dealFields({ ...opts, title }, ctx, tx)));
  return dealView(dealJson(deal, ctx.now), added('deal', { id: deal.id, name: deal.title }));
}
