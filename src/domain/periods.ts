import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { addQuarters } from 'date-fns/addQuarters';
import { addWeeks } from 'date-fns/addWeeks';
import { endOfMonth } from 'date-fns/endOfMonth';
import { endOfQuarter } from 'date-fns/endOfQuarter';
import { endOfWeek } from 'date-fns/endOfWeek';
import { startOfMonth } from 'date-fns/startOfMonth';
import { startOfQuarter } from 'date-fns/startOfQuarter';
import { startOfWeek } from 'date-fns/startOfWeek';
import { rejected } from './check.js';
import { isoDate, parseWhen } from './dates.js';

/** An inclusive range of calendar dates, as YYYY-MM-DD. */
export interface DateRange {
  from: string;
  to: string;
}

export const PERIOD_FORMS = 'today, tomorrow, this-week, next-week, last-week, this-month, next-month, last-month, this-quarter, next-quarter, last-quarter, ' +
  'this-year, 2026-03, 2026-Q1, 2026, or FROM..TO with any two dates (e.g. today..+30d)';

const range = (from: Date, to: Date): DateRange => ({ from: isoDate(from), to: isoDate(to) });

/** Reads the named periods a person types for a date filter, e.g. `--closing next-quarter`. */
export function parsePeriod(text: string, now: Date, field: string): DateRange {
  const t = text.trim().toLowerCase();
  if (t === 'today' || t === 'tomorrow' || t === 'yesterday') {
    const d = addDays(now, t === 'today' ? 0 : t === 'tomorrow' ? 1 : -1);
    return range(d, d);
  }
  const week = /^(this|next|last)-week$/.exec(t);
  if (week) {
    const w = addWeeks(now, week[1] === 'next' ? 1 : week[1] === 'last' ? -1 : 0);
    return range(startOfWeek(w, { weekStartsOn: 1 }), endOfWeek(w, { weekStartsOn: 1 }));
  }
  const rel = /^(this|next|last)-(month|quarter|year)$/.exec(t);
  if (rel) {
    const step = rel[1] === 'next' ? 1 : rel[1] === 'last' ? -1 : 0;
    if (rel[2] === 'month') {
      const m = addMonths(now, step);
      return range(startOfMonth(m), endOfMonth(m));
    }
    if (rel[2] === 'quarter') {
      const q = addQuarters(now, step);
      return range(startOfQuarter(q), endOfQuarter(q));
    }
    const y = now.getFullYear() + step;
    return { from: `${y}-01-01`, to: `${y}-12-31` };
  }
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(t);
  if (month) {
    const m = new Date(Number(month[1]), Number(month[2]) - 1, 1);
    return range(m, endOfMonth(m));
  }
  const quarter = /^(\d{4})-q([1-4])$/.exec(t);
  if (quarter) {
    const q = new Date(Number(quarter[1]), (Number(quarter[2]) - 1) * 3, 1);
    return range(q, endOfQuarter(q));
  }
  if (/^\d{4}$/.test(t)) return { from: `${t}-01-01`, to: `${t}-12-31` };
  const span = /^(.+)\.\.(.+)$/.exec(t);
  if (span) {
    const from = isoDate(parseWhen(span[1]!, now, field).at);
    const to = isoDate(parseWhen(span[2]!, now, field).at);
    if (from > to) throw rejected(field, text, 'ends before it starts; write the earlier date first');
    return { from, to };
  }
  throw rejected(field, text, `is not a period; use ${PERIOD_FORMS}`);
}
