import { type Link, type Stamps, stampsJson, type Page } from './record.js';
import { toMajor } from './money.js';

/** analytics.md: the customer is a company, or a contact without one (B2C). */
export interface Customer {
  kind: 'company' | 'contact';
  id: number;
  name: string;
}

export interface OrderFields {
  customer: Customer;
  orderedOn: string;
  amountMinor: number;
  currency: string;
  reference: string | null;
  dealId: number | null;
}

export interface Order extends OrderFields, Stamps {
  id: number;
  deal: Link | null;
}

export function orderJson(o: Order) {
  return {
    id: o.id, customer: o.customer, date: o.orderedOn, amount: toMajor(o.amountMinor, o.currency),
    currency: o.currency, reference: o.reference, deal: o.deal, ...stampsJson(o),
  };
}
export type OrderJson = ReturnType<typeof orderJson>;

export interface OrderFilter {
  /** Instead of the sort and limit: one page in id order (exports). */
  page?: Page;
  customer?: Pick<Customer, 'kind' | 'id'>;
  from?: string;
  to?: string;
  dealId?: number;
  limit?: number;
}

/** What `show` says of a customer's orders: count, totals per currency, first and last order. */
export interface OrderSummary {
  orders: number;
  totals: { amount: number; currency: string }[];
  firstOrder: string | null;
  lastOrder: string | null;
}

export function summarizeOrders(rows: { orderedOn: string; amountMinor: number; currency: string }[]): OrderSummary {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.currency, (totals.get(r.currency) ?? 0) + r.amountMinor);
  const dates = rows.map((r) => r.orderedOn).sort();
  return {
    orders: rows.length,
    totals: [...totals].sort(([a], [b]) => a.localeCompare(b)).map(([currency, minor]) => ({ amount: toMajor(minor, currency), currency })),
    firstOrder: dates[0] ?? null,
    lastOrder: dates.at(-1) ?? null,
  };
}
