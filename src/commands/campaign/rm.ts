import type { Context } from '../../context.js';
import { campaignRemoved } from '../../output/views/campaign.js';
import { resolveCampaign } from './shared.js';
import type { CampaignInput } from './spec.js';

export async function run({ args: [ref] }: CampaignInput<'rm'>, ctx: Context) {
  const store = await ctx.store();
  const target = await resolveCampaign(store, ref!);
  const members = (await store.campaigns.counts()).get(target.id)?.members ?? 0;
  await (await ctx.prompter()).confirm(`Delete campaign #${target.id} ${target.name} and its ${members} members?`, `delete campaign #${target.id}`);
  await ctx.write(async (tx) => tx.campaigns.remove(await resolveCampaign(tx, String(target.id))));
  return { kind: 'none' as const, done: campaignRemoved(target.id, target.name, members) };
}
