import type { Context } from '../../context.js';
import { latestSatisfaction, loyaltyColumns, PROGRAMME, quadrant, quadrantCounts, scoredSatisfaction } from '../../domain/loyalty.js';
import { endOfDayInstant } from '../../domain/reports/deal-state.js';
import { scoreMeasure } from '../../domain/rfm.js';
import { lazyRows } from '../../output/view.js';
import { loyaltyView } from '../../output/views/value.js';
import { valueTable } from './customers.js';
import type { ReportInput } from './spec.js';

export async function run({ opts }: ReportInput<'loyalty'>, ctx: Context) {
  const v = await valueTable(opts, ctx);
  const s = v.table.scored(v.asOf);
  // analytics.md: repeat purchase is the F score on the standard five bins.
  const f = scoreMeasure(s.frequency, true, 5);
  const latest = latestSatisfaction(await v.store.activities.latestSatisfaction(), endOfDayInstant(v.asOf));
  const satisfaction = scoredSatisfaction(latest, v.table, s);
  const { quadrants, order } = loyaltyColumns(f, s.frequency, s.id, satisfaction);
  const directory = await v.directory();
  return loyaltyView({
    asOf: v.asOf, since: v.since,
    quadrants: quadrantCounts(quadrants),
    // Each row is made as it is written (--json), never all at once.
    customers: lazyRows(order.length, function* () {
      for (const i of order) {
        const { kind, id, name, externalId } = directory.describe(s.kind[i]!, s.id[i]!);
        const score = Number.isNaN(satisfaction[i]!) ? null : satisfaction[i]!;
        const q = quadrant(f[i]!, score);
        yield { kind, id, name, externalId, f: f[i]!, frequency: s.frequency[i]!, satisfaction: score, repeat: q.repeat, attitude: q.attitude,
          quadrant: q.quadrant, programme: PROGRAMME[q.quadrant] };
      }
    }),
    unconverted: v.unconverted.list(),
  }, v.warnings());
}
