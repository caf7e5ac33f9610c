/**
 * Purchase deciles (analytics.md): customers sorted by Monetary descending, ties by id ascending; position i of N
 * is in decile floor(10 i / N) + 1. The Pareto line is the revenue share of the top 20% (deciles 1 and 2).
 */
export interface DecileInput {
  order: [number, number];
  monetary: number;
}

export interface DecileRow {
  decile: number;
  customers: number;
  revenue: number;
  share: number;
  cumulativeShare: number;
}

export function decileOf<T extends DecileInput>(customers: readonly T[]): Map<T, number> {
  const sorted = [...customers].sort((a, b) => b.monetary - a.monetary || a.order[0] - b.order[0] || a.order[1] - b.order[1]);
  return new Map(sorted.map((c, i) => [c, Math.floor((10 * i) / sorted.length) + 1]));
}

export function deciles(customers: readonly DecileInput[]): { rows: DecileRow[]; pareto: number } {
  const of = decileOf(customers);
  const total = customers.reduce((a, c) => a + c.monetary, 0);
  let cumulative = 0;
  const rows = Array.from({ length: 10 }, (_, k) => {
    const members = customers.filter((c) => of.get(c) === k + 1);
    const revenue = members.reduce((a, c) => a + c.monetary, 0);
    cumulative += revenue;
    return { decile: k + 1, customers: members.length, revenue, share: total ? revenue / total : 0, cumulativeShare: total ? cumulative / total : 0 };
  });
  return { rows, pareto: rows[1]!.cumulativeShare };
}
