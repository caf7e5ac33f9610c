import type { Context } from '../../context.js';
import { PROGRAMME, type Quadrant, quadrant } from '../../domain/loyalty.js';
import { endOfDayInstant } from '../../domain/reports/deal-state.js';
import { rfmScores } from '../../domain/rfm.js';
import { loyaltyView } from '../../output/views/value.js';
import { customerValues } from './customers.js';
import type { ReportInput } from './spec.js';

export async function run({ opts }: ReportInput<'loyalty'>, ctx: Context) {
  const v = await customerValues(opts, ctx);
  const scored = rfmScores(v.inputs, 5);
  // The latest satisfaction score by as-of, per customer: a company's include those logged on its people.
  const end = endOfDayInstant(v.asOf);
  const latest = new Map<string, number>();
  for (const s of await v.store.activities.latestSatisfaction()) {
    if (s.at >= end) continue;
    latest.set(s.companyId !== null ? `company:${s.companyId}` : `contact:${s.contactId}`, s.satisfaction);
  }
  const rows = scored.map((c) => ({ ...v.describe(c.key), f: c.f, frequency: c.frequency, satisfaction: latest.get(c.key) ?? null,
    ...quadrant(c.f, latest.get(c.key) ?? null) }))
    .sort((a, b) => a.quadrant.localeCompare(b.quadrant) || b.frequency - a.frequency || a.id - b.id);
  const quadrants: Quadrant[] = ['sustained', 'latent', 'inertia', 'none', 'unknown attitude'];
  return loyaltyView({
    asOf: v.asOf, since: v.since,
    quadrants: quadrants.map((q) => ({ quadrant: q, customers: rows.filter((r) => r.quadrant === q).length, programme: PROGRAMME[q] })),
    customers: rows.map((r) => ({ ...r, programme: PROGRAMME[r.quadrant] })),
    unconverted: v.unconverted.list(),
  }, v.warnings());
}
