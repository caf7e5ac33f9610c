import type { Context } from '../../context.js';
import { check, listLimit } from '../../domain/check.js';
import { isoDate, parseWhen } from '../../domain/dates.js';
import { orderJson } from '../../domain/order.js';
import { orderList } from '../../output/views/order.js';
import { resolveCustomer } from './customer.js';
import type { OrderInput } from './spec.js';

export async function run({ opts }: OrderInput<'list'>, ctx: Context) {
  const store = await ctx.store();
  const orders = await store.orders.list({
    customer: opts.customer === undefined ? undefined : await resolveCustomer(store, opts.customer),
    from: opts.since === undefined ? undefined : isoDate(parseWhen(opts.since, ctx.now, '--since').at),
    to: opts.until === undefined ? undefined : isoDate(parseWhen(opts.until, ctx.now, '--until').at),
    limit: check(listLimit, opts.limit, '--limit'),
  });
  return orderList(orders.map(orderJson));
}
