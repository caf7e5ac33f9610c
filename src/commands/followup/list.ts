import type { Context } from '../../context.js';
import { check, listLimit } from '../../domain/check.js';
import { isoDate } from '../../domain/dates.js';
import { followupJson } from '../../domain/followup.js';
import { parsePeriod } from '../../domain/periods.js';
import { usageError } from '../../errors.js';
import { followupList } from '../../output/views/followup.js';
import { addDays } from 'date-fns/addDays';
import type { FollowupInput } from './spec.js';

export async function run({ opts }: FollowupInput<'list'>, ctx: Context) {
  if (opts.done && opts.all) throw usageError('--done and --all contradict each other', 'pass one of them');
  if (opts.overdue && (opts.done || opts.due)) throw usageError('--overdue lists open follow-ups due before today', 'drop --done/--due');
  const today = isoDate(ctx.now);
  const period = opts.due === undefined ? undefined : parsePeriod(opts.due, ctx.now, '--due');
  const store = await ctx.store();
  const rows = await store.followups.list({
    status: opts.all ? 'all' : opts.done ? 'done' : 'open',
    owner: opts.mine ? ctx.user : opts.owner,
    dueFrom: period?.from,
    dueTo: opts.overdue ? isoDate(addDays(ctx.now, -1)) : period?.to,
    limit: check(listLimit, opts.limit, '--limit'),
  });
  return followupList(rows.map((f) => followupJson(f, today)), Boolean(opts.overdue));
}
