import type { Scored } from './customer-value.js';
import { descendingOrder } from './standing.js';

/**
 * Purchase deciles (analytics.md): customers sorted by Monetary descending, ties by id ascending; position i of N
 * is in decile floor(10 i / N) + 1. The Pareto line is the revenue share of the top 20% (deciles 1 and 2).
 */
export interface DecileRow {
  decile: number;
  customers: number;
  revenue: number;
  share: number;
  cumulativeShare: number;
}

/** Each scored customer's decile (1-10), by position in `s`; ties by id, companies before contacts. */
export function decileOf(s: Pick<Scored, 'size' | 'kind' | 'id' | 'monetary'>): Uint8Array {
  const order = descendingOrder(s.monetary, (a, b) => s.id[a]! - s.id[b]! || s.kind[a]! - s.kind[b]!);
  const decile = new Uint8Array(s.size);
  order.forEach((c, i) => {
    decile[c] = Math.floor((10 * i) / s.size) + 1;
  });
  return decile;
}

export function deciles(s: Pick<Scored, 'size' | 'kind' | 'id' | 'monetary'>): { rows: DecileRow[]; pareto: number } {
  const of = decileOf(s);
  const customers = new Array<number>(10).fill(0);
  const revenue = new Array<number>(10).fill(0);
  let total = 0;
  for (let i = 0; i < s.size; i++) {
    customers[of[i]! - 1]! += 1;
    revenue[of[i]! - 1]! += s.monetary[i]!;
    total += s.monetary[i]!;
  }
  let cumulative = 0;
  const rows = revenue.map((r, k) => {
    cumulative += r;
    return { decile: k + 1, customers: customers[k]!, revenue: r, share: total ? r / total : 0, cumulativeShare: total ? cumulative / total : 0 };
  });
  return { rows, pareto: rows[1]!.cumulativeShare };
}
