import { addDays, endOfMonth, endOfWeek, startOfMonth, startOfWeek } from 'date-fns';
import type { Input } from '../../cli/action.js';
import type { Context } from '../../context.js';
import { type AgendaItem, buildAgenda } from '../../domain/agenda.js';
import { localTime } from '../../domain/calendar.js';
import { isoDate, parseWhen } from '../../domain/dates.js';
import { type Deal, effectiveProbability } from '../../domain/deal.js';
import type { Followup } from '../../domain/followup.js';
import { toMajor } from '../../domain/money.js';
import { usageError } from '../../errors.js';
import { agendaView } from '../../output/views/agenda.js';

interface Flags {
  day?: boolean;
  week?: boolean;
  month?: boolean;
  year?: boolean;
  from?: string;
  owner?: string;
  mine?: boolean;
}

const followupItem = (f: Followup): AgendaItem => ({
  kind: 'followup', id: f.id, date: f.dueDate, time: f.dueTime, title: f.title, owner: f.owner,
  contact: f.contact, company: f.company, deal: f.deal, priority: f.priority,
});

const dealItem = (d: Deal): AgendaItem => ({
  kind: 'deal', id: d.id, date: d.expectedClose!, time: null, title: d.title, owner: d.owner, contact: d.contact,
  company: d.company, deal: null, amount: toMajor(d.amountMinor, d.currency), currency: d.currency, stage: d.stage.name,
  probability: effectiveProbability(d),
});

export async function run({ opts }: Input<Flags>, ctx: Context) {
  const periods = (['day', 'week', 'month', 'year'] as const).filter((p) => opts[p]);
  if (periods.length > 1) throw usageError(`--${periods.join(' and --')} contradict each other`, 'pass one of --day, --week, --month, --year');
  const period = periods[0] ?? 'day';
  const today = isoDate(ctx.now);
  const anchor = opts.from === undefined ? ctx.now : parseWhen(opts.from, ctx.now, '--from').at;
  const [start, end] = period === 'day' ? [anchor, anchor]
    : period === 'week' ? [startOfWeek(anchor, { weekStartsOn: 1 }), endOfWeek(anchor, { weekStartsOn: 1 })]
    : period === 'month' ? [startOfMonth(anchor), endOfMonth(anchor)]
    : [new Date(anchor.getFullYear(), 0, 1), new Date(anchor.getFullYear(), 11, 31)];
  const from = isoDate(start);
  const to = isoDate(end);
  const owner = opts.mine ? ctx.user : opts.owner;

  const store = await ctx.store();
  const [followups, deals, meetings] = await Promise.all([
    store.followups.list({ owner, dueTo: to }),
    store.deals.list({ owner, status: 'open' }),
    store.activities.list({ type: 'meeting', owner, from: new Date(start.getFullYear(), start.getMonth(), start.getDate()).toISOString(),
      to: addDays(new Date(end.getFullYear(), end.getMonth(), end.getDate()), 1).toISOString(), desc: false }),
  ]);
  const items: AgendaItem[] = [
    ...followups.map(followupItem),
    ...deals.filter((d) => d.expectedClose !== null).map(dealItem),
    ...meetings.map((m) => {
      const at = new Date(m.at);
      return { kind: 'meeting' as const, id: m.id, date: isoDate(at), time: localTime(at),
        title: m.summary, owner: m.createdBy, contact: m.contact, company: m.company, deal: m.deal };
    }),
  ];
  // Overdue: open follow-ups and open deals whose date passed before today.
  const overdue = items.filter((i) => i.kind !== 'meeting' && i.date < today);
  // The agenda looks ahead: days before today show only when --from asks for them.
  const first = opts.from === undefined && from < today ? today : from;
  const agenda = buildAgenda(items.filter((i) => i.date >= today || i.kind === 'meeting'), overdue, first, to);
  return agendaView({ asOf: today, period, from, to, owner: owner ?? null, ...agenda });
}
