import type { Context } from '../../context.js';
import { latestSatisfaction, loyaltyRows, PROGRAMME, quadrantSummary } from '../../domain/loyalty.js';
import { endOfDayInstant } from '../../domain/reports/deal-state.js';
import { rfmScores } from '../../domain/rfm.js';
import { loyaltyView } from '../../output/views/value.js';
import { customerValues } from './customers.js';
import type { ReportInput } from './spec.js';

export async function run({ opts }: ReportInput<'loyalty'>, ctx: Context) {
  const v = await customerValues(opts, ctx);
  const scored = rfmScores(v.inputs, 5);
  const latest = latestSatisfaction(await v.store.activities.latestSatisfaction(), endOfDayInstant(v.asOf));
  const rows = loyaltyRows(scored, latest);
  return loyaltyView({
    asOf: v.asOf, since: v.since,
    quadrants: quadrantSummary(rows),
    customers: rows.map(({ key, ...r }) => ({ ...v.describe(key), ...r, programme: PROGRAMME[r.quadrant] })),
    unconverted: v.unconverted.list(),
  }, v.warnings());
}
