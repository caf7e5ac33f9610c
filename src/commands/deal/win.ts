import { dealWon } from '../../output/views/notices.js';
import type { Context } from '../../context.js';
import { dealJson } from '../../domain/deal.js';
import { parseMoney } from '../../domain/money.js';
import { orderJson } from '../../domain/order.js';
import { invalid } from '../../errors.js';
import { dealView } from '../../output/views/deal.js';
import { resolveCustomer } from '../order/customer.js';
import { givenOrPicked, pickRecord } from '../ask/pickers.js';
import { closingDeal } from './shared.js';
import { win } from '../../domain/deal-transitions.js';
import type { DealInput } from './spec.js';

/** analytics.md: winning a deal records an order for its customer (amount and close date), unless --no-order. */
export async function run({ args: [given], opts }: DealInput<'win'>, ctx: Context) {
  const ref = await givenOrPicked(ctx, given, 'DEAL', 'crm deal win DEAL', pickRecord(ctx, ['deal'], 'Deal won (type to search)', { openDeals: true }));
  const result = await ctx.write(async (tx) => {
    const { before, stage: won, closedOn } = await closingDeal(tx, ref, 'won', opts.date, ctx);
    const amount = opts.amount === undefined ? { minor: before.amountMinor, currency: before.currency }
      : parseMoney(opts.amount, '--amount', before.currency);
    // analytics.md: the customer is the company, or a contact without one.
    const customer = before.company ? { kind: 'company' as const, ...before.company }
      : before.contact ? await resolveCustomer(tx, `contact:${before.contact.id}`) : null;
    if (opts.order && !customer) {
      throw invalid('DEAL', `deal #${before.id} has no company or contact to record the order for`,
        `link one (crm deal edit ${before.id} --company NAME) or pass --no-order`);
    }
    const deal = await tx.deals.update(before, win(before, won, closedOn, amount));
    const order = opts.order && customer ? await tx.orders.create({
      customer, orderedOn: closedOn, amountMinor: amount.minor, currency: amount.currency, reference: null, dealId: deal.id,
    }, 'win') : null;
    return { deal, order };
  });
  return dealView({ ...dealJson(result.deal, ctx.now), order: result.order && orderJson(result.order) } as never,
    dealWon(result.deal, result.order?.id ?? null));
}
