import type { Context } from '../../context.js';
import { CustomerDirectory, describeCustomer, ValueTable } from '../../domain/customer-value.js';
import { converter, Unconverted } from '../../domain/fx.js';
import { toMajor } from '../../domain/money.js';
import { unconvertedWarning } from '../../output/views/notices.js';
import { reportDates } from './shared.js';
import type { OrderSums } from '../../store/customer-value.js';
import type { ValueFlags } from './spec.js';

/**
 * What rfm, deciles, portfolio and loyalty read: the store's order aggregates as a table of per-customer values
 * (domain), and the directory of names and wallets when a report lists customers.
 */
export async function valueTable(opts: ValueFlags, ctx: Context) {
  const v = await unreadValueTable(opts, ctx);
  await v.data.orders(v.asOf, v.since, v.table);
  return v;
}

/**
 * valueTable before its orders are read: `sums` is the read, to ask of a scan of the purchase days (report churn
 * and crm next read both), after which the table is as valueTable's.
 */
export async function unreadValueTable(opts: ValueFlags, ctx: Context) {
  const { asOf, since: from } = reportDates(opts, ctx);
  const since = from ?? null;
  const store = await ctx.store();
  const data = store.customerValue;
  const { currency, rates } = (await ctx.shared()).values;
  const fx = converter(currency, rates);
  const unconverted = new Unconverted();
  const table = new ValueTable(fx, unconverted);
  const basis = { currency, rates, locale: ctx.locale, unconverted };
  return { store, data, asOf, since, table, unconverted, fx, sums: { since, into: table } satisfies OrderSums,
    currency,
    money: (minor: number) => toMajor(minor, currency),
    /** Names of the customers; their wallet estimates too with `wallets`. */
    directory: async (wallets = false) => {
      const d = new CustomerDirectory();
      await data.directory(d, wallets);
      return d;
    },
    /** Call after everything that can be left out was added (orders here, wallets in portfolio). */
    warnings: () => unconvertedWarning(basis) };
}

/** The same values keyed by customer, with every name: for the commands that pick customers by key. */
export async function customerValues(opts: ValueFlags, ctx: Context) {
  const v = await valueTable(opts, ctx);
  const names = await v.data.names();
  return { ...v, ...v.table.values(v.asOf, v.since), names, describe: (key: string) => describeCustomer(key, names) };
}
