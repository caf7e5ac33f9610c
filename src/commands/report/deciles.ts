import type { Context } from '../../context.js';
import { deciles } from '../../domain/deciles.js';
import { decilesView } from '../../output/views/value.js';
import { valueTable } from './customers.js';
import { ratio } from './shared.js';
import type { ReportInput } from './spec.js';

export async function run({ opts }: ReportInput<'deciles'>, ctx: Context) {
  const v = await valueTable(opts, ctx);
  const scored = v.table.scored(v.asOf);
  const d = deciles(scored);
  return decilesView({
    asOf: v.asOf, since: v.since, currency: v.currency, customers: scored.size,
    deciles: d.rows.map((r) => ({ decile: r.decile, customers: r.customers, revenue: v.money(r.revenue), share: ratio(r.share), cumulativeShare: ratio(r.cumulativeShare) })),
    pareto: ratio(d.pareto),
    unconverted: v.unconverted.list(),
  }, v.warnings());
}
