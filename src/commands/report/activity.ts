import { addWeeks, startOfWeek } from 'date-fns';
import type { Context } from '../../context.js';
import { isoDate } from '../../domain/dates.js';
import { activityWeeks, followupDiscipline } from '../../domain/reports/activity.js';
import { endOfDayInstant } from '../../domain/reports/deal-state.js';
import { activityReportView } from '../../output/views/reports.js';
import { reportDates } from './shared.js';
import type { ReportInput } from './spec.js';

/** Activities per owner and type per ISO week over a window (default: the last 8 weeks), and follow-up discipline. */
export async function run({ opts }: ReportInput<'activity'>, ctx: Context) {
  const { asOf, since } = reportDates(opts, ctx);
  const day = (date: string) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return new Date(y, m - 1, d);
  };
  const from = since ?? isoDate(addWeeks(startOfWeek(day(asOf), { weekStartsOn: 1 }), -7));
  const owner = opts.mine ? ctx.user : opts.owner;
  const store = await ctx.store();
  const fromInstant = day(from).toISOString();
  const toInstant = endOfDayInstant(asOf);
  const [acts, fups] = await Promise.all([store.reports.activities(fromInstant, toInstant, owner), store.reports.followups(owner)]);
  return activityReportView({
    asOf, window: { from, to: asOf }, owner: owner ?? null,
    weeks: activityWeeks(acts),
    followups: followupDiscipline(fups, asOf, fromInstant, toInstant),
  });
}
