import type { Context } from '../../context.js';
import { ownerOnRoster } from '../fields.js';
import { isoDate } from '../../domain/dates.js';
import { followupJson } from '../../domain/followup.js';
import { followupView } from '../../output/views/followup.js';
import { updated } from '../../output/views/notices.js';
import { givenOrPicked, pickFollowup } from '../ask/pickers.js';
import { changesOf, stillAsSeen } from '../ask/questions.js';
import { followupChangeQuestions } from './ask.js';
import { checkScheduling, followupFields, loadFollowup } from './shared.js';
import type { FollowupInput } from './spec.js';

const USAGE = 'crm followup edit FOLLOWUP --due WHEN --priority P --repeat R ...';

export async function run({ args: [given], opts }: FollowupInput<'edit'>, ctx: Context) {
  await ownerOnRoster(ctx, opts.owner);
  const ref = await givenOrPicked(ctx, given, 'FOLLOWUP', USAGE, pickFollowup(ctx, 'Follow-up to edit', { any: true }));
  const { flags, seen } = await changesOf(ctx, opts, USAGE, (store) => loadFollowup(store, ref), (f) => followupChangeQuestions(ctx, f));
  if (flags.owner !== opts.owner) await ownerOnRoster(ctx, flags.owner); // answered at a prompt
  const f = await ctx.write(async (tx) => {
    const before = await loadFollowup(tx, ref);
    stillAsSeen(seen, before, `follow-up #${before.id} ${before.title}`);
    const fields = await followupFields(flags, ctx, tx, before);
    // Only a new contact is a new scheduling: other edits of a follow-up already with them are not.
    if (fields.status === 'open' && fields.contactId !== before.contactId) await checkScheduling(tx, fields.contactId, opts.overrideConsent);
    return tx.followups.update(before, fields);
  });
  return followupView(followupJson(f, isoDate(ctx.now)), updated('follow-up', { id: f.id, name: f.title }));
}
