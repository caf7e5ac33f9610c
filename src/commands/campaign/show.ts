import type { Context } from '../../context.js';
import { campaignJson } from '../../domain/campaign.js';
import { campaignView } from '../../output/views/campaign.js';
import { resolveCampaign } from './shared.js';
import type { CampaignInput } from './spec.js';

export async function run({ args: [ref] }: CampaignInput<'show'>, ctx: Context) {
  const store = await ctx.store();
  const c = await resolveCampaign(store, ref!);
  const counts = (await store.campaigns.counts()).get(c.id) ?? { members: 0, treated: 0, holdout: 0, touched: 0, responded: 0 };
  return campaignView(campaignJson(c, counts));
}
