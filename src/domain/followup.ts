import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { addWeeks } from 'date-fns/addWeeks';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { rejected } from './check.js';
import { localDate } from './calendar.js';
import { type Link, type Stamps, stampsJson, type Page } from './record.js';

export const PRIORITIES = ['low', 'normal', 'high'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const FOLLOWUP_STATUSES = ['open', 'done'] as const;
export type FollowupStatus = (typeof FOLLOWUP_STATUSES)[number];

export const REPEAT_UNITS = ['d', 'w', 'm', 'q', 'y'] as const;
export type RepeatUnit = (typeof REPEAT_UNITS)[number];

/** "Every N days/weeks/months/quarters/years": completing one schedules the next. */
export interface RepeatRule {
  every: number;
  unit: RepeatUnit;
}

/**
 * Where a repeating follow-up stands in its series. `anchor` is the date the series counts its steps from (its
 * first due date, or the last one given by edit --due); `due` is this occurrence's date in the series, which a
 * snooze leaves alone: snoozing moves one occurrence, never the series' day.
 */
export interface Series {
  anchor: string;
  due: string;
}

export interface FollowupFields {
  title: string;
  dueDate: string;
  /** HH:MM local, when the follow-up has a time of day. */
  dueTime: string | null;
  owner: string;
  priority: Priority;
  status: FollowupStatus;
  doneAt: string | null;
  repeat: RepeatRule | null;
  /** Series.anchor and Series.due of a repeating follow-up; null without a repeat. */
  seriesAnchor: string | null;
  seriesDue: string | null;
  notes: string | null;
  contactId: number | null;
  companyId: number | null;
  dealId: number | null;
}

export interface Followup extends FollowupFields, Stamps {
  id: number;
  contact: Link | null;
  company: Link | null;
  deal: Link | null;
}

const UNIT_WORDS: Record<string, RepeatUnit> = {
  d: 'd', day: 'd', days: 'd', w: 'w', week: 'w', weeks: 'w', m: 'm', month: 'm', months: 'm',
  q: 'q', quarter: 'q', quarters: 'q', y: 'y', year: 'y', years: 'y',
};
const NAMED: Record<string, RepeatUnit> = {
  daily: 'd', weekly: 'w', monthly: 'm', quarterly: 'q', yearly: 'y', annually: 'y',
  day: 'd', week: 'w', month: 'm', quarter: 'q', year: 'y',
};

/** Reads "2w", "3d", "1m", "1q", "1y", "2 weeks", "every 2 weeks", "every quarter", "daily" ... "yearly", "annually". */
export function parseRepeat(text: string, field: string): RepeatRule {
  const t = text.trim().toLowerCase().replace(/^every\s+/, '');
  const named = NAMED[t];
  if (named) return { every: 1, unit: named };
  const m = /^(\d{1,3})\s*([a-z]+)$/.exec(t);
  const unit = m && UNIT_WORDS[m[2]!];
  if (!m || !unit || Number(m[1]) < 1) {
    throw rejected(field, text, 'is not a repeat rule; use e.g. 3d, 2w, 1m, 1q, 1y, "every 2 weeks", daily, weekly, monthly, quarterly or yearly');
  }
  return { every: Number(m[1]), unit };
}

export const repeatText = (r: RepeatRule | null) => (r ? `${r.every}${r.unit}` : null);

const MONTHS: Partial<Record<RepeatUnit, number>> = { m: 1, q: 3, y: 12 };

/**
 * The n-th date of a series. Every date counts from the anchor, never from the one before: a month has no 31st
 * to carry, so stepping from Feb 28 would leave a series on the 31st stranded on the 28th.
 */
export function seriesDate(anchor: string, rule: RepeatRule, n: number): string {
  const [y, mo, da] = anchor.split('-').map(Number) as [number, number, number];
  const origin = new Date(y, mo - 1, da);
  const steps = rule.every * n;
  return localDate(rule.unit === 'd' ? addDays(origin, steps) : rule.unit === 'w' ? addWeeks(origin, steps)
    : addMonths(origin, steps * MONTHS[rule.unit]!));
}

/**
 * The due date of the occurrence after one completed on `doneOn` (the caller passes the later of the completion day
 * and today): the first date of the series after this occurrence's own date and after `doneOn`, so a late
 * completion does not schedule a backlog and an early one (or one snoozed to before its date) does not repeat it.
 */
export function nextDue(rule: RepeatRule, series: Series, doneOn: string): string {
  const after = series.due > doneOn ? series.due : doneOn;
  let n = 1;
  while (seriesDate(series.anchor, rule, n) <= after) n += 1;
  return seriesDate(series.anchor, rule, n);
}

/** The follow-up a completed repeating one leaves behind (null without a repeat); `doneOn` as for nextDue. */
export function nextOccurrence(f: FollowupFields, doneOn: string): FollowupFields | null {
  if (!f.repeat) return null;
  const anchor = f.seriesAnchor ?? f.dueDate;
  const dueDate = nextDue(f.repeat, { anchor, due: f.seriesDue ?? f.dueDate }, doneOn);
  return { ...f, status: 'open', doneAt: null, dueDate, seriesAnchor: anchor, seriesDue: dueDate };
}

/**
 * Where the series stands after an add or an edit. A new series starts at the due date: on add, when a repeat is
 * added, and when the due date is set (edit --due re-anchors). Any other edit, a changed rule included, keeps it.
 */
export function seriesOf(
  next: Pick<FollowupFields, 'dueDate' | 'repeat'>,
  before?: Pick<FollowupFields, 'repeat' | 'seriesAnchor' | 'seriesDue'>,
  dueGiven = false,
): Pick<FollowupFields, 'seriesAnchor' | 'seriesDue'> {
  if (!next.repeat) return { seriesAnchor: null, seriesDue: null };
  if (before?.repeat && before.seriesAnchor !== null && before.seriesDue !== null && !dueGiven) {
    return { seriesAnchor: before.seriesAnchor, seriesDue: before.seriesDue };
  }
  return { seriesAnchor: next.dueDate, seriesDue: next.dueDate };
}

export const isOverdue = (f: Pick<Followup, 'status' | 'dueDate'>, today: string) => f.status === 'open' && f.dueDate < today;

export function followupJson(f: Followup, today: string) {
  return {
    id: f.id, title: f.title, due: f.dueDate, dueTime: f.dueTime, owner: f.owner, priority: f.priority,
    status: f.status, overdue: isOverdue(f, today),
    daysOverdue: isOverdue(f, today) ? differenceInCalendarDays(new Date(today), new Date(f.dueDate)) : 0,
    doneAt: f.doneAt, repeat: repeatText(f.repeat), notes: f.notes, contact: f.contact, company: f.company,
    deal: f.deal, ...stampsJson(f),
  };
}
export type FollowupJson = ReturnType<typeof followupJson>;

export interface FollowupFilter {
  /** Instead of the sort and limit: one page in id order (exports). */
  page?: Page;
  status?: FollowupStatus | 'all';
  owner?: string;
  dueFrom?: string;
  dueTo?: string;
  contactId?: number;
  companyId?: number;
  dealId?: number;
  limit?: number;
}
