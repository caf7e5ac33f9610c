import { rejected } from './check.js';
import { dateOf, localDate, pad2 } from './calendar.js';

/**
 * Report periods: calendar months ("2026-03") and fiscal quarters ("2026-Q1"). A fiscal year starts in month
 * `fyStart` (1 = January) and is named by the calendar year it ends in, so with fyStart = 10 the quarter
 * "2027-Q1" is October to December 2026. With the default (January) fiscal and calendar quarters coincide.
 */
export type PeriodKind = 'month' | 'quarter';

const lastDay = (y: number, m: number) => new Date(y, m, 0).getDate(); // m is 1-based

export interface Period {
  label: string;
  from: string;
  to: string;
}

/** The period containing a YYYY-MM-DD date. */
export function periodOf(date: string, kind: PeriodKind, fyStart: number): Period {
  const [y, m] = date.split('-').map(Number) as [number, number];
  if (kind === 'month') return monthPeriod(y, m);
  const offset = (m - fyStart + 12) % 12; // months since the fiscal year began
  const fyEndYear = m >= fyStart && fyStart !== 1 ? y + 1 : y;
  return quarterPeriod(fyEndYear, Math.floor(offset / 3) + 1, fyStart);
}

function monthPeriod(y: number, m: number): Period {
  return { label: `${y}-${pad2(m)}`, from: dateOf(y, m, 1), to: dateOf(y, m, lastDay(y, m)) };
}

function quarterPeriod(fyEndYear: number, q: number, fyStart: number): Period {
  const startYear = fyStart === 1 ? fyEndYear : fyEndYear - 1;
  const firstMonth0 = fyStart - 1 + (q - 1) * 3; // 0-based, may pass December
  const from = new Date(startYear, firstMonth0, 1);
  const to = new Date(startYear, firstMonth0 + 3, 0);
  return { label: `${fyEndYear}-Q${q}`, from: localDate(from), to: localDate(to) };
}

/** A period by its label, e.g. for `crm quota set alice 2026-Q4`. */
export function parsePeriodLabel(label: string, fyStart: number, field: string): Period & { kind: PeriodKind } {
  const t = label.trim().toUpperCase();
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(t);
  if (month) return { ...monthPeriod(Number(month[1]), Number(month[2])), kind: 'month' };
  const quarter = /^(\d{4})-Q([1-4])$/.exec(t);
  if (quarter) return { ...quarterPeriod(Number(quarter[1]), Number(quarter[2]), fyStart), kind: 'quarter' };
  throw rejected(field, label, 'is not a period; use a month like 2026-12 or a quarter like 2026-Q4');
}

/** `count` consecutive periods starting with the one containing `date`. */
export function periodsFrom(date: string, kind: PeriodKind, count: number, fyStart: number): Period[] {
  const out: Period[] = [periodOf(date, kind, fyStart)];
  while (out.length < count) {
    const [y, m, d] = out.at(-1)!.to.split('-').map(Number) as [number, number, number];
    const next = new Date(y, m - 1, d + 1);
    out.push(periodOf(localDate(next), kind, fyStart));
  }
  return out;
}
