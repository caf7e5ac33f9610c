import type { Input } from '../../cli/action.js';
import type { Context } from '../../context.js';
import { isoDate, parseWhen } from '../../domain/dates.js';
import { dealJson } from '../../domain/deal.js';
import { parseMoney } from '../../domain/money.js';
import { orderJson } from '../../domain/order.js';
import { invalid, usageError } from '../../errors.js';
import { dealView } from '../../output/views/deal.js';
import { resolveCustomer } from '../order/customer.js';
import { loadDeal } from './shared.js';

/** analytics.md: winning a deal records an order for its customer (amount and close date), unless --no-order. */
export async function run({ args: [ref], opts }: Input<{ date?: string; amount?: string; order: boolean }>, ctx: Context) {
  const result = await ctx.write(async (tx) => {
    const before = await loadDeal(tx, ref!);
    if (before.stage.outcome !== 'open') {
      throw usageError(`deal #${before.id} ${before.title} is already ${before.stage.outcome}`,
        before.stage.outcome === 'lost' ? `reopen it first: crm deal reopen ${before.id}` : 'nothing to do');
    }
    const won = (await tx.stages.byOutcome('won'))!;
    const closedOn = opts.date === undefined ? isoDate(ctx.now) : isoDate(parseWhen(opts.date, ctx.now, '--date').at);
    const amount = opts.amount === undefined ? { minor: before.amountMinor, currency: before.currency }
      : parseMoney(opts.amount, '--amount', before.currency);
    // analytics.md: the customer is the company, or a contact without one.
    const customer = before.company ? { kind: 'company' as const, ...before.company }
      : before.contact ? await resolveCustomer(tx, `contact:${before.contact.id}`) : null;
    if (opts.order && !customer) {
      throw invalid('DEAL', `deal #${before.id} has no company or contact to record the order for`,
        `link one (crm deal edit ${before.id} --company NAME) or pass --no-order`);
    }
    const deal = await tx.deals.update(before, {
      ...before, stageId: won.id, closedOn, amountMinor: amount.minor, currency: amount.currency, probability: null,
      forecastCategory: null, lostReason: null,
    });
    const order = opts.order && customer ? await tx.orders.create({
      customer, orderedOn: closedOn, amountMinor: amount.minor, currency: amount.currency, reference: null, dealId: deal.id,
    }, 'win') : null;
    return { deal, order };
  });
  return dealView({ ...dealJson(result.deal, ctx.now), order: result.order && orderJson(result.order) } as never,
    `won deal #${result.deal.id} ${result.deal.title}${result.order ? `; recorded order #${result.order.id}` : ''}`);
}
