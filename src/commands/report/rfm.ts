import type { Context } from '../../context.js';
import { check } from '../../domain/fields.js';
import { binCount, segmentName, snapshotName } from '../../domain/report-options.js';
import type { CustomerRef } from '../../domain/reports/results.js';
import { byMonetary, type Migration, migration, rfmScores, segmentSummary } from '../../domain/rfm.js';
import { notFound } from '../../errors.js';
import { rfmView } from '../../output/views/value.js';
import { customerValues } from './customers.js';
import { ratio } from './shared.js';
import type { ReportInput } from './spec.js';

const compare = (name: string, asOf: string, m: Migration, describe: (key: string) => CustomerRef) => ({
  name, asOf, unchanged: m.unchanged, moved: m.moved, customers: m.customers.map((c) => ({ ...describe(c.key), from: c.from, to: c.to })),
});

export async function run({ opts }: ReportInput<'rfm'>, ctx: Context) {
  const bins = check(binCount, opts.bins, '--bins');
  const segment = opts.segment === undefined ? undefined : check(segmentName, opts.segment, '--segment');
  const v = await customerValues(opts, ctx);
  const scored = rfmScores(v.inputs, bins).sort(byMonetary);
  const before = opts.compare === undefined ? undefined : await v.data.snapshot(opts.compare);
  if (opts.compare !== undefined && !before) {
    const names = await v.data.snapshotNames();
    throw notFound(`no saved segmentation "${opts.compare}"`, names.length ? `saved: ${names.join(', ')}` : 'save one first with crm report rfm --save NAME');
  }
  if (opts.save !== undefined) {
    const name = check(snapshotName, opts.save, '--save');
    await ctx.write((tx) => tx.customerValue.saveSnapshot(name, v.asOf, bins, scored.map((c) => ({ key: c.key, segment: c.segment }))));
  }
  const listed = segment ? scored.filter((c) => c.segment === segment) : scored;
  return rfmView({
    asOf: v.asOf, since: v.since, bins, currency: v.currency, segment: segment ?? null, scored: scored.length,
    customers: listed.map((c) => ({ ...v.describe(c.key), recencyDays: c.recencyDays, frequency: c.frequency, monetary: v.money(c.monetary),
      r: c.r, f: c.f, m: c.m, segment: c.segment })),
    segments: segmentSummary(scored).map((s) => ({ ...s, revenue: v.money(s.revenue), share: ratio(s.share) })),
    ...(before ? { compare: compare(opts.compare!, before.asOf, migration(before.members, scored), v.describe) } : {}),
    ...(opts.save ? { saved: opts.save.trim() } : {}),
    unconverted: v.unconverted.list(),
  }, v.warnings());
}
