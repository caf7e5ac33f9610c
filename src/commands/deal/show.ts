import type { Context } from '../../context.js';
import { activityJson } from '../../domain/activity.js';
import { dealJson } from '../../domain/deal.js';
import { followupJson } from '../../domain/followup.js';
import { isoDate } from '../../domain/dates.js';
import { dealView } from '../../output/views/deal.js';
import { loadDeal } from './shared.js';
import type { DealInput } from './spec.js';

export async function run({ args: [ref] }: DealInput<'show'>, ctx: Context) {
  const store = await ctx.store();
  const deal = await loadDeal(store, ref!);
  const [stageHistory, activities, followups] = await Promise.all([
    store.deals.stageHistory(deal.id),
    store.activities.list({ dealId: deal.id }),
    store.followups.list({ dealId: deal.id }),
  ]);
  const today = isoDate(ctx.now);
  return dealView({
    ...dealJson(deal, ctx.now), stageHistory, activities: activities.map(activityJson),
    followups: followups.map((f) => followupJson(f, today)),
  });
}
