import { dayNumber } from './calendar.js';
import type { Converter, Unconverted } from './fx.js';
import type { Customer } from './order.js';
import type { RfmInput } from './rfm.js';

/**
 * What the customer-value reports (rfm, deciles, portfolio, loyalty) stand on: per customer, R, F and M in minor
 * units of the report currency, from the store's per-customer-and-currency order aggregates. A customer is keyed
 * "company:12" or "contact:7" throughout.
 */

/** One customer's orders in one currency up to as-of (and from --since), as the store aggregates them. */
export interface CustomerOrderRow {
  kind: Customer['kind'];
  id: number;
  currency: string;
  /** Orders of every sign, for the count of orders left out. */
  orders: number;
  /** Positive orders. */
  frequency: number;
  /** The latest positive order's date; null with refunds and zero amounts only. */
  lastPositive: string | null;
  firstOrder: string;
  /** Every amount summed, refunds included. */
  monetaryMinor: number;
}

export interface CustomerTotals {
  frequency: number;
  last: string | null;
  monetary: number;
}

export interface CustomerValues {
  /** analytics.md: only customers with at least one positive order are scored (RFM, deciles, loyalty). */
  inputs: RfmInput[];
  /** Every customer with converted orders, refunds-only ones included: the portfolio's value. */
  all: Map<string, CustomerTotals>;
  /** Customers with orders left out for want of a rate: without converted ones they are not prospects. */
  leftOut: Set<string>;
  /** The window's length in days, both ends included, for annualising: --since (else the first order) to as-of. */
  windowDays: number;
}

export const customerKey = (kind: Customer['kind'], id: number): string => `${kind}:${id}`;

/** The customer key's tie-break order (deciles, tiers): by id, companies before contacts. */
export function idOrder(key: string): [number, number] {
  const [kind, id] = key.split(':');
  return [Number(id), kind === 'company' ? 0 : 1];
}

/** A customer as report rows name it: kind, id, and from `names` its name and external id. */
export function describeCustomer(key: string, names: ReadonlyMap<string, { name: string; externalId: string | null }>) {
  const colon = key.indexOf(':');
  const n = names.get(key);
  return { kind: key.slice(0, colon) as Customer['kind'], id: Number(key.slice(colon + 1)), name: n?.name ?? '', externalId: n?.externalId ?? null };
}

/**
 * R, F and M per customer. Orders in a currency without a rate are left out of every measure (so R, F and M
 * describe the same orders), as the pipeline leaves out such deals, and are counted in `unconverted`.
 */
export function customerValues(rows: Iterable<CustomerOrderRow>, asOf: string, since: string | null, fx: Converter, unconverted: Unconverted): CustomerValues {
  const all = new Map<string, CustomerTotals>();
  const leftOut = new Set<string>();
  let firstOrder: string | null = null;
  for (const row of rows) {
    const key = customerKey(row.kind, row.id);
    const minor = fx.convert(row.monetaryMinor, row.currency);
    if (minor === null) {
      unconverted.add('order', row.currency, row.monetaryMinor, row.orders);
      leftOut.add(key);
      continue;
    }
    if (firstOrder === null || row.firstOrder < firstOrder) firstOrder = row.firstOrder;
    const a = all.get(key) ?? { frequency: 0, last: null, monetary: 0 };
    a.frequency += row.frequency;
    a.monetary += minor;
    if (row.lastPositive !== null && (a.last === null || row.lastPositive > a.last)) a.last = row.lastPositive;
    all.set(key, a);
  }
  const inputs: RfmInput[] = [];
  for (const [key, a] of all) {
    if (a.frequency > 0 && a.last !== null) inputs.push({ key, recencyDays: dayNumber(asOf) - dayNumber(a.last), frequency: a.frequency, monetary: a.monetary });
  }
  const windowDays = Math.max(1, dayNumber(asOf) - dayNumber(since ?? firstOrder ?? asOf) + 1);
  return { inputs, all, leftOut, windowDays };
}
