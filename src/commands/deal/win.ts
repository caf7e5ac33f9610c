import { dealWon } from '../../output/views/notices.js';
import type { Context } from '../../context.js';
import { dealJson } from '../../domain/deal.js';
import { parseMoney } from '../../domain/money.js';
import { orderJson } from '../../domain/order.js';
import { dealView } from '../../output/views/deal.js';
import { givenOrPicked, pickRecord } from '../ask/pickers.js';
import { closingDeal } from './shared.js';
import { win, winOrder } from '../../domain/deal-transitions.js';
import type { DealInput } from './spec.js';

/** analytics.md: winning a deal records an order for its customer (amount and close date), unless --no-order. */
export async function run({ args: [given], opts }: DealInput<'win'>, ctx: Context) {
  const ref = await givenOrPicked(ctx, given, 'DEAL', 'crm deal win DEAL', pickRecord(ctx, ['deal'], 'Deal won (type to search)', { openDeals: true }));
  const result = await ctx.write(async (tx) => {
    const { before, stage: won, closedOn } = await closingDeal(tx, ref, 'won', opts.date, ctx);
    const amount = opts.amount === undefined ? { minor: before.amountMinor, currency: before.currency }
      : parseMoney(opts.amount, '--amount', before.currency);
    const contact = before.contact ? (await tx.contacts.get(before.contact.id)) ?? null : null;
    const orderFields = winOrder(before, closedOn, amount, contact, opts.order);
    const deal = await tx.deals.update(before, win(before, won, closedOn, amount));
    const order = orderFields ? await tx.orders.create(orderFields, 'win') : null;
    return { deal, order };
  });
  return dealView({ ...dealJson(result.deal, ctx.now), order: result.order && orderJson(result.order) } as never,
    dealWon(result.deal, result.order?.id ?? null));
}
