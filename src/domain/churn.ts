import { daysBetween, dayNumber } from './calendar.js';
import { dayNumbers } from './clv/summary.js';
import { slot, sortedEntry } from './customer-value.js';
import { grown } from './grown.js';
import type { Customer } from './order.js';

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

/** A customer at risk; `key` is whatever names the customer to the caller (a "company:12" key, or a row number). */
export interface ChurnRow<K = string> {
  key: K;
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
    const row = judged(c.key, last, c.days.length, daysBetween(last, asOf), rhythmOf(c.days), c.pAlive, c.valueAtRisk, factor, threshold);
    if (row) rows.push(row);
  }
  return ranked(rows, (a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The customers' purchase days folded as they arrive (customer by customer, each in date order, as a store reads
 * them) into what churn reads of them: how many days, the last, and the rhythm. A million purchase days held as
 * strings until the end were most of report churn's memory; here only the gaps of the customer being read are.
 */
export class PurchaseRhythms {
  length = 0;
  /** 0 for a company, 1 for a person without one (KINDS' order). */
  kind = new Uint8Array(1024);
  id = new Float64Array(1024);
  /** Distinct purchase days. */
  days = new Int32Array(1024);
  /** The last purchase day: as a day number, and as the store wrote it. */
  last = new Int32Array(1024);
  readonly lastDay: string[] = [];
  /** Median gap in days; NaN below three purchase days. */
  rhythm = new Float64Array(1024);
  private gaps = new Float64Array(256);
  private readonly dayOf = dayNumbers();
  /** Customers came in kind and id order (as a store reads them): found by halving, with no map to build. */
  private ascending = true;
  private readonly kindRank = [-1, -1];
  private rows: Map<number, number> | undefined;

  /** One customer's purchases of one day (in one currency: a day's other currencies repeat the day). */
  readonly add = (kind: Customer['kind'], id: number, day: string): void => {
    const k = kind === 'company' ? 0 : 1;
    let i = this.length - 1;
    if (i < 0 || id !== this.id[i] || k !== this.kind[i]) {
      this.close();
      i = this.begin(k, id);
    } else if (day === this.lastDay[i]) return;
    const n = this.dayOf(day);
    const count = this.days[i]!;
    if (count > 0) {
      if (count > this.gaps.length) this.gaps = grown(this.gaps);
      this.gaps[count - 1] = n - this.last[i]!;
    }
    this.days[i] = count + 1;
    this.last[i] = n;
    this.lastDay[i] = day;
  };

  /** Call once every day was added: the last customer's rhythm is taken. */
  end(): this {
    this.close();
    return this;
  }

  /** The customer's entry, by kind (0 a company, 1 a person) and id, or -1. */
  find(kind: number, id: number): number {
    if (!this.ascending) {
      if (!this.rows) {
        this.rows = new Map();
        for (let i = 0; i < this.length; i++) this.rows.set(slot(this.kind[i]!, this.id[i]!), i);
      }
      return this.rows.get(slot(kind, id)) ?? -1;
    }
    return sortedEntry(this.kind, this.id, this.length, kind, id, this.kindRank);
  }

  private begin(kind: number, id: number): number {
    const i = this.length++;
    if (i === this.id.length) {
      this.kind = grown(this.kind);
      this.id = grown(this.id);
      this.days = grown(this.days);
      this.last = grown(this.last);
      this.rhythm = grown(this.rhythm);
    }
    if (i > 0 && this.ascending) {
      if (this.kindRank[kind] === -1) this.kindRank[kind] = this.kindRank[1 - kind] === -1 ? 0 : 1;
      else if (!(kind === this.kind[i - 1] && id > this.id[i - 1]!)) this.ascending = false;
    } else if (i === 0) this.kindRank[kind] = 0;
    this.kind[i] = kind;
    this.id[i] = id;
    this.days[i] = 0;
    return i;
  }

  private close(): void {
    const i = this.length - 1;
    if (i < 0) return;
    const count = this.days[i]!;
    if (count < 3) {
      this.rhythm[i] = NaN;
      return;
    }
    // The median as median() takes it: sorted ascending, the middle one or the mean of the middle two.
    const s = this.gaps.subarray(0, count - 1).sort();
    const mid = s.length >> 1;
    this.rhythm[i] = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  }
}

/**
 * churnRisk over PurchaseRhythms, as a ranking of entries (each entry's row made when asked for, so that tens of
 * thousands of rows and their reasons never exist at once): ties broken as churnRisk breaks them on "company:12"
 * keys (companies first, then the ids as text). `pAlive` and `valueAtRisk` are read by entry; NaN P(alive) is none.
 */
export function churnRanking(c: PurchaseRhythms, pAlive: Float64Array, valueAtRisk: Float64Array, asOf: string, factor = DEFAULT_FACTOR,
  threshold = DEFAULT_THRESHOLD) {
  const today = dayNumber(asOf);
  const rhythm = (i: number) => (Number.isNaN(c.rhythm[i]!) ? null : c.rhythm[i]!);
  const alive = (i: number) => (Number.isNaN(pAlive[i]!) ? null : pAlive[i]!);
  const order: number[] = [];
  for (let i = 0; i < c.length; i++) if (risky(today - c.last[i]!, rhythm(i), alive(i), factor, threshold)) order.push(i);
  order.sort((a, b) => valueAtRisk[b]! - valueAtRisk[a]! || c.last[a]! - c.last[b]! || c.kind[a]! - c.kind[b]! || textOrder(String(c.id[a]!), String(c.id[b]!)));
  return {
    /** The entries at risk, ranked. */
    order,
    row: (i: number): ChurnRow<number> => judged(i, c.lastDay[i]!, c.days[i]!, today - c.last[i]!, rhythm(i), alive(i), valueAtRisk[i]!, factor, threshold)!,
  };
}

const textOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Overdue against the rhythm, or P(alive) below the threshold. */
const risky = (gap: number, rhythm: number | null, pAlive: number | null, factor: number, threshold: number) =>
  (rhythm !== null && gap > factor * rhythm) || (pAlive !== null && pAlive < threshold);

/** One customer's row when at risk, else null. */
function judged<K>(key: K, last: string, purchaseDays: number, gap: number, rhythm: number | null, pAlive: number | null, valueAtRisk: number,
  factor: number, threshold: number): ChurnRow<K> | null {
  if (!risky(gap, rhythm, pAlive, factor, threshold)) return null;
  const overdue = rhythm !== null && gap > factor * rhythm;
  const lowPAlive = pAlive !== null && pAlive < threshold;
  const reasons: string[] = [];
  if (overdue) reasons.push(`${gap} days since the last purchase, ${rhythm === 0 ? 'against same-day buying' : `${(gap / rhythm!).toFixed(1)}x their rhythm of ${rhythm} days`}`);
  if (lowPAlive) reasons.push(`P(alive) ${(pAlive! * 100).toFixed(0)}% is below ${(threshold * 100).toFixed(0)}%`);
  return { key, lastPurchase: last, purchaseDays, gap, rhythm, ratio: rhythm ? gap / rhythm : null, overdue, pAlive, lowPAlive, valueAtRisk, reasons };
}

const ranked = <K>(rows: ChurnRow<K>[], keyOrder: (a: K, b: K) => number) =>
  rows.sort((a, b) => b.valueAtRisk - a.valueAtRisk || b.gap - a.gap || keyOrder(a.key, b.key));
