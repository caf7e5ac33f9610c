import { daysBetween } from './calendar.js';

/**
 * Churn (analytics.md "Churn"): a repeat customer's rhythm is the median of the gaps in days between consecutive
 * purchase days; the customer is overdue when the days since the last purchase exceed factor x rhythm. Customers
 * with fewer than three purchase days have no rhythm and are judged by P(alive) only. At risk = overdue, or P(alive)
 * below the threshold; value at risk = trailing 12-month revenue; ranked by value at risk.
 */

export const DEFAULT_FACTOR = 2;
export const DEFAULT_THRESHOLD = 0.5;

export interface ChurnInput {
  key: string;
  /** Distinct purchase days, ascending. */
  days: readonly string[];
  /** Trailing 12-month revenue, minor units. */
  valueAtRisk: number;
  /** From the BG/NBD model; null when it could not be fitted or the customer has too little history. */
  pAlive: number | null;
}

export interface ChurnRow {
  key: string;
  lastPurchase: string;
  purchaseDays: number;
  /** Days since the last purchase. */
  gap: number;
  /** Median gap in days; null below three purchase days. */
  rhythm: number | null;
  /** gap / rhythm. */
  ratio: number | null;
  overdue: boolean;
  pAlive: number | null;
  lowPAlive: boolean;
  valueAtRisk: number;
  reasons: string[];
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function rhythmOf(days: readonly string[]): number | null {
  if (days.length < 3) return null;
  return median(days.slice(1).map((d, i) => daysBetween(days[i]!, d)));
}

/** Customers at risk, by value at risk (then gap, then key), with the evidence for each. */
export function churnRisk(customers: readonly ChurnInput[], asOf: string, factor = DEFAULT_FACTOR, threshold = DEFAULT_THRESHOLD): ChurnRow[] {
  const rows: ChurnRow[] = [];
  for (const c of customers) {
    if (c.days.length === 0) continue;
    const last = c.days.at(-1)!;
    const gap = daysBetween(last, asOf);
    const rhythm = rhythmOf(c.days);
    const overdue = rhythm !== null && gap > factor * rhythm;
    const lowPAlive = c.pAlive !== null && c.pAlive < threshold;
    if (!overdue && !lowPAlive) continue;
    const reasons: string[] = [];
    if (overdue) reasons.push(`${gap} days since the last purchase, ${rhythm === 0 ? 'against same-day buying' : `${(gap / rhythm!).toFixed(1)}x their rhythm of ${rhythm} days`}`);
    if (lowPAlive) reasons.push(`P(alive) ${(c.pAlive! * 100).toFixed(0)}% is below ${(threshold * 100).toFixed(0)}%`);
    rows.push({ key: c.key, lastPurchase: last, purchaseDays: c.days.length, gap, rhythm, ratio: rhythm ? gap / rhythm : null, overdue,
      pAlive: c.pAlive, lowPAlive, valueAtRisk: c.valueAtRisk, reasons });
  }
  return rows.sort((a, b) => b.valueAtRisk - a.valueAtRisk || b.gap - a.gap || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
