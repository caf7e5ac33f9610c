import type { Context } from '../../context.js';
import { memberJson } from '../../domain/campaign.js';
import { memberList } from '../../output/views/campaign.js';
import { resolveCampaign } from './shared.js';
import type { CampaignInput } from './spec.js';

export async function run({ args: [ref], opts }: CampaignInput<'members'>, ctx: Context) {
  const store = await ctx.store();
  const c = await resolveCampaign(store, ref!);
  let members = await store.campaigns.members(c.id);
  if (opts.group) members = members.filter((m) => m.group === opts.group);
  if (opts.untouched) members = members.filter((m) => m.group === 'treated' && m.touchedOn === null);
  return memberList(members.map(memberJson));
}
