import type { Context } from '../../context.js';
import { pipelineFigures } from '../../domain/reports/pipeline.js';
import { pipelineView } from '../../output/views/reports.js';
import { days, ratio, reportBasis } from './shared.js';
import { unconvertedWarning } from '../../output/views/notices.js';
import type { ReportInput } from './spec.js';

export async function run({ opts }: ReportInput<'pipeline'>, ctx: Context) {
  const b = await reportBasis(opts, ctx);
  const f = pipelineFigures(b.deals, b.stages, b.asOf, b.window);
  return pipelineView({
    asOf: b.asOf,
    window: b.window,
    owner: b.owner ?? null,
    currency: b.currency,
    stages: f.stages.map((s) => ({ stage: s.stage, deals: s.deals, amount: b.money(s.amount), weighted: b.money(s.weighted),
      avgAgeDays: days(s.avgAgeDays), stale: s.stale })),
    openDeals: f.openDeals,
    won: f.won,
    lost: f.lost,
    winRate: ratio(f.winRate),
    salesCycleDays: days(f.salesCycleDays),
    avgWonAmount: f.avgWonAmount === null ? null : b.money(Math.round(f.avgWonAmount)),
    velocity: f.velocity === null ? null : b.money(Math.round(f.velocity)),
    conversions: f.conversions.map((c) => ({ from: c.from, to: c.to, rate: ratio(c.rate), entered: c.entered, movedOn: c.movedOn })),
    unconverted: b.unconverted.list(),
  }, unconvertedWarning(b));
}
