import { dayNumber } from '../calendar.js';
import { grown } from '../grown.js';
import type { Converter, Unconverted } from '../fx.js';
import type { Customer } from '../order.js';
import type { RFT } from './bgnbd.js';

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
    ...rftOf(first, last, days.length, end, unitDays),
    m: repeat.length ? repeat.reduce((a, b) => a + b, 0) / repeat.length : null,
    firstPurchase: first,
    lastPurchase: last,
  };
}

/** x, tx and T of a customer who bought on `days` days from `first` to `last`, observed until `end`. */
export function rftOf(first: string, last: string, days: number, end: string, unitDays: number, day: (date: string) => number = dayNumber): RFT {
  return { x: days - 1, tx: (day(last) - day(first)) / unitDays, T: (day(end) - day(first)) / unitDays };
}

/** dayNumber, remembering the dates it has seen: a hundred thousand customers share a few hundred first and last days. */
export function dayNumbers(): (date: string) => number {
  const seen = new Map<string, number>();
  return (date) => {
    let n = seen.get(date);
    if (n === undefined) seen.set(date, (n = dayNumber(date)));
    return n;
  };
}

/**
 * Customers' purchase days so far as columns, one entry per customer: 100,000 of them as objects with a text key
 * were a tenth of report clv's peak memory on a million orders. Amounts are in minor units of the report currency.
 */
export interface PurchaseHistoryColumns {
  /** How many customers; the columns may be longer. */
  readonly length: number;
  /** 0 for a company, 1 for a person without one (as CustomerDirectory numbers them). */
  readonly kind: Uint8Array;
  readonly id: Float64Array;
  /** Day numbers (dayNumber) of the first and the last purchase. */
  readonly first: Int32Array;
  readonly last: Int32Array;
  /** Purchase days: orders on one calendar day, in any currencies, are one purchase. */
  readonly days: Int32Array;
  /** What the days after the first were worth: Gamma-Gamma's m is this over x. */
  readonly repeatSpend: Float64Array;
  /** What every purchase day was worth. */
  readonly total: Float64Array;
}

/**
 * summarize() for a stream: purchase days (orders merged per customer, day and currency, refunds left out, as the
 * store reads them) arrive customer by customer in date order and are folded into one entry per customer, so a
 * million orders never sit in memory. Each amount converts into the report currency; one without a rate is left
 * out and counted in `unconverted`, so a day bought only in such a currency is no purchase.
 */
export class PurchaseHistories implements PurchaseHistoryColumns {
  length = 0;
  kind = new Uint8Array(1024);
  id = new Float64Array(1024);
  first = new Int32Array(1024);
  last = new Int32Array(1024);
  days = new Int32Array(1024);
  repeatSpend = new Float64Array(1024);
  total = new Float64Array(1024);
  private readonly dayOf = dayNumbers();
  /** The current customer's entry, and its last day as the store wrote it. */
  private at = -1;
  private lastDay = '';

  constructor(private readonly fx: Converter, private readonly unconverted: Unconverted) {}

  /** One customer's purchases of one day in one currency: `orders` orders adding up to `minor`. */
  readonly add = (kind: Customer['kind'], id: number, day: string, currency: string, minor: number, orders: number): void => {
    const amount = this.fx.convert(minor, currency);
    if (amount === null) {
      this.unconverted.add('order', currency, minor, orders);
      return;
    }
    const k = kind === 'company' ? 0 : 1;
    const i = this.at;
    if (i < 0 || id !== this.id[i] || k !== this.kind[i]) {
      this.begin(k, id, day, amount);
      return;
    }
    this.total[i]! += amount;
    if (day !== this.lastDay) {
      this.days[i]! += 1;
      this.last[i] = this.dayOf(day);
      this.lastDay = day;
    }
    // The first day's purchases in other currencies belong to the first purchase, not to the repeat spend.
    if (this.days[i]! > 1) this.repeatSpend[i]! += amount;
  };

  private begin(kind: number, id: number, day: string, amount: number): void {
    const i = this.length++;
    if (i === this.id.length) {
      this.kind = grown(this.kind);
      this.id = grown(this.id);
      this.first = grown(this.first);
      this.last = grown(this.last);
      this.days = grown(this.days);
      this.repeatSpend = grown(this.repeatSpend);
      this.total = grown(this.total);
    }
    this.at = i;
    this.lastDay = day;
    this.kind[i] = kind;
    this.id[i] = id;
    this.first[i] = this.last[i] = this.dayOf(day);
    this.days[i] = 1;
    this.repeatSpend[i] = 0;
    this.total[i] = amount;
  }
}
