import type { Context } from '../../context.js';
import { AGENDA_PERIODS, type AgendaItem, agendaOf, agendaRange, dealItem, followupItem, meetingItem, rangeInstants } from '../../domain/agenda.js';
import { isoDate, parseWhen } from '../../domain/dates.js';
import { usageError } from '../../errors.js';
import { agendaView } from '../../output/views/agenda.js';
import type { AgendaInput } from './spec.js';

export async function run({ opts }: AgendaInput, ctx: Context) {
  const periods = AGENDA_PERIODS.filter((p) => opts[p]);
  if (periods.length > 1) throw usageError(`--${periods.join(' and --')} contradict each other`, 'pass one of --day, --week, --month, --year');
  const period = periods[0] ?? 'day';
  const today = isoDate(ctx.now);
  const range = agendaRange(period, opts.from === undefined ? ctx.now : parseWhen(opts.from, ctx.now, '--from').at);
  const owner = opts.mine ? ctx.user : opts.owner;

  const store = await ctx.store();
  const [followups, deals, meetings] = await Promise.all([
    store.followups.list({ owner, dueTo: range.to }),
    store.deals.list({ owner, status: 'open' }),
    store.activities.list({ type: 'meeting', owner, ...rangeInstants(range), desc: false }),
  ]);
  const items: AgendaItem[] = [
    ...followups.map(followupItem),
    ...deals.filter((d) => d.expectedClose !== null).map(dealItem),
    ...meetings.map(meetingItem),
  ];
  return agendaView({ asOf: today, period, ...range, owner: owner ?? null, ...agendaOf(items, range, today, opts.from !== undefined) });
}
