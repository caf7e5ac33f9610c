import type { Context } from '../../context.js';
import { campaignJson } from '../../domain/campaign.js';
import { campaignList } from '../../output/views/campaign.js';
import type { CampaignInput } from './spec.js';

const NONE = { members: 0, treated: 0, holdout: 0, touched: 0, responded: 0 };

export async function run(_input: CampaignInput<'list'>, ctx: Context) {
  const store = await ctx.store();
  const counts = await store.campaigns.counts();
  return campaignList((await store.campaigns.list()).map((c) => campaignJson(c, counts.get(c.id) ?? NONE)));
}
