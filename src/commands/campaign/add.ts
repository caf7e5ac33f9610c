import type { Context } from '../../context.js';
import { campaignJson, campaignName } from '../../domain/campaign.js';
import { conflict, invalid } from '../../errors.js';
import { campaignAdded, campaignView } from '../../output/views/campaign.js';
import { ownerOnRoster } from '../fields.js';
import { campaignFields, newCampaign } from './shared.js';
import type { CampaignInput } from './spec.js';

export async function run({ args: [nameText], opts }: CampaignInput<'add'>, ctx: Context) {
  const name = campaignName(nameText!, 'NAME');
  if (opts.channel === undefined) throw invalid('--channel', 'a campaign needs a channel', 'pass --channel email|call|mail|event|ads');
  await ownerOnRoster(ctx, opts.owner);
  const fields = campaignFields(opts, ctx, newCampaign(name, opts.channel, ctx, (await ctx.shared()).values.currency));
  const c = await ctx.write(async (tx) => {
    const existing = await tx.campaigns.byName(name);
    if (existing) throw conflict(`NAME: campaign #${existing.id} is already called ${existing.name}`, 'campaign names are unique; use another');
    return tx.campaigns.create(fields);
  });
  return campaignView(campaignJson(c, { members: 0, treated: 0, holdout: 0, touched: 0, responded: 0 }), campaignAdded(c.id, c.name));
}
