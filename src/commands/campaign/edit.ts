import type { Context } from '../../context.js';
import { campaignJson } from '../../domain/campaign.js';
import { unchanged } from '../../domain/record.js';
import { conflict } from '../../errors.js';
import { campaignView } from '../../output/views/campaign.js';
import { ownerOnRoster } from '../fields.js';
import { campaignFields, resolveCampaign } from './shared.js';
import type { CampaignInput } from './spec.js';

export async function run({ args: [ref], opts }: CampaignInput<'edit'>, ctx: Context) {
  await ownerOnRoster(ctx, opts.owner);
  const c = await ctx.write(async (tx) => {
    const before = await resolveCampaign(tx, ref!);
    const fields = campaignFields(opts, ctx, before);
    if (fields.name !== before.name) {
      const other = await tx.campaigns.byName(fields.name);
      if (other && other.id !== before.id) throw conflict(`--name: campaign #${other.id} is already called ${other.name}`, 'campaign names are unique; use another');
    }
    return unchanged(before, fields) ? before : tx.campaigns.update(before, fields);
  });
  const counts = (await (await ctx.store()).campaigns.counts()).get(c.id);
  return campaignView(campaignJson(c, counts ?? { members: 0, treated: 0, holdout: 0, touched: 0, responded: 0 }), `updated campaign #${c.id} ${c.name}`);
}
