import { followupSnoozed } from '../../output/views/notices.js';
import type { Context } from '../../context.js';
import { isoDate } from '../../domain/dates.js';
import { followupJson } from '../../domain/followup.js';
import { usageError } from '../../errors.js';
import { followupView } from '../../output/views/followup.js';
import { givenOrPicked, pickFollowup } from '../ask/pickers.js';
import { due as dueQuestion } from './ask.js';
import { loadFollowup, parseDue } from './shared.js';
import type { FollowupInput } from './spec.js';

export async function run({ args: [given], opts }: FollowupInput<'snooze'>, ctx: Context) {
  const ref = await givenOrPicked(ctx, given, 'FOLLOWUP', 'crm followup snooze FOLLOWUP [--until WHEN]', pickFollowup(ctx, 'Snooze which one?'));
  // A follow-up picked on a terminal gets its new date asked too.
  const until = opts.until ?? (given === undefined
    ? await dueQuestion(ctx, { default: 'tomorrow', message: 'Until (tomorrow, monday 9:00, +1w, ...)' })(await ctx.prompter(), undefined, {})
    : 'tomorrow');
  const due = parseDue(until, ctx.now, '--until');
  const f = await ctx.write(async (tx) => {
    const before = await loadFollowup(tx, ref);
    if (before.status === 'done') throw usageError(`follow-up #${before.id} ${before.title} is done`, 'snooze open follow-ups only');
    // Snoozing to a date keeps the time of day the follow-up had.
    return tx.followups.update(before, { ...before, dueDate: due.dueDate, dueTime: due.dueTime ?? before.dueTime });
  });
  return followupView(followupJson(f, isoDate(ctx.now)), followupSnoozed(f));
}
