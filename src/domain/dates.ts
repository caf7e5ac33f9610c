import { addDays } from 'date-fns/addDays';
import { addHours } from 'date-fns/addHours';
import { addMonths } from 'date-fns/addMonths';
import { addWeeks } from 'date-fns/addWeeks';
import { addYears } from 'date-fns/addYears';
import { endOfMonth } from 'date-fns/endOfMonth';
import { endOfQuarter } from 'date-fns/endOfQuarter';
import { endOfWeek } from 'date-fns/endOfWeek';
import { endOfYear } from 'date-fns/endOfYear';
import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import { startOfDay } from 'date-fns/startOfDay';
import { startOfMonth } from 'date-fns/startOfMonth';
import { startOfQuarter } from 'date-fns/startOfQuarter';
import { startOfWeek } from 'date-fns/startOfWeek';
import { startOfYear } from 'date-fns/startOfYear';
import { rejected } from './check.js';
import { DATE_FORMS } from './date-forms.js';
import { parseInstant } from './instant.js';

export { DATE_FORMS, parseInstant };

/** A point in time the user typed, and whether they named a time of day or only a date. */
export interface When {
  at: Date;
  hasTime: boolean;
}

const WEEK = { weekStartsOn: 1 } as const; // ISO weeks: Monday to Sunday

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];


function weekdayIndex(word: string): number {
  if (word.length < 3) return -1;
  return WEEKDAYS.findIndex((d) => d.startsWith(word));
}

function parseTime(text: string): { h: number; m: number } | undefined {
  const t = /^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$/.exec(text);
  if (!t) return undefined;
  let h = Number(t[1]);
  const m = t[2] === undefined ? 0 : Number(t[2]);
  if (t[3] === undefined && t[2] === undefined) return undefined; // a bare "14" is not a time
  if (t[3]) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (t[3] === 'pm' ? 12 : 0);
  }
  if (h > 23 || m > 59) return undefined;
  return { h, m };
}

function isoCalendarDate(text: string): Date | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!d) return undefined;
  const [y, mo, da] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const date = new Date(y, mo - 1, da);
  // Rejects 2026-02-30, which Date would roll over into March.
  return date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === da ? date : undefined;
}

/** The date part alone, as the start of that day, or with a time for the forms that carry one. */
function parseDatePart(text: string, now: Date): When | undefined {
  const today = startOfDay(now);
  const iso = isoCalendarDate(text);
  if (iso) return { at: iso, hasTime: false };

  const rel = /^([+-])(\d{1,4})([dwmyh])$/.exec(text);
  if (rel) {
    const n = Number(rel[2]) * (rel[1] === '-' ? -1 : 1);
    switch (rel[3]) {
      case 'h': return { at: addHours(now, n), hasTime: true };
      case 'd': return { at: addDays(today, n), hasTime: false };
      case 'w': return { at: addWeeks(today, n), hasTime: false };
      case 'm': return { at: addMonths(today, n), hasTime: false };
      default: return { at: addYears(today, n), hasTime: false };
    }
  }

  switch (text) {
    case 'now': return { at: now, hasTime: true };
    case 'today': return { at: today, hasTime: false };
    case 'tomorrow': return { at: addDays(today, 1), hasTime: false };
    case 'yesterday': return { at: addDays(today, -1), hasTime: false };
    case 'sow': return { at: startOfWeek(today, WEEK), hasTime: false };
    case 'eow': return { at: startOfDay(endOfWeek(today, WEEK)), hasTime: false };
    case 'som': return { at: startOfMonth(today), hasTime: false };
    case 'eom': return { at: startOfDay(endOfMonth(today)), hasTime: false };
    case 'soq': return { at: startOfQuarter(today), hasTime: false };
    case 'eoq': return { at: startOfDay(endOfQuarter(today)), hasTime: false };
    case 'soy': return { at: startOfYear(today), hasTime: false };
    case 'eoy': return { at: startOfDay(endOfYear(today)), hasTime: false };
  }

  // "friday" is the coming Friday, today included; "next friday" the one after today; "last friday" the one before.
  const wd = /^(?:(next|last)\s+)?([a-z]+)$/.exec(text);
  if (wd) {
    const target = weekdayIndex(wd[2]!);
    if (target < 0) return undefined;
    const diff = (target - today.getDay() + 7) % 7;
    if (wd[1] === 'last') return { at: addDays(today, -(((today.getDay() - target + 7) % 7) || 7)), hasTime: false };
    if (wd[1] === 'next') return { at: addDays(today, diff || 7), hasTime: false };
    return { at: addDays(today, diff), hasTime: false };
  }
  return undefined;
}

/**
 * Parses the date forms a person types (product.md), relative to `now`.
 * `field` names the flag in the error, e.g. "--due".
 */
export function parseWhen(input: string, now: Date, field: string): When {
  const text = input.trim().toLowerCase();
  const fail = () => rejected(field, input, `is not a date crm understands; use one of: ${DATE_FORMS}`);
  if (text === '') throw fail();

  // ISO 8601 date-times, with or without an offset.
  if (/^\d{4}-\d{2}-\d{2}[t ]\d{2}:\d{2}/.test(text)) {
    // Without an offset, ECMAScript reads a date-time as local time, which is what a person means.
    const at = new Date(text.replace(' ', 'T').toUpperCase());
    const day = isoCalendarDate(text.slice(0, 10));
    if (!day || !isValid(at)) throw fail();
    return { at, hasTime: true };
  }

  const withTime = /^(.+?)\s+(\d{1,2}(?::\d{2})?\s*(?:am|pm)?)$/.exec(text);
  if (withTime) {
    const time = parseTime(withTime[2]!);
    const day = time && parseDatePart(withTime[1]!, now);
    if (day && time && !day.hasTime) {
      const at = startOfDay(day.at);
      at.setHours(time.h, time.m, 0, 0);
      return { at, hasTime: true };
    }
  }
  const alone = parseTime(text);
  if (alone) {
    const at = startOfDay(now);
    at.setHours(alone.h, alone.m, 0, 0);
    return { at, hasTime: true };
  }
  const day = parseDatePart(text, now);
  if (!day) throw fail();
  return day;
}

/** A calendar date as YYYY-MM-DD in local time. */
export const isoDate = (d: Date): string => format(d, 'yyyy-MM-dd');

/** A moment as ISO 8601 with the local offset, e.g. 2026-03-15T09:30:00+01:00. */
export const isoDateTime = (d: Date): string => format(d, "yyyy-MM-dd'T'HH:mm:ssXXX");
