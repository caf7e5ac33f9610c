import type { Context } from '../../context.js';
import { ownerOnRoster } from '../fields.js';
import { isoDate } from '../../domain/dates.js';
import { followupJson } from '../../domain/followup.js';
import { followupView } from '../../output/views/followup.js';
import { followupAdded } from '../../output/views/notices.js';
import { askMissing } from '../ask/questions.js';
import { askLink, followupTitle, newFollowupQuestions } from './ask.js';
import { checkScheduling, followupFields } from './shared.js';
import type { FollowupFlags, FollowupInput } from './spec.js';

export async function run({ args: [title], opts }: FollowupInput<'add'>, ctx: Context) {
  await ownerOnRoster(ctx, opts.owner);
  let flags: FollowupFlags = { ...opts, title };
  if (title === undefined || opts.due === undefined) {
    const p = await ctx.ask([...(title === undefined ? ['TITLE'] : []), ...(opts.due === undefined ? ['--due'] : [])],
      'crm followup add TITLE --due WHEN [--contact C] [--company C] [--deal D]');
    flags = await askMissing(p, flags, [followupTitle]);
    if (flags.contact === undefined && flags.company === undefined && flags.deal === undefined) {
      flags = { ...flags, ...await askLink(p, ctx, 'About (type to search a contact, company or deal)') };
    }
    flags = await askMissing(p, flags, newFollowupQuestions(ctx));
    if (flags.owner !== opts.owner) await ownerOnRoster(ctx, flags.owner); // answered at a prompt
  }
  const f = await ctx.write(async (tx) => {
    const fields = await followupFields(flags, ctx, tx);
    await checkScheduling(tx, fields.contactId, opts.overrideConsent);
    return tx.followups.create(fields);
  });
  return followupView(followupJson(f, isoDate(ctx.now)), followupAdded(f));
}
