import type { Context } from '../../context.js';
import { dayNumber } from '../../domain/calendar.js';
import { converter, Unconverted } from '../../domain/fx.js';
import { toMajor } from '../../domain/money.js';
import type { RfmInput } from '../../domain/rfm.js';
import { CustomerValueData, type CustomerName } from '../../store/customer-value.js';
import { reportDates, unconvertedWarning } from './shared.js';

export interface ValueFlags {
  asOf?: string;
  since?: string;
}

/**
 * Customers with at least one positive order by as-of, with R, F and M in minor units of the report currency.
 * Orders in a currency without a rate are left out of every measure (so R, F and M describe the same orders),
 * as the pipeline leaves out such deals, and counted in `unconverted` for the report's warning.
 */
export async function customerValues(opts: ValueFlags, ctx: Context) {
  const { asOf, since: from } = reportDates(opts, ctx);
  const since = from ?? null;
  const store = await ctx.store();
  const data = new CustomerValueData(store);
  const fx = converter(ctx.currency, ctx.config.rates ?? {});
  const unconverted = new Unconverted();
  const acc = new Map<string, { frequency: number; last: string | null; monetary: number }>();
  // Customers with orders left out: without converted ones they are not prospects, they are unconverted.
  const leftOut = new Set<string>();
  let firstOrder: string | null = null;
  for (const row of data.orders(asOf, since)) {
    const key = `${row.kind}:${row.id}`;
    const minor = fx.convert(row.monetaryMinor, row.currency);
    if (minor === null) {
      unconverted.add('order', row.currency, row.monetaryMinor, row.orders);
      leftOut.add(key);
      continue;
    }
    if (firstOrder === null || row.firstOrder < firstOrder) firstOrder = row.firstOrder;
    const a = acc.get(key) ?? { frequency: 0, last: null, monetary: 0 };
    a.frequency += row.frequency;
    a.monetary += minor;
    if (row.lastPositive !== null && (a.last === null || row.lastPositive > a.last)) a.last = row.lastPositive;
    acc.set(key, a);
  }
  const inputs: RfmInput[] = [];
  for (const [key, a] of acc) {
    // analytics.md: only customers with at least one positive order are scored.
    if (a.frequency > 0 && a.last !== null) inputs.push({ key, recencyDays: dayNumber(asOf) - dayNumber(a.last), frequency: a.frequency, monetary: a.monetary });
  }
  const names = data.names();
  const describe = (key: string) => {
    const colon = key.indexOf(':');
    const n: CustomerName | undefined = names.get(key);
    return { kind: key.slice(0, colon) as 'company' | 'contact', id: Number(key.slice(colon + 1)), name: n?.name ?? '', externalId: n?.externalId ?? null };
  };
  // The window's length, for annualising: --since to as-of, or the first order to as-of.
  const windowDays = Math.max(1, dayNumber(asOf) - dayNumber(since ?? firstOrder ?? asOf) + 1);
  const basis = { currency: ctx.currency, rates: ctx.config.rates ?? {}, locale: ctx.locale, unconverted };
  return { store, data, asOf, since, inputs, all: acc, leftOut, names, describe, unconverted, fx, windowDays, currency: ctx.currency,
    money: (minor: number) => toMajor(minor, ctx.currency),
    /** Call after everything that can be left out was added (orders here, wallets in portfolio). */
    warnings: () => unconvertedWarning(basis) };
}

/** The customer key's tie-break order for deciles: by id, companies before contacts. */
export const idOrder = (key: string): [number, number] => {
  const [kind, id] = key.split(':');
  return [Number(id), kind === 'company' ? 0 : 1];
};
