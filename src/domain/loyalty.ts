import { idOrder } from './customer-value.js';

/**
 * Griffin's loyalty matrix (analytics.md): repeat purchase is high when the F score is 4 or more; attitude is strong
 * when the latest satisfaction score recorded on the customer's activities is 4 or 5. Customers without a score
 * have an unknown attitude and are listed as such, never guessed.
 */
export type Quadrant = 'sustained' | 'latent' | 'inertia' | 'none' | 'unknown attitude';

export const PROGRAMME: Record<Quadrant, string> = {
  sustained: 'loyalty programme: reward and keep them close',
  latent: 'attract: give them reasons to buy more often',
  inertia: 'retain: they buy out of habit; build a real preference before a competitor does',
  none: 'let go: spend little on them',
  'unknown attitude': 'ask: log a satisfaction score on their next call or meeting',
};

export function quadrant(f: number, satisfaction: number | null): { repeat: 'high' | 'low'; attitude: 'strong' | 'weak' | 'unknown'; quadrant: Quadrant } {
  const repeat = f >= 4 ? 'high' : 'low';
  if (satisfaction === null) return { repeat, attitude: 'unknown', quadrant: 'unknown attitude' };
  const attitude = satisfaction >= 4 ? 'strong' : 'weak';
  const q: Quadrant = repeat === 'high' ? (attitude === 'strong' ? 'sustained' : 'inertia') : attitude === 'strong' ? 'latent' : 'none';
  return { repeat, attitude, quadrant: q };
}

/** The quadrants in the order the report lists them. */
export const QUADRANTS: Quadrant[] = ['sustained', 'latent', 'inertia', 'none', 'unknown attitude'];

/** A satisfaction score as recorded on an activity: on a company, or on a person (whose company it counts for). */
export interface SatisfactionScore {
  at: string;
  satisfaction: number;
  companyId: number | null;
  contactId: number | null;
}

/**
 * The latest satisfaction score per customer up to `end` (an instant, exclusive). `scores` in time order: the last
 * one before `end` wins. A score logged on a person counts for their company when they have one.
 */
export function latestSatisfaction(scores: Iterable<SatisfactionScore>, end: string): Map<string, number> {
  const latest = new Map<string, number>();
  for (const s of scores) {
    if (s.at >= end) continue;
    latest.set(s.companyId !== null ? `company:${s.companyId}` : `contact:${s.contactId}`, s.satisfaction);
  }
  return latest;
}

/** Each scored customer in its quadrant: quadrants in order, then the most frequent buyers first, then by id. */
export function loyaltyRows(scored: readonly { key: string; f: number; frequency: number }[], latest: ReadonlyMap<string, number>) {
  const rows = scored.map((c) => {
    const satisfaction = latest.get(c.key) ?? null;
    const { repeat, attitude, quadrant: q } = quadrant(c.f, satisfaction);
    return { key: c.key, f: c.f, frequency: c.frequency, satisfaction, repeat, attitude, quadrant: q };
  });
  // Each row's quadrant rank and id worked out once, not in every one of 100,000 x 17 comparisons.
  const rank = new Map([...QUADRANTS].sort((a, b) => a.localeCompare(b)).map((q, i) => [q, i]));
  const quadrants = Uint8Array.from(rows, (r) => rank.get(r.quadrant)!);
  const ids = Float64Array.from(rows, (r) => idOrder(r.key)[0]);
  const order = new Uint32Array(rows.length).map((_, i) => i)
    .sort((a, b) => quadrants[a]! - quadrants[b]! || rows[b]!.frequency - rows[a]!.frequency || ids[a]! - ids[b]! || a - b);
  return Array.from(order, (i) => rows[i]!);
}

/** How many customers each quadrant holds, with its programme, in the report's order. */
export const quadrantSummary = (rows: readonly { quadrant: Quadrant }[]) =>
  QUADRANTS.map((q) => ({ quadrant: q, customers: rows.filter((r) => r.quadrant === q).length, programme: PROGRAMME[q] }));
