import type { Input } from '../../cli/action.js';
import { followupSnoozed } from '../../output/views/notices.js';
import type { Context } from '../../context.js';
import { isoDate } from '../../domain/dates.js';
import { followupJson } from '../../domain/followup.js';
import { usageError } from '../../errors.js';
import { followupView } from '../../output/views/followup.js';
import { givenOrPicked, pickDueFollowup } from '../ask/pickers.js';
import { loadFollowup, parseDue } from './shared.js';

export async function run({ args: [given], opts }: Input<{ until?: string }>, ctx: Context) {
  const ref = await givenOrPicked(ctx, given, 'FOLLOWUP', 'crm followup snooze FOLLOWUP [--until WHEN]', (r) => pickDueFollowup(r, ctx, 'Snooze which one?'));
  const due = parseDue(opts.until ?? 'tomorrow', ctx.now, '--until');
  const f = await ctx.write(async (tx) => {
    const before = await loadFollowup(tx, ref);
    if (before.status === 'done') throw usageError(`follow-up #${before.id} ${before.title} is done`, 'snooze open follow-ups only');
    // Snoozing to a date keeps the time of day the follow-up had.
    return tx.followups.update(before, { ...before, dueDate: due.dueDate, dueTime: due.dueTime ?? before.dueTime });
  });
  return followupView(followupJson(f, isoDate(ctx.now)), followupSnoozed(f));
}
