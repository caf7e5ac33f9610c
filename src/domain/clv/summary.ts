import { dayNumber } from '../calendar.js';

/**
 * From orders to the models' inputs (analytics.md): a purchase is any order that is not a refund (amount >= 0: the
 * published CDNOW figures count $0 transactions); orders on the same calendar day
 * merge into one purchase; x = purchase days - 1, tx = first to last purchase, T = first purchase to the
 * calibration end, in units of `unitDays` (1 = days, 7 = weeks); m = mean value of the repeat purchases.
 */
export interface CustomerSummary {
  x: number;
  tx: number;
  T: number;
  /** Mean of the repeat purchase days' values, in the amounts' units; null without repeat purchases. */
  m: number | null;
  firstPurchase: string;
  lastPurchase: string;
}

/** `purchases`: one customer's (date, amount) pairs up to the calibration end, in any order. */
export function summarize(purchases: readonly { date: string; amount: number }[], end: string, unitDays: number): CustomerSummary | null {
  const byDay = new Map<string, number>();
  for (const p of purchases) if (p.amount >= 0 && p.date <= end) byDay.set(p.date, (byDay.get(p.date) ?? 0) + p.amount);
  if (byDay.size === 0) return null;
  const days = [...byDay.keys()].sort();
  const first = days[0]!;
  const last = days.at(-1)!;
  const repeat = days.slice(1).map((d) => byDay.get(d)!);
  return {
    x: days.length - 1,
    tx: (dayNumber(last) - dayNumber(first)) / unitDays,
    T: (dayNumber(end) - dayNumber(first)) / unitDays,
    m: repeat.length ? repeat.reduce((a, b) => a + b, 0) / repeat.length : null,
    firstPurchase: first,
    lastPurchase: last,
  };
}
