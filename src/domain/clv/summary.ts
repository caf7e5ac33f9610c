import { dayNumber } from '../calendar.js';
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

/** One customer's purchase days so far, amounts in minor units of the report currency. */
export interface PurchaseHistory {
  key: string;
  first: string;
  last: string;
  /** Purchase days: orders on one calendar day, in any currencies, are one purchase. */
  days: number;
  /** What the days after the first were worth: Gamma-Gamma's m is this over x. */
  repeatSpend: number;
  /** What every purchase day was worth. */
  total: number;
}

/**
 * summarize() for a stream: purchase days (orders merged per customer, day and currency, refunds left out, as the
 * store reads them) arrive customer by customer in date order and are folded into one PurchaseHistory per
 * customer, so a million orders never sit in memory. Each amount converts into the report currency; one without a
 * rate is left out and counted in `unconverted`, so a day bought only in such a currency is no purchase.
 */
export class PurchaseHistories {
  readonly customers: PurchaseHistory[] = [];
  private current: PurchaseHistory | undefined;
  private kind: Customer['kind'] | undefined;
  private id = 0;

  constructor(private readonly fx: Converter, private readonly unconverted: Unconverted) {}

  /** One customer's purchases of one day in one currency: `orders` orders adding up to `minor`. */
  readonly add = (kind: Customer['kind'], id: number, day: string, currency: string, minor: number, orders: number): void => {
    const amount = this.fx.convert(minor, currency);
    if (amount === null) {
      this.unconverted.add('order', currency, minor, orders);
      return;
    }
    const c = this.current;
    if (!c || id !== this.id || kind !== this.kind) {
      this.kind = kind;
      this.id = id;
      this.current = { key: `${kind}:${id}`, first: day, last: day, days: 1, repeatSpend: 0, total: amount };
      this.customers.push(this.current);
      return;
    }
    c.total += amount;
    if (day !== c.last) {
      c.days += 1;
      c.last = day;
    }
    // The first day's purchases in other currencies belong to the first purchase, not to the repeat spend.
    if (c.days > 1) c.repeatSpend += amount;
  };
}
