import { idOrder, type Scored, type ValueTable } from './customer-value.js';
import { descendingOrder } from './standing.js';

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

/**
 * The scored customers' quadrants (indexes into QUADRANTS) from their F scores and satisfaction (NaN: none), and
 * the report's order of them: quadrants in order, then the most frequent buyers first, then by id, then as given.
 */
export function loyaltyColumns(f: ArrayLike<number>, frequency: ArrayLike<number>, id: ArrayLike<number>, satisfaction: ArrayLike<number>) {
  const n = f.length;
  const quadrants = new Uint8Array(n);
  for (let i = 0; i < n; i++) quadrants[i] = QUADRANTS.indexOf(quadrant(f[i]!, Number.isNaN(satisfaction[i]!) ? null : satisfaction[i]!).quadrant);
  // The quadrants' listing order is their names' order; each quadrant's members are ordered on their own.
  const listing = QUADRANTS.map((q, i) => [q, i] as const).sort(([a], [b]) => a.localeCompare(b)).map(([, i]) => i);
  const order = new Uint32Array(n);
  let at = 0;
  for (const q of listing) {
    const members: number[] = [];
    for (let i = 0; i < n; i++) if (quadrants[i] === q) members.push(i);
    const byFrequency = descendingOrder(Float64Array.from(members, (i) => frequency[i]!), (a, b) => id[members[a]!]! - id[members[b]!]! || a - b);
    for (const p of byFrequency) order[at++] = members[p]!;
  }
  return { quadrants, order };
}

/** Each scored customer's latest satisfaction (NaN for none), from `latest` by customer key. */
export function scoredSatisfaction(latest: ReadonlyMap<string, number>, table: Pick<ValueTable, 'find' | 'size'>, scored: Pick<Scored, 'row'>): Float64Array {
  const position = new Int32Array(table.size).fill(-1);
  scored.row.forEach((row, j) => {
    position[row] = j;
  });
  const satisfaction = new Float64Array(scored.row.length).fill(NaN);
  for (const [key, score] of latest) {
    const [id, kind] = idOrder(key);
    const row = table.find(kind, id);
    if (row >= 0 && position[row]! >= 0) satisfaction[position[row]!] = score;
  }
  return satisfaction;
}

/** Each scored customer in its quadrant (loyaltyColumns), as rows keyed by customer. */
export function loyaltyRows(scored: readonly { key: string; f: number; frequency: number }[], latest: ReadonlyMap<string, number>) {
  const satisfaction = scored.map((c) => latest.get(c.key) ?? NaN);
  const { order } = loyaltyColumns(scored.map((c) => c.f), scored.map((c) => c.frequency), scored.map((c) => idOrder(c.key)[0]), satisfaction);
  return Array.from(order, (i) => {
    const c = scored[i]!;
    const s = Number.isNaN(satisfaction[i]!) ? null : satisfaction[i]!;
    return { key: c.key, f: c.f, frequency: c.frequency, satisfaction: s, ...quadrant(c.f, s) };
  });
}

/** How many customers each quadrant holds, with its programme, in the report's order. */
export const quadrantSummary = (rows: readonly { quadrant: Quadrant }[]) => quadrantCounts(rows.map((r) => QUADRANTS.indexOf(r.quadrant)));

/** The same from each customer's quadrant as an index into QUADRANTS. */
export function quadrantCounts(quadrants: ArrayLike<number>) {
  const counts = new Array<number>(QUADRANTS.length).fill(0);
  for (let i = 0; i < quadrants.length; i++) counts[quadrants[i]!]! += 1;
  return QUADRANTS.map((q, i) => ({ quadrant: q, customers: counts[i]!, programme: PROGRAMME[q] }));
}
