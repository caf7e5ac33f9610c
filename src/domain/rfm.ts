import type { Scored } from './customer-value.js';
import { descendingOrder, type Standing, standing } from './standing.js';

/**
 * RFM exactly as docs/analytics.md defines it. Recency = whole days from the last positive order to as-of,
 * Frequency = positive orders, Monetary = all order amounts (refunds included). Scores 1..bins:
 *   score(v) = 1 + floor(bins * W(v) / N), W(v) = customers strictly worse than v,
 * so ties share a score and input order never matters.
 */
export interface RfmInput {
  key: string;
  recencyDays: number;
  frequency: number;
  monetary: number;
}

export interface RfmScore extends RfmInput {
  r: number;
  f: number;
  m: number;
  segment: string;
}

/** Scores of one measure: `higherIsBetter` for F and M; for R fewer days is better. */
export function scoreMeasure(values: ArrayLike<number>, higherIsBetter: boolean, bins: number, given?: Standing): Uint8Array {
  const n = values.length;
  const { below, atMost } = given ?? standing(values);
  const scores = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const worse = higherIsBetter ? below[i]! : n - atMost[i]!;
    scores[i] = 1 + Math.floor((bins * worse) / n);
  }
  return scores;
}

/** One segment of a map: the R and F score ranges (1-5 scale) it claims; a custom one may have no action. */
export interface SegmentCell { segment: string; r: [number, number]; f: [number, number]; action?: string }
export type SegmentMap = readonly SegmentCell[];

/** The widely used RF grid (analytics.md); M is reported but names no segment. Scores are on the 1-5 scale. */
export const SEGMENTS: { segment: string; r: [number, number]; f: [number, number]; action: string }[] = [
  { segment: 'Champions', r: [5, 5], f: [4, 5], action: 'reward them; ask for referrals and reviews; early access to new products' },
  { segment: 'Loyal Customers', r: [3, 4], f: [4, 5], action: 'upsell higher-value products; loyalty programme; ask for reviews' },
  { segment: 'Potential Loyalists', r: [4, 5], f: [2, 3], action: 'offer membership or a loyalty programme; recommend related products' },
  { segment: 'New Customers', r: [5, 5], f: [1, 1], action: 'onboard them well; build the relationship early' },
  { segment: 'Promising', r: [4, 4], f: [1, 1], action: 'create brand awareness; offer free trials' },
  { segment: 'Need Attention', r: [3, 3], f: [3, 3], action: 'limited-time offers based on past purchases; reactivate' },
  { segment: 'About to Sleep', r: [3, 3], f: [1, 2], action: 'share valuable resources; recommend popular products; reconnect' },
  { segment: 'At Risk', r: [1, 2], f: [3, 4], action: 'win-back contact: personal emails or calls, renewals, helpful resources' },
  { segment: "Can't Lose Them", r: [1, 2], f: [5, 5], action: 'win them back in person; talk to them; do not lose them to a competitor' },
  { segment: 'Hibernating', r: [1, 2], f: [1, 2], action: 'offer other relevant products and special discounts; recreate brand value' },
];

const simple = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
const range = ([a, b]: [number, number]) => (a === b ? String(a) : `${a}-${b}`);

/** A map as `crm config set segments` takes it: NAME=R:F entries joined by ";", e.g. "Champions=5:4-5;At Risk=1-2:3-4". */
export const segmentsText = (map: SegmentMap): string => map.map((s) => `${s.segment}=${range(s.r)}:${range(s.f)}`).join(';');

/** The standard grid in that form: the value `crm config get segments` shows when none is set. */
export const DEFAULT_SEGMENTS_TEXT = segmentsText(SEGMENTS);

const FORM = 'write NAME=R:F entries separated by ";" with scores 1-5, e.g. Champions=5:4-5;At Risk=1-2:3-4';

/** A score range "4" or "4-5" on the 1-5 scale, or what is wrong with it. */
function scoreRange(text: string, name: string, measure: 'R' | 'F'): [number, number] | string {
  const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(text);
  if (!m) return `has a bad ${measure} range "${text}" for ${name}; give a score 1-5 or a range such as 4-5`;
  const [a, b] = [Number(m[1]), Number(m[2] ?? m[1])];
  if (a < 1 || b > 5 || a > 5 || b < 1) return `has ${measure} scores "${text}" outside 1-5 for ${name}; scores run from 1 to 5`;
  if (a > b) return `has the ${measure} range "${text}" backwards for ${name}; write the lower score first, e.g. ${b}-${a}`;
  return [a, b];
}

/**
 * Reads a segment map written as segmentsText writes it: the map, or "what is wrong; how to fix it". Each (R,F) cell
 * belongs to one segment at most; cells none claims are Unclassified. A default segment's name keeps its action.
 */
export function parseSegments(text: string): SegmentMap | string {
  if (text.trim() === DEFAULT_SEGMENTS_TEXT) return SEGMENTS;
  const entries = text.split(';').map((e) => e.trim()).filter(Boolean);
  if (!entries.length) return `is empty; ${FORM}`;
  const map: SegmentCell[] = [];
  const owner = new Map<number, string>();
  for (const entry of entries) {
    const m = /^([^=]*)=([^:]*):(.*)$/.exec(entry);
    if (!m) return `has a bad entry "${entry}"; ${FORM}`;
    const segment = m[1]!.trim().replace(/\s+/g, ' ');
    if (segment === '') return `has an entry with no name "${entry}"; give each segment a name, e.g. Champions=5:4-5`;
    if (simple(segment) === '') return `has the name "${segment}" without letters; give each segment a name with letters`;
    if (simple(segment) === 'unclassified') return 'names a segment Unclassified; that name is for the cells no segment claims, so choose another';
    const same = map.find((s) => simple(s.segment) === simple(segment));
    if (same) return `names the segment "${segment}" twice${same.segment === segment ? '' : `, as "${same.segment}" and "${segment}"`}; give each segment one entry`;
    const r = scoreRange(m[2]!, segment, 'R');
    if (typeof r === 'string') return r;
    const f = scoreRange(m[3]!, segment, 'F');
    if (typeof f === 'string') return f;
    for (let ri = r[0]; ri <= r[1]; ri++) {
      for (let fi = f[0]; fi <= f[1]; fi++) {
        const other = owner.get(ri * 16 + fi);
        if (other) return `has ${other} and ${segment} both claiming R${ri} F${fi}; give each cell one segment at most`;
        owner.set(ri * 16 + fi, segment);
      }
    }
    const action = SEGMENTS.find((s) => s.segment === segment)?.action;
    map.push(action === undefined ? { segment, r, f } : { segment, r, f, action });
  }
  return map;
}

/** Scores on another scale are mapped onto 1-5 before the grid is read. */
const toFive = (score: number, bins: number) => (bins === 5 ? score : Math.min(5, Math.max(1, Math.ceil((score * 5) / bins))));

/** A segment's name as completion offers it: shell-safe, and segmentNamed reads it back ("Can't Lose Them": cant-lose-them). */
export const segmentSlug = (name: string): string => name.toLowerCase().replace(/[^a-z ]/g, '').trim().replace(/ +/g, '-');

/** The segment a person names, whatever the case, spaces and punctuation ("cant lose them"); undefined for none. */
export function segmentNamed(text: string, map: SegmentMap = SEGMENTS): string | undefined {
  return map.find((s) => simple(s.segment) === simple(text))?.segment;
}

/** The report's order: the highest Monetary first, ties by customer key. */
export const byMonetary = (a: RfmInput, b: RfmInput): number => b.monetary - a.monetary || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Customers sorted as the report lists them (byMonetary): positions into `s`, by its columns alone. */
export function monetaryOrder(s: Pick<Scored, 'size' | 'kind' | 'id' | 'monetary'>, given?: Standing): Uint32Array {
  // Keys compare as text: "company:12" before "company:9", every company before every contact.
  const byKey = (a: number, b: number) => {
    if (s.kind[a] !== s.kind[b]) return s.kind[a]! - s.kind[b]!;
    const [x, y] = [String(s.id[a]), String(s.id[b])];
    return x < y ? -1 : x > y ? 1 : 0;
  };
  return descendingOrder(s.monetary, byKey, given);
}

export function segmentOf(r: number, f: number, bins: number, map: SegmentMap = SEGMENTS): string {
  const [r5, f5] = [toFive(r, bins), toFive(f, bins)];
  return map.find((s) => r5 >= s.r[0] && r5 <= s.r[1] && f5 >= s.f[0] && f5 <= s.f[1])?.segment ?? 'Unclassified';
}

/**
 * R, F and M scores and the segment of each scored customer, in columns beside `s`'s; `monetary` is where each
 * Monetary stands, for monetaryOrder to reuse.
 */
export function scoreColumns(s: Pick<Scored, 'recencyDays' | 'frequency' | 'monetary'>, bins: number, map: SegmentMap = SEGMENTS) {
  const monetary = standing(s.monetary);
  const r = scoreMeasure(s.recencyDays, false, bins);
  const f = scoreMeasure(s.frequency, true, bins);
  const m = scoreMeasure(s.monetary, true, bins, monetary);
  const grid = new Map<number, string>();
  const segment = Array.from(r, (ri, i) => {
    const cell = ri * 16 + f[i]!;
    return grid.get(cell) ?? grid.set(cell, segmentOf(ri, f[i]!, bins, map)).get(cell)!;
  });
  return { r, f, m, segment, monetary };
}

export function rfmScores(customers: readonly RfmInput[], bins: number, map: SegmentMap = SEGMENTS): RfmScore[] {
  const r = scoreMeasure(customers.map((c) => c.recencyDays), false, bins);
  const f = scoreMeasure(customers.map((c) => c.frequency), true, bins);
  const m = scoreMeasure(customers.map((c) => c.monetary), true, bins);
  return customers.map((c, i) => ({ ...c, r: r[i]!, f: f[i]!, m: m[i]!, segment: segmentOf(r[i]!, f[i]!, bins, map) }));
}

/** Per segment: customers, revenue and share, from each scored customer's segment and Monetary. A custom segment has no action (''). */
export function segmentSummary(segments: readonly string[], monetary: ArrayLike<number>, map: SegmentMap = SEGMENTS) {
  // One pass: 100,000 customers are summed once, not once per segment.
  const sums = new Map<string, { customers: number; revenue: number }>();
  let total = 0;
  segments.forEach((segment, i) => {
    total += monetary[i]!;
    const s = sums.get(segment) ?? { customers: 0, revenue: 0 };
    s.customers += 1;
    s.revenue += monetary[i]!;
    sums.set(segment, s);
  });
  return [...map.map((s) => s.segment), ...(sums.has('Unclassified') ? ['Unclassified'] : [])].map((segment) => {
    const { customers, revenue } = sums.get(segment) ?? { customers: 0, revenue: 0 };
    const cell = map.find((s) => s.segment === segment);
    return { segment, customers, revenue, share: total ? revenue / total : 0,
      action: cell ? cell.action ?? '' : map === SEGMENTS ? 'score on another scale; no action defined' : 'no segment of the map claims these scores' };
  });
}

export interface Migration {
  /** How many customers moved from each segment to each other; staying in a segment is no move. */
  moved: { from: string; to: string; customers: number }[];
  /** Customers in the same segment then and now. */
  unchanged: number;
  /** Each customer who moved, in the order of `moved`, then by key. A new customer comes from "(new)", a lost one goes to "(gone)". */
  customers: { key: string; from: string; to: string }[];
}

/** Who moved between a saved snapshot and now (the RAD method's dynamic update). */
export function migration(before: Map<string, string>, now: readonly Pick<RfmScore, 'key' | 'segment'>[]): Migration {
  const current = new Set(now.map((c) => c.key));
  const pairs = [
    ...now.map((c) => ({ key: c.key, from: before.get(c.key) ?? '(new)', to: c.segment })),
    ...[...before].filter(([key]) => !current.has(key)).map(([key, from]) => ({ key, from, to: '(gone)' })),
  ];
  const customers = pairs.filter((p) => p.from !== p.to);
  const counts = new Map<string, number>();
  for (const p of customers) counts.set(`${p.from}\u0000${p.to}`, (counts.get(`${p.from}\u0000${p.to}`) ?? 0) + 1);
  const moved = [...counts].map(([k, n]) => {
    const [from, to] = k.split('\u0000') as [string, string];
    return { from, to, customers: n };
  }).sort((a, b) => b.customers - a.customers || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  const rank = new Map(moved.map((m, i) => [`${m.from}\u0000${m.to}`, i]));
  const id = (key: string) => Number(key.slice(key.indexOf(':') + 1));
  customers.sort((a, b) => rank.get(`${a.from}\u0000${a.to}`)! - rank.get(`${b.from}\u0000${b.to}`)! || id(a.key) - id(b.key) || a.key.localeCompare(b.key));
  return { moved, unchanged: pairs.length - customers.length, customers };
}
