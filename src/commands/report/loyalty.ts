import type { Context } from '../../context.js';
import { latestSatisfaction, loyaltyRows, PROGRAMME, quadrantSummary } from '../../domain/loyalty.js';
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
  const rows = loyaltyRows(Array.from(s.row, (row, i) => ({ key: v.table.key(row), f: f[i]!, frequency: s.frequency[i]! })), latest);
  const directory = await v.directory();
  return loyaltyView({
    asOf: v.asOf, since: v.since,
    quadrants: quadrantSummary(rows),
    // Each row is made as it is written (--json), never all at once.
    customers: lazyRows(rows.length, function* () {
      for (const r of rows) {
        const { kind, id, name, externalId } = directory.describeKey(r.key);
        yield { kind, id, name, externalId, f: r.f, frequency: r.frequency, satisfaction: r.satisfaction, repeat: r.repeat, attitude: r.attitude,
          quadrant: r.quadrant, programme: PROGRAMME[r.quadrant] };
      }
    }),
    unconverted: v.unconverted.list(),
  }, v.warnings());
}
