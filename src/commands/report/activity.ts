import type { Context } from '../../context.js';
import { activityWeeks, activityWindow, followupDiscipline } from '../../domain/reports/activity.js';
import { activityReportView } from '../../output/views/reports.js';
import { reportDates } from './shared.js';
import type { ReportInput } from './spec.js';

/** Activities per owner and type per ISO week over a window (default: the last 8 weeks), and follow-up discipline. */
export async function run({ opts }: ReportInput<'activity'>, ctx: Context) {
  const { asOf, since } = reportDates(opts, ctx);
  const { from, fromInstant, toInstant } = activityWindow(asOf, since);
  const owner = opts.mine ? ctx.user : opts.owner;
  const store = await ctx.store();
  const [acts, fups] = await Promise.all([store.reports.activities(fromInstant, toInstant, owner), store.reports.followups(owner)]);
  return activityReportView({
    asOf, window: { from, to: asOf }, owner: owner ?? null,
    weeks: activityWeeks(acts),
    followups: followupDiscipline(fups, asOf, fromInstant, toInstant),
  });
}
