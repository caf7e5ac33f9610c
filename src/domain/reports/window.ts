import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { localDay } from '../calendar.js';
import { isoDate } from '../dates.js';

export interface Window {
  from: string;
  to: string;
}

/** The trailing window of a report: --since up to the as-of date, by default the twelve months before it. */
export function trailingWindow(asOf: string, since: string | undefined): Window {
  const from = since ?? isoDate(addDays(addMonths(localDay(asOf), -12), 1));
  return { from, to: asOf };
}

export const inWindow = (date: string | null, w: Window) => date !== null && date >= w.from && date <= w.to;
