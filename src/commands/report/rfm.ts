import type { Context } from '../../context.js';
import { check } from '../../domain/fields.js';
import { segmentMap } from '../../domain/config.js';
import { binCount, segmentNameIn, snapshotName } from '../../domain/report-options.js';
import type { CustomerRef } from '../../domain/reports/results.js';
import { type Migration, migration, monetaryOrder, scoreColumns, segmentSummary } from '../../domain/rfm.js';
import { notFound } from '../../errors.js';
import { lazyRows } from '../../output/view.js';
import { rfmView } from '../../output/views/value.js';
import { valueTable } from './customers.js';
import { ratio } from './shared.js';
import type { ReportInput } from './spec.js';

const compare = (name: string, asOf: string, m: Migration, describe: (key: string) => CustomerRef) => ({
  name, asOf, unchanged: m.unchanged, moved: m.moved, customers: m.customers.map((c) => ({ ...describe(c.key), from: c.from, to: c.to })),
});

export async function run({ opts }: ReportInput<'rfm'>, ctx: Context) {
  const bins = check(binCount, opts.bins, '--bins');
  const map = segmentMap((await ctx.shared()).values);
  const segment = opts.segment === undefined ? undefined : check(segmentNameIn(map), opts.segment, '--segment');
  const v = await valueTable(opts, ctx);
  const s = v.table.scored(v.asOf);
  const scores = scoreColumns(s, bins, map);
  // Positions into `s`, in the report's order: the highest Monetary first.
  const order = monetaryOrder(s, scores.monetary);
  const keyed = () => Array.from(order, (i) => ({ key: v.table.key(s.row[i]!), segment: scores.segment[i]! }));
  const before = opts.compare === undefined ? undefined : await v.data.snapshot(opts.compare);
  if (opts.compare !== undefined && !before) {
    const names = await v.data.snapshotNames();
    throw notFound(`no saved segmentation "${opts.compare}"`, names.length ? `saved: ${names.join(', ')}` : 'save one first with crm report rfm --save NAME');
  }
  if (opts.save !== undefined) {
    const name = check(snapshotName, opts.save, '--save');
    await ctx.write((tx) => tx.customerValue.saveSnapshot(name, v.asOf, bins, keyed()));
  }
  const directory = await v.directory();
  const listed = segment ? order.filter((i) => scores.segment[i] === segment) : order;
  return rfmView({
    asOf: v.asOf, since: v.since, bins, currency: v.currency, segment: segment ?? null, scored: s.size,
    // Each row is made as it is written (--json), never all at once.
    customers: lazyRows(listed.length, function* () {
      for (const i of listed) {
        // Written out rather than spread: 100,000 objects made by spreading took three times the memory.
        const { kind, id, name, externalId } = directory.describe(s.kind[i]!, s.id[i]!);
        yield { kind, id, name, externalId, recencyDays: s.recencyDays[i]!, frequency: s.frequency[i]!, monetary: v.money(s.monetary[i]!),
          r: scores.r[i]!, f: scores.f[i]!, m: scores.m[i]!, segment: scores.segment[i]! };
      }
    }),
    segments: segmentSummary(scores.segment, s.monetary, map).map((x) => ({ ...x, revenue: v.money(x.revenue), share: ratio(x.share) })),
    ...(before ? { compare: compare(opts.compare!, before.asOf, migration(before.members, keyed()), (key) => directory.describeKey(key)) } : {}),
    ...(opts.save ? { saved: opts.save.trim() } : {}),
    unconverted: v.unconverted.list(),
  }, v.warnings());
}
