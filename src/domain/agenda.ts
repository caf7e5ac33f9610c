/**
 * The agenda (sales force automation's schedule by day/week/month/year): overdue follow-ups first, then day by
 * day the follow-ups due, the deals expected to close and the meetings scheduled.
 */
import { addDays } from 'date-fns/addDays';
import { endOfMonth } from 'date-fns/endOfMonth';
import { endOfWeek } from 'date-fns/endOfWeek';
import { startOfMonth } from 'date-fns/startOfMonth';
import { startOfWeek } from 'date-fns/startOfWeek';
import type { Activity } from './activity.js';
import { localDate, localDay, localTime } from './calendar.js';
import { type Deal, effectiveProbability } from './deal.js';
import type { Followup } from './followup.js';
import { toMajor } from './money.js';
import type { Link } from './record.js';

export type AgendaKind = 'followup' | 'deal' | 'meeting';

export interface AgendaItem {
  kind: AgendaKind;
  id: number;
  date: string;
  /** HH:MM local, or null for all-day items. */
  time: string | null;
  title: string;
  owner: string;
  contact: Link | null;
  company: Link | null;
  deal: Link | null;
  /** Follow-ups. */
  priority?: string;
  /** Deals: amount in major units beside its currency, stage and probability. */
  amount?: number;
  currency?: string;
  stage?: string;
  probability?: number;
}

export interface AgendaDay {
  date: string;
  items: AgendaItem[];
}

const KIND_ORDER: Record<AgendaKind, number> = { meeting: 0, followup: 1, deal: 2 };

/** Orders a day's items: timed ones by time, then all-day ones; within that meetings, follow-ups, deals. */
function byTime(a: AgendaItem, b: AgendaItem): number {
  if ((a.time === null) !== (b.time === null)) return a.time === null ? 1 : -1;
  return (a.time ?? '').localeCompare(b.time ?? '') || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    a.title.localeCompare(b.title) || a.id - b.id;
}

/** Groups items dated within [from, to] by day (days without items are left out); `overdue` sorts oldest first. */
export function buildAgenda(items: AgendaItem[], overdue: AgendaItem[], from: string, to: string) {
  const days = new Map<string, AgendaItem[]>();
  for (const item of items) {
    if (item.date < from || item.date > to) continue;
    days.set(item.date, [...(days.get(item.date) ?? []), item]);
  }
  return {
    overdue: [...overdue].sort((a, b) => a.date.localeCompare(b.date) || byTime(a, b)),
    days: [...days].sort(([a], [b]) => a.localeCompare(b)).map(([date, list]) => ({ date, items: list.sort(byTime) })),
  };
}

export const AGENDA_PERIODS = ['day', 'week', 'month', 'year'] as const;
export type AgendaPeriod = (typeof AGENDA_PERIODS)[number];

/** The days an agenda covers, both included, as YYYY-MM-DD. */
export interface AgendaRange {
  from: string;
  to: string;
}

/** The day, ISO week (Monday to Sunday), calendar month or calendar year around `anchor`, in local time. */
export function agendaRange(period: AgendaPeriod, anchor: Date): AgendaRange {
  const [start, end] = period === 'day' ? [anchor, anchor]
    : period === 'week' ? [startOfWeek(anchor, { weekStartsOn: 1 }), endOfWeek(anchor, { weekStartsOn: 1 })]
    : period === 'month' ? [startOfMonth(anchor), endOfMonth(anchor)]
    : [new Date(anchor.getFullYear(), 0, 1), new Date(anchor.getFullYear(), 11, 31)];
  return { from: localDate(start), to: localDate(end) };
}

/** The range as instants for the meetings query: local midnight of the first day to local midnight after the last. */
export const rangeInstants = (r: AgendaRange): { from: string; to: string } =>
  ({ from: localDay(r.from).toISOString(), to: addDays(localDay(r.to), 1).toISOString() });

export const followupItem = (f: Followup): AgendaItem => ({
  kind: 'followup', id: f.id, date: f.dueDate, time: f.dueTime, title: f.title, owner: f.owner,
  contact: f.contact, company: f.company, deal: f.deal, priority: f.priority,
});

/** An open deal on the day it is expected to close (the caller leaves out deals without that date). */
export const dealItem = (d: Deal): AgendaItem => ({
  kind: 'deal', id: d.id, date: d.expectedClose!, time: null, title: d.title, owner: d.owner, contact: d.contact,
  company: d.company, deal: null, amount: toMajor(d.amountMinor, d.currency), currency: d.currency, stage: d.stage.name,
  probability: effectiveProbability(d),
});

/** A meeting at its local date and time; whoever logged it owns it. */
export function meetingItem(m: Activity): AgendaItem {
  const at = new Date(m.at);
  return { kind: 'meeting', id: m.id, date: localDate(at), time: localTime(at), title: m.summary, owner: m.createdBy,
    contact: m.contact, company: m.company, deal: m.deal };
}

/**
 * The agenda of `range` seen on `today`. Overdue: follow-ups and deals dated before today (a past meeting was held,
 * it is not overdue). The agenda looks ahead: days before today show only when `lookBack` (the range was asked for
 * with --from), and then with the meetings held on them, the follow-ups and deals of those days being overdue.
 */
export function agendaOf(items: readonly AgendaItem[], range: AgendaRange, today: string, lookBack: boolean) {
  const overdue = items.filter((i) => i.kind !== 'meeting' && i.date < today);
  const first = !lookBack && range.from < today ? today : range.from;
  return buildAgenda(items.filter((i) => i.date >= today || i.kind === 'meeting'), overdue, first, range.to);
}
