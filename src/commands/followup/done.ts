import { followupDone } from '../../output/views/notices.js';
import type { Context } from '../../context.js';
import { isoDate, parseWhen } from '../../domain/dates.js';
import { followupJson, nextOccurrence } from '../../domain/followup.js';
import { usageError } from '../../errors.js';
import { followupView } from '../../output/views/followup.js';
import { givenOrPicked, pickFollowup } from '../ask/pickers.js';
import { checkScheduling, loadFollowup } from './shared.js';
import type { FollowupInput } from './spec.js';

export async function run({ args: [given], opts }: FollowupInput<'done'>, ctx: Context) {
  const ref = await givenOrPicked(ctx, given, 'FOLLOWUP', 'crm followup done FOLLOWUP', pickFollowup(ctx, 'Which one is done?'));
  const at = opts.at === undefined ? ctx.now : parseWhen(opts.at, ctx.now, '--at').at;
  const { done, next } = await ctx.write(async (tx) => {
    const before = await loadFollowup(tx, ref);
    if (before.status === 'done') throw usageError(`follow-up #${before.id} ${before.title} is already done`, 'nothing to do');
    const done = await tx.followups.update(before, { ...before, status: 'done', doneAt: at.toISOString() });
    // A repeating follow-up lives on at the series' next date; after the completion day and after today, so a late
    // --at never schedules into the past.
    const following = nextOccurrence(before, [isoDate(at), isoDate(ctx.now)].sort().at(-1)!);
    if (following) await checkScheduling(tx, following.contactId, opts.overrideConsent, before.id);
    const next = following && await tx.followups.create(following);
    return { done, next };
  });
  const today = isoDate(ctx.now);
  return followupView({ ...followupJson(done, today), next: next && followupJson(next, today) },
    followupDone(done, next));
}
