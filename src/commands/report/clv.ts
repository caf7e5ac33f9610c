import type { Context } from '../../context.js';
import { fitBgNbd } from '../../domain/clv/bgnbd.js';
import { atRiskRows, clvSample, forecastTable, round } from '../../domain/clv/customers.js';
import { diagnose } from '../../domain/clv/diagnosis.js';
import { check, listLimit } from '../../domain/check.js';
import { isoDate, parseWhen } from '../../domain/dates.js';
import { converter, Unconverted } from '../../domain/fx.js';
import { PurchaseHistories } from '../../domain/clv/summary.js';
import { PackedNames } from '../../domain/packed-names.js';
import { released } from '../../domain/released.js';
import { horizonMonths, monthlyRate } from '../../domain/report-options.js';
import { fitProgress } from '../../io/progress.js';
import { spendFitAhead } from '../../io/spend-fit.js';
import { inlineFitNotice } from './model.js';
import { lazyRows } from '../../output/view.js';
import { clvView } from '../../output/views/value.js';
import { fittingModel, unconvertedWarning } from '../../output/views/notices.js';
import type { ReportInput } from './spec.js';

export async function run({ opts }: ReportInput<'clv'>, ctx: Context) {
  const asOf = opts.asOf === undefined ? isoDate(ctx.now) : isoDate(parseWhen(opts.asOf, ctx.now, '--as-of').at);
  const months = check(horizonMonths, opts.horizon, '--horizon');
  const discount = check(monthlyRate, opts.discount, '--discount');
  const limit = check(listLimit, opts.limit, '--limit');
  const unitDays = opts.unit === 'day' ? 1 : 7;
  const store = await ctx.store();
  const data = store.customerValue;
  const { currency, rates } = (await ctx.shared()).values;
  const unconverted = new Unconverted();
  const histories = new PurchaseHistories(converter(currency, rates), unconverted);
  // The spend fit's worker starts while the orders are read.
  const fitSpend = spendFitAhead(inlineFitNotice(ctx));
  await data.purchaseDays(asOf, histories.add);
  const sample = clvSample(histories, asOf, unitDays, currency);
  const meter = fitProgress(ctx.streams.stderr);
  const spendFit = fitSpend(sample.spend, (i, ll) => meter.show(fittingModel('spend', i, ll)));
  const bg = fitBgNbd(sample.rft, { onIteration: (i, ll) => meter.show(fittingModel('purchase', i, ll)) });
  // The names are read while the worker may still be fitting spend: packed, they weigh a few MB.
  const names = new PackedNames(histories.length);
  await store.customerNames.packed(names);
  const gg = await spendFit;
  meter.done();
  const diagnosis = diagnose(bg, gg);
  const table = forecastTable(histories, sample.rft, { bg, gg, diagnosis }, { months, discount, unitDays, currency }, (kind, id) => names.describe(kind, id));
  // What the rows do not read is given back before they are written.
  released(histories.first, histories.last, histories.days, histories.repeatSpend, histories.total, sample.spend.x, sample.spend.m);
  // Rows are made as they are written; --at-risk makes those of the most valuable fifth, to pick among them.
  const risky = opts.atRisk ? atRiskRows(table) : undefined;
  const count = Math.min(risky?.length ?? table.order.length, limit ?? Infinity);
  return clvView({
    asOf, unit: opts.unit, horizonMonths: months, discount, currency, atRisk: Boolean(opts.atRisk),
    model: { r: round(bg.r, 6), alpha: round(bg.alpha, 6), a: round(bg.a, 6), b: round(bg.b, 6), logLikelihood: round(bg.logLikelihood, 4),
      customers: histories.length, repeatBuyers: sample.repeatBuyers },
    spendModel: { p: round(gg.p, 6), q: round(gg.q, 6), gamma: round(gg.gamma, 6), logLikelihood: round(gg.logLikelihood, 4) },
    diagnosis,
    customers: lazyRows(count, function* () {
      for (let k = 0; k < count; k++) yield risky ? risky[k]! : table.row(table.order[k]!);
    }),
    unconverted: unconverted.list(),
  }, unconvertedWarning({ unconverted, currency, rates, locale: ctx.locale }));
}
