import type { Context } from '../../context.js';
import { deciles } from '../../domain/deciles.js';
import { decilesView } from '../../output/views/value.js';
import { idOrder } from '../../domain/customer-value.js';
import { customerValues } from './customers.js';
import { ratio } from './shared.js';
import type { ReportInput } from './spec.js';

export async function run({ opts }: ReportInput<'deciles'>, ctx: Context) {
  const v = await customerValues(opts, ctx);
  const d = deciles(v.inputs.map((c) => ({ order: idOrder(c.key), monetary: c.monetary })));
  return decilesView({
    asOf: v.asOf, since: v.since, currency: v.currency, customers: v.inputs.length,
    deciles: d.rows.map((r) => ({ decile: r.decile, customers: r.customers, revenue: v.money(r.revenue), share: ratio(r.share), cumulativeShare: ratio(r.cumulativeShare) })),
    pareto: ratio(d.pareto),
    unconverted: v.unconverted.list(),
  }, v.warnings());
}
