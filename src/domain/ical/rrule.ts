import { type RepeatRule, seriesDate } from '../followup.js';

/** An RRULE's parts (RFC 5545 3.3.10), as far as follow-up series need them. */
export interface Recurrence {
  freq: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
  interval: number;
  byMonthDay?: number[];
}

/** How far ahead the dates a rule cannot say are listed one by one (RDATE). */
export const RDATE_YEARS = 10;

const MONTHS = { m: 1, q: 3 } as const;

/**
 * A follow-up's repeat rule as an RRULE, plus the dates no RRULE a calendar program expands alike can say (RDATE),
 * so that a calendar shows the series' own dates (followup.ts seriesDate) from `start`, a date of the series.
 *
 * Months, quarters and years keep the anchor's day, and take the month's last day where the month is shorter. On
 * the 31st that is BYMONTHDAY=-1, every month's end. On the 29th or 30th RFC 5545 could say
 * BYMONTHDAY=28,29,30;BYSETPOS=-1, but ical.js (Thunderbird) ignores BYSETPOS beside BYMONTHDAY and shows three
 * dates a month; so the RRULE names the day (a month without it is skipped, RFC 5545 3.3.10) and the skipped
 * month-ends of the next ten years are RDATEs. A series on Feb 29 is every 12 months on the 29th, with Feb 28 of
 * the common years as RDATEs.
 */
export function recurrence(rule: RepeatRule, anchor: string, start: string): { rrule: Recurrence; rdates: string[] } {
  const day = Number(anchor.slice(8, 10));
  const month = Number(anchor.slice(5, 7));
  if (rule.unit === 'd') return { rrule: { freq: 'DAILY', interval: rule.every }, rdates: [] };
  if (rule.unit === 'w') return { rrule: { freq: 'WEEKLY', interval: rule.every }, rdates: [] };
  let rrule: Recurrence;
  if (rule.unit === 'y') {
    if (month !== 2 || day !== 29) return { rrule: { freq: 'YEARLY', interval: rule.every }, rdates: [] };
    // FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29 from a Feb 28 makes ical.js invent a Mar 1; every 12 months is the same rule.
    rrule = { freq: 'MONTHLY', interval: rule.every * 12, byMonthDay: [29] };
  } else {
    rrule = { freq: 'MONTHLY', interval: rule.every * MONTHS[rule.unit] };
    if (day === 31) return { rrule: { ...rrule, byMonthDay: [-1] }, rdates: [] };
    if (day < 29) return { rrule, rdates: [] };
    rrule.byMonthDay = [day];
  }
  return { rrule, rdates: shortened(rule, anchor, start, day) };
}

/** The series' dates from `start` for RDATE_YEARS that fall before the anchor's day (a shorter month's last day). */
function shortened(rule: RepeatRule, anchor: string, start: string, day: number): string[] {
  // Compared as text, not as a date: ten years after Feb 29 is "Feb 29" of a common year, which a date would move
  // to Feb 28 and so leave out that year's Feb 28 of the series.
  const until = `${Number(start.slice(0, 4)) + RDATE_YEARS}${start.slice(4)}`;
  let n = 0;
  while (seriesDate(anchor, rule, n) < start) n += 1;
  const out: string[] = [];
  for (let date = seriesDate(anchor, rule, n); date < until; date = seriesDate(anchor, rule, ++n)) {
    if (Number(date.slice(8, 10)) !== day) out.push(date);
  }
  return out;
}

/** The RRULE value, parts in RFC 5545's usual order. */
export function rruleText(r: Recurrence): string {
  const parts = [`FREQ=${r.freq}`, `INTERVAL=${r.interval}`];
  if (r.byMonthDay) parts.push(`BYMONTHDAY=${r.byMonthDay.join(',')}`);
  return parts.join(';');
}
