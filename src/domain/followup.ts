import { addDays, addMonths, addWeeks, differenceInCalendarDays } from 'date-fns';
import { invalid } from '../errors.js';
import { type Link, type Stamps, stampsJson } from './record.js';

export const PRIORITIES = ['low', 'normal', 'high'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const FOLLOWUP_STATUSES = ['open', 'done'] as const;
export type FollowupStatus = (typeof FOLLOWUP_STATUSES)[number];

/** "Every N days/weeks/months": completing one schedules the next. */
export interface RepeatRule {
  every: number;
  unit: 'd' | 'w' | 'm';
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

const UNIT_WORDS: Record<string, RepeatRule['unit']> = {
  d: 'd', day: 'd', days: 'd', w: 'w', week: 'w', weeks: 'w', m: 'm', month: 'm', months: 'm',
};

/** Reads "2w", "3d", "1m", "2 weeks", "every 2 weeks", "weekly", "daily", "monthly". */
export function parseRepeat(text: string, field: string): RepeatRule {
  const t = text.trim().toLowerCase().replace(/^every\s+/, '');
  const named: Record<string, RepeatRule> = { daily: { every: 1, unit: 'd' }, weekly: { every: 1, unit: 'w' },
    monthly: { every: 1, unit: 'm' }, day: { every: 1, unit: 'd' }, week: { every: 1, unit: 'w' }, month: { every: 1, unit: 'm' } };
  if (named[t]) return named[t]!;
  const m = /^(\d{1,3})\s*([a-z]+)$/.exec(t);
  const unit = m && UNIT_WORDS[m[2]!];
  if (!m || !unit || Number(m[1]) < 1) {
    throw invalid(field, `"${text}" is not a repeat rule`, 'use e.g. 3d, 2w, 1m, "every 2 weeks", daily, weekly or monthly');
  }
  return { every: Number(m[1]), unit };
}

export const repeatText = (r: RepeatRule | null) => (r ? `${r.every}${r.unit}` : null);

/**
 * The next due date of a repeating follow-up completed on `doneOn`: one step after the due date, stepping on
 * until it lies after the completion day, so a late completion does not schedule a backlog.
 */
export function nextDue(dueDate: string, rule: RepeatRule, doneOn: string): string {
  const [y, mo, da] = dueDate.split('-').map(Number) as [number, number, number];
  const origin = new Date(y, mo - 1, da);
  // Counting steps from the original day keeps a monthly repeat on the 31st at month ends.
  const at = (n: number) => (rule.unit === 'd' ? addDays(origin, rule.every * n)
    : rule.unit === 'w' ? addWeeks(origin, rule.every * n) : addMonths(origin, rule.every * n));
  let n = 1;
  while (iso(at(n)) <= doneOn) n += 1;
  return iso(at(n));
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

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
  status?: FollowupStatus | 'all';
  owner?: string;
  dueFrom?: string;
  dueTo?: string;
  contactId?: number;
  companyId?: number;
  dealId?: number;
  limit?: number;
}
