import type { Context } from '../../context.js';
import { check } from '../../domain/fields.js';
import { periodCount } from '../../domain/report-options.js';
import { type Period, periodsFrom } from '../../domain/fiscal.js';
import { converter } from '../../domain/fx.js';
import { forecastRow, type ForecastRow, quotaFor } from '../../domain/reports/forecast.js';
import { ownerWinRates, stageWinRates } from '../../domain/reports/pipeline.js';
import { forecastView } from '../../output/views/reports.js';
import { ratio, reportBasis } from './shared.js';
import { unconvertedWarning } from '../../output/views/notices.js';
import type { ReportInput } from './spec.js';


export async function run({ opts }: ReportInput<'forecast'>, ctx: Context) {
  const n = check(periodCount, opts.periods, '--periods');
  const b = await reportBasis(opts, ctx);
  const periods = periodsFrom(b.asOf, opts.period, n, b.fyStart);
  const teamRates = stageWinRates(b.team, b.stages, b.window);
  const ownRates = new Map<string, typeof teamRates>();
  const ratesOf = (owner: string | undefined) => {
    if (owner === undefined) return teamRates;
    if (!ownRates.has(owner)) ownRates.set(owner, ownerWinRates(b.team, b.stages, b.window, owner, teamRates));
    return ownRates.get(owner)!;
  };
  const rates = ratesOf(b.owner);
  const fx = converter(b.currency, b.rates);
  // Quotas in another currency are converted like deals; one without a rate is left out (and warned about).
  const quotas = (await b.store.quotas.list()).flatMap((q) => {
    const amount = fx.convert(q.amountMinor, q.currency);
    if (amount === null) b.unconverted.add('quota', q.currency, q.amountMinor);
    return amount === null ? [] : [{ owner: q.owner, period: q.period, amount }];
  });
  const row = (p: Period, owner?: string) => {
    const deals = owner === undefined ? b.deals : b.deals.filter((d) => d.facts.owner === owner);
    return forecastRow(p, deals, ratesOf(owner ?? b.owner), quotaFor(p, quotas, owner ?? b.owner));
  };
  const owners = [...new Set([...b.deals.map((d) => d.facts.owner), ...quotas.map((q) => q.owner)])]
    .filter((o) => b.owner === undefined || o === b.owner).sort();
  const json = (r: ForecastRow) => ({
    period: r.period, from: r.from, to: r.to, closedWon: b.money(r.closedWon), commit: b.money(r.commit), bestCase: b.money(r.bestCase),
    pipeline: b.money(r.pipeline), weighted: b.money(r.weighted), historical: b.money(r.historical),
    commitForecast: b.money(r.commitForecast), bestCaseForecast: b.money(r.bestCaseForecast), openPipeline: b.money(r.openPipeline),
    quota: r.quota === null ? null : b.money(r.quota), attainment: ratio(r.attainment), coverage: ratio(r.coverage),
  });
  return forecastView({
    asOf: b.asOf,
    period: opts.period,
    fiscalYearStart: b.fyStart,
    owner: b.owner ?? null,
    by: opts.by ?? null,
    currency: b.currency,
    periods: periods.map((p) => ({
      ...json(row(p)),
      ...(opts.by === 'owner' ? { owners: owners.map((o) => ({ owner: o, ...json(row(p, o)) })) } : {}),
    })),
    stageWinRates: b.stages.filter((s) => s.outcome === 'open').map((s) => ({
      stage: s.name, rate: ratio(rates.get(s.id)?.rate ?? null), closed: rates.get(s.id)?.closed ?? 0, probability: s.probability,
    })),
    unconverted: b.unconverted.list(),
  }, unconvertedWarning(b));
}
