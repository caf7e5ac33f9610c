import type { Context } from '../../context.js';
import { customerValues as valuesOf, describeCustomer } from '../../domain/customer-value.js';
import { converter, Unconverted } from '../../domain/fx.js';
import { toMajor } from '../../domain/money.js';
import { unconvertedWarning } from '../../output/views/notices.js';
import { reportDates } from './shared.js';
import type { ValueFlags } from './spec.js';

/** What rfm, deciles, portfolio and loyalty read: the store's order aggregates as per-customer values (domain). */
export async function customerValues(opts: ValueFlags, ctx: Context) {
  const { asOf, since: from } = reportDates(opts, ctx);
  const since = from ?? null;
  const store = await ctx.store();
  const data = store.customerValue;
  const { currency, rates } = (await ctx.shared()).values;
  const fx = converter(currency, rates);
  const unconverted = new Unconverted();
  const values = valuesOf(await data.orders(asOf, since), asOf, since, fx, unconverted);
  const names = await data.names();
  const basis = { currency, rates, locale: ctx.locale, unconverted };
  return { store, data, asOf, since, ...values, names, describe: (key: string) => describeCustomer(key, names), unconverted, fx,
    currency,
    money: (minor: number) => toMajor(minor, currency),
    /** Call after everything that can be left out was added (orders here, wallets in portfolio). */
    warnings: () => unconvertedWarning(basis) };
}
