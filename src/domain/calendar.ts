/**
 * Calendar dates as crm stores them (YYYY-MM-DD text) and the little arithmetic done on them. Free of date-fns on
 * purpose: list commands and the output layer use these, and stay fast to start.
 */

/** Two digits, as months, days, hours and minutes are written in dates and times. */
export const pad2 = (n: number): string => String(n).padStart(2, '0');

/** YYYY-MM-DD from a year, a month (1-12) and a day. */
export const dateOf = (y: number, m: number, d: number): string => `${y}-${pad2(m)}-${pad2(d)}`;

/** The local calendar date of an instant, as YYYY-MM-DD. */
export const localDate = (at: Date): string => dateOf(at.getFullYear(), at.getMonth() + 1, at.getDate());

/** The local time of day of an instant, as HH:MM. */
export const localTime = (at: Date): string => `${pad2(at.getHours())}:${pad2(at.getMinutes())}`;

/** Local midnight of a YYYY-MM-DD date. */
export function localDay(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

/**
 * A YYYY-MM-DD date as a whole number of days (since 1970-01-01). Counted in UTC, so a daylight-saving change
 * between two dates never makes a day 23 or 25 hours long: differences are whole calendar days.
 */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Whole calendar days from one YYYY-MM-DD date to another (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);
