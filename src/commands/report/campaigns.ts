import type { Context } from '../../context.js';
import { campaignsView } from '../../output/views/campaign.js';
import { campaignReport } from './campaign-result.js';
import type { ReportInput } from './spec.js';

export async function run(_input: ReportInput<'campaigns'>, ctx: Context) {
  const store = await ctx.store();
  const rows = [];
  for (const c of await store.campaigns.list()) rows.push(await campaignReport(store, c));
  return campaignsView({ campaigns: rows });
}
