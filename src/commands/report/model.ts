import type { Context } from '../../context.js';
import { fitBgNbd, type RftColumns } from '../../domain/clv/bgnbd.js';
import { aliveOf, atRiskRows, clvSample, forecastTable } from '../../domain/clv/customers.js';
import { KINDS } from '../../domain/customer-value.js';
import { diagnose } from '../../domain/clv/diagnosis.js';
import { PurchaseHistories } from '../../domain/clv/summary.js';
import { converter, Unconverted } from '../../domain/fx.js';
import { spendFitAhead } from '../../io/spend-fit.js';
import type { OrderSums, PurchaseDayVisitor } from '../../store/customer-value.js';
import { CrmError } from '../../errors.js';
import { spendFitInline } from '../../output/views/notices.js';

/**
 * The customers report clv --at-risk picks at `asOf` with its defaults (weeks, 12 months, 1% a month), unnamed: what
 * campaign targeting (--at-risk) adds. Only the most valuable fifth's rows are made (atRiskRows), and no names are
 * read: on a million orders, 100,000 named rows were 20-30 MB of the targeting's peak.
 */
export async function atRiskCustomers(ctx: Context, asOf: string) {
  const data = (await ctx.store()).customerValue;
  const { currency, rates } = (await ctx.shared()).values;
  const histories = new PurchaseHistories(converter(currency, rates), new Unconverted());
  // The spend fit's worker starts while the orders are read.
  const fitSpend = spendFitAhead(inlineFitNotice(ctx));
  await data.purchaseDays(asOf, histories.add);
  const sample = clvSample(histories, asOf, 7, currency);
  const horizon = { months: 12, discount: 0.01, unitDays: 7, currency };
  const spendFit = fitSpend(sample.spend);
  const bg = fitBgNbd(sample.rft);
  const gg = await spendFit;
  return atRiskRows(forecastTable(histories, sample.rft, { bg, gg, diagnosis: diagnose(bg, gg) }, horizon, unnamed));
}

const unnamed = (kind: number, id: number) => ({ kind: KINDS[kind]!, id, name: '', externalId: null });

/**
 * Each customer's P(alive) at `asOf` as report clv's rows give it, by kind (0 a company, 1 a person) and id, the
 * purchase days also going to `also` as they are read, and `sums` answered from the same pass over the orders: what
 * report churn and crm next read. Only the purchase model is fitted: the spend model and the forecasts' purchase
 * curves do not change P(alive), and on a million orders they were a fit of 1.7 s of CPU on the second core and a
 * quarter of a second on this one. Where the orders cannot carry the models, `each` hears nothing and the answer is
 * why, as report clv's error says it (clvSample, spend model included); the orders were read all the same.
 */
export async function fittedPAlive(ctx: Context, asOf: string, also: PurchaseDayVisitor,
  each: (kind: number, id: number, pAlive: number | null) => void, sums: readonly OrderSums[] = []): Promise<string | null> {
  const data = (await ctx.store()).customerValue;
  const { currency, rates } = (await ctx.shared()).values;
  const histories = new PurchaseHistories(converter(currency, rates), new Unconverted());
  await data.purchaseDays(asOf, (...a) => {
    histories.add(...a);
    also(...a);
  }, sums);
  let rft: RftColumns;
  try {
    rft = clvSample(histories, asOf, 7, currency).rft;
  } catch (e) {
    if (e instanceof CrmError) return e.message;
    throw e;
  }
  const alive = aliveOf(fitBgNbd(rft), rft);
  for (let i = 0; i < histories.length; i++) each(histories.kind[i]!, histories.id[i]!, alive(i));
  return null;
}

/** Under CRM_DEBUG=1, where a spend fit that should run in a worker thread ran in this one, and why. */
export const inlineFitNotice = (ctx: Context) =>
  (ctx.env.CRM_DEBUG === '1' ? (reason: string) => void ctx.streams.stderr.write(`${spendFitInline(reason)}\n`) : undefined);
