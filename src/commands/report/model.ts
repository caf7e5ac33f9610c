import type { Context } from '../../context.js';
import { fitBgNbd } from '../../domain/clv/bgnbd.js';
import { clvSample, type CustomerForecast, customerForecasts, forecastTable } from '../../domain/clv/customers.js';
import { KINDS } from '../../domain/customer-value.js';
import { diagnose } from '../../domain/clv/diagnosis.js';
import { PurchaseHistories } from '../../domain/clv/summary.js';
import { converter, Unconverted } from '../../domain/fx.js';
import { PackedNames } from '../../domain/packed-names.js';
import { spendFitAhead } from '../../io/spend-fit.js';
import { spendFitInline } from '../../output/views/notices.js';

/**
 * The lifetime-value models fitted at `asOf` (weeks, 12 months, 1% a month: report clv's defaults) and each
 * customer's forecast: what campaign targeting (--at-risk), report churn and crm next read of P(alive).
 */
export async function fittedForecasts(ctx: Context, asOf: string,
  also?: (kind: 'company' | 'contact', id: number, day: string, currency: string, minor: number, orders: number) => void,
  /** When given, each customer's forecast goes to it as it is made, unnamed, and none is kept (report churn). */
  each?: (forecast: CustomerForecast) => void) {
  const store = await ctx.store();
  const data = store.customerValue;
  const { currency, rates } = (await ctx.shared()).values;
  const histories = new PurchaseHistories(converter(currency, rates), new Unconverted());
  // The spend fit's worker starts while the orders are read.
  const fitSpend = spendFitAhead(inlineFitNotice(ctx));
  await data.purchaseDays(asOf, also ? (...a) => {
    histories.add(...a);
    also(...a);
  } : histories.add);
  const sample = clvSample(histories, asOf, 7, currency);
  const horizon = { months: 12, discount: 0.01, unitDays: 7, currency };
  const spendFit = fitSpend(sample.spend);
  const bg = fitBgNbd(sample.rft);
  if (each) {
    // Churn names only the rows it lists, so no names are read here.
    const gg = await spendFit;
    const table = forecastTable(histories, sample.rft, { bg, gg, diagnosis: diagnose(bg, gg) }, horizon, unnamed);
    for (let i = 0; i < histories.length; i++) each(table.row(i));
    return [];
  }
  // The names are read while the worker may still be fitting spend: packed, they weigh a few MB.
  const names = new PackedNames(histories.length);
  await store.customerNames.packed(names);
  const gg = await spendFit;
  const diagnosis = diagnose(bg, gg);
  return customerForecasts(histories, sample.rft, { bg, gg, diagnosis }, horizon, (kind, id) => names.describe(kind, id));
}

const unnamed = (kind: number, id: number) => ({ kind: KINDS[kind]!, id, name: '', externalId: null });

/** Under CRM_DEBUG=1, where a spend fit that should run in a worker thread ran in this one, and why. */
export const inlineFitNotice = (ctx: Context) =>
  (ctx.env.CRM_DEBUG === '1' ? (reason: string) => void ctx.streams.stderr.write(`${spendFitInline(reason)}\n`) : undefined);
