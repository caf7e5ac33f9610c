import type { Context } from '../../context.js';
import { campaignReportView } from '../../output/views/campaign.js';
import { resolveCampaign } from '../campaign/shared.js';
import { campaignReport } from './campaign-result.js';
import type { ReportInput } from './spec.js';

export async function run({ args: [ref] }: ReportInput<'campaign'>, ctx: Context) {
  const store = await ctx.store();
  const r = await campaignReport(store, await resolveCampaign(store, ref!));
  return campaignReportView(r, r.note ? [r.note] : []);
}
