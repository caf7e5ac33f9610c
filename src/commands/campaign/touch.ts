import type { Context } from '../../context.js';
import type { ActivityType } from '../../domain/activity.js';
import type { Channel, Member } from '../../domain/campaign.js';
import { consentBlock } from '../../domain/consent.js';
import { isoDate, parseWhen } from '../../domain/dates.js';
import { invalid } from '../../errors.js';
import { memberList, touched } from '../../output/views/campaign.js';
import { memberJson } from '../../domain/campaign.js';
import { resolveMember } from './member.js';
import { resolveCampaign } from './shared.js';
import type { CampaignInput } from './spec.js';

/** The activity a touch logs: an email or a call as such, a letter, an event or an ad as a note. */
const ACTIVITY: Record<Channel, ActivityType> = { email: 'email', call: 'call', mail: 'note', event: 'note', ads: 'note' };

/**
 * Records that treated members were contacted (holdout members never are) and logs one activity on each. A contact
 * who opted out or became do-not-contact since targeting is left out and counted.
 */
export async function run({ args: [ref, refs], opts }: CampaignInput<'touch'>, ctx: Context) {
  const at = opts.at === undefined ? ctx.now : parseWhen(opts.at, ctx.now, '--at').at;
  const on = isoDate(at);
  const result = await ctx.write(async (tx) => {
    const c = await resolveCampaign(tx, ref!);
    const members = await tx.campaigns.members(c.id);
    let chosen: Member[];
    if (refs && refs.length) {
      chosen = [];
      for (const r of refs) {
        const m = await resolveMember(tx, c, members, r);
        if (m.group === 'holdout') throw invalid('MEMBER', `${m.name} is in the holdout group of ${c.name}`, 'holdout members are never contacted: that is what makes them a control');
        chosen.push(m);
      }
    } else chosen = members.filter((m) => m.group === 'treated' && m.touchedOn === null);
    const reachable: Member[] = [];
    for (const m of chosen) {
      if (m.kind === 'contact') {
        const p = await tx.contacts.get(m.id);
        if (p && consentBlock(p)) continue;
      }
      reachable.push(m);
    }
    await tx.campaigns.touch(c, reachable, on);
    const type = ACTIVITY[c.channel];
    for (const m of reachable) {
      await tx.activities.create({
        type, at: at.toISOString(), summary: opts.summary?.trim() || `Campaign ${c.name} (${c.channel})`, outcome: null,
        direction: type === 'note' ? null : 'outbound', satisfaction: null,
        contactId: m.kind === 'contact' ? m.id : null, companyId: m.kind === 'company' ? m.id : null, dealId: null,
      });
    }
    return { c, reachable, skipped: chosen.length - reachable.length };
  });
  const out = memberList(result.reachable.map((m) => memberJson({ ...m, touchedOn: on })));
  return { ...out, done: touched(result.reachable.length, result.c.name, result.skipped) };
}
