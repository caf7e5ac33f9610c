import { addWeeks } from 'date-fns/addWeeks';
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { startOfWeek } from 'date-fns/startOfWeek';
import type { ActivityType } from '../activity.js';
import { localDay, pad2 } from '../calendar.js';
import { isoDate } from '../dates.js';
import { endOfDayInstant } from './deal-state.js';

export interface ActivityFact {
  owner: string;
  type: ActivityType;
  at: string;
}

export interface FollowupFact {
  owner: string;
  status: 'open' | 'done';
  dueDate: string;
  doneAt: string | null;
}

export interface WeekRow {
  week: string;
  owner: string;
  call: number;
  email: number;
  meeting: number;
  note: number;
  total: number;
}

export interface FollowupRow {
  owner: string;
  completed: number;
  completedLate: number;
  overdue: number;
}

/**
 * The report's window: --since to as-of, by default the eight ISO weeks ending with as-of's week (Monday seven weeks
 * earlier); also as instants, local midnight of the first day up to (excluding) midnight after the last.
 */
export function activityWindow(asOf: string, since: string | undefined) {
  const from = since ?? isoDate(addWeeks(startOfWeek(localDay(asOf), { weekStartsOn: 1 }), -7));
  return { from, to: asOf, fromInstant: localDay(from).toISOString(), toInstant: endOfDayInstant(asOf) };
}

/** ISO week label of an instant, in local time: 2026-W11. */
export const isoWeek = (at: Date) => `${getISOWeekYear(at)}-W${pad2(getISOWeek(at))}`;

/** Activities per owner and type per ISO week, weeks in order and owners by name. */
export function activityWeeks(facts: ActivityFact[]): WeekRow[] {
  const rows = new Map<string, WeekRow>();
  for (const f of facts) {
    const week = isoWeek(new Date(f.at));
    const key = `${week}\u0000${f.owner}`;
    const row = rows.get(key) ?? { week, owner: f.owner, call: 0, email: 0, meeting: 0, note: 0, total: 0 };
    row[f.type] += 1;
    row.total += 1;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => a.week.localeCompare(b.week) || a.owner.localeCompare(b.owner));
}

/**
 * Follow-ups per owner: completed within the window (and how many of those after their due date), and overdue at
 * the as-of date (open, due before it). `doneFrom`/`doneTo` bound the completion instants.
 */
export function followupDiscipline(facts: FollowupFact[], asOf: string, doneFrom: string, doneTo: string): FollowupRow[] {
  const rows = new Map<string, FollowupRow>();
  const row = (owner: string) => {
    const r = rows.get(owner) ?? { owner, completed: 0, completedLate: 0, overdue: 0 };
    rows.set(owner, r);
    return r;
  };
  for (const f of facts) {
    if (f.status === 'done' && f.doneAt !== null && f.doneAt >= doneFrom && f.doneAt < doneTo) {
      const r = row(f.owner);
      r.completed += 1;
      if (isoDate(new Date(f.doneAt)) > f.dueDate) r.completedLate += 1;
    } else if ((f.status === 'open' || (f.doneAt !== null && f.doneAt >= doneTo)) && f.dueDate < asOf) {
      row(f.owner).overdue += 1;
    }
  }
  return [...rows.values()].sort((a, b) => a.owner.localeCompare(b.owner));
}

