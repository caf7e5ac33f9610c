import { orderRecorded } from '../../output/views/notices.js';
import type { Context } from '../../context.js';
import { isoDate, parseWhen } from '../../domain/dates.js';
import { parseCurrency, parseMoney } from '../../domain/money.js';
import { orderJson } from '../../domain/order.js';
import { conflict, invalid } from '../../errors.js';
import { orderView } from '../../output/views/order.js';
import { resolveCustomer } from './customer.js';
import type { OrderInput } from './spec.js';

export async function run({ args: [ref], opts }: OrderInput<'add'>, ctx: Context) {
  if (opts.amount === undefined) throw invalid('--amount', 'an order needs an amount', 'pass --amount, e.g. --amount 1,200.00 (negative for a refund)');
  const currency = opts.currency === undefined ? (await ctx.shared()).values.currency : parseCurrency(opts.currency, '--currency');
  // Negative amounts are refunds or cancellations (analytics.md).
  const money = parseMoney(opts.amount, '--amount', currency, { allowNegative: true });
  const orderedOn = opts.date === undefined ? isoDate(ctx.now) : isoDate(parseWhen(opts.date, ctx.now, '--date').at);
  const reference = opts.reference?.trim() || null;
  const order = await ctx.write(async (tx) => {
    const customer = await resolveCustomer(tx, ref!);
    if (reference !== null) {
      const existing = await tx.orders.byReference(reference);
      if (existing !== undefined) throw conflict(`--reference: order #${existing} already has reference ${reference}`, 'references are unique; use another');
    }
    const dealId = opts.deal === undefined ? null : (await tx.refs.resolve(opts.deal, ['deal'], '--deal')).id;
    return tx.orders.create({ customer, orderedOn, amountMinor: money.minor, currency: money.currency, reference, dealId });
  });
  return orderView(orderJson(order), orderRecorded(order.id, order.customer.name));
}
