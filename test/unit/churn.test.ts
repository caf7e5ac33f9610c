import { describe, expect, it } from 'vitest';
import { churnRanking, churnRisk, median, PurchaseRhythms, rhythmOf } from '../../src/domain/churn.js';

describe('churn (analytics.md "Churn"), worked on paper', () => {
  /*
   * As of 2026-03-31:
   *   company:1 bought 01-01, 01-11, 01-31 (gaps 10, 20: rhythm = median 15); last 01-31, gap 59 > 2 x 15 = 30: overdue, ratio 3.9
   *   company:2 bought 01-01, 02-01, 03-01, 03-15 (gaps 31, 28, 14 -> median 28); gap 16 <= 56: not overdue; P(alive) 0.9
   *   contact:3 bought twice (no rhythm); P(alive) 0.3 < 0.5: at risk by P(alive) only
   *   contact:4 bought twice; P(alive) 0.7: fine
   *   company:5 bought 02-01, 02-05, 02-09, 02-13 (rhythm 4); gap 46 > 8 and P(alive) 0.2: both reasons
   * Value at risk: 1 -> 500.00, 3 -> 900.00, 5 -> 50.00; ranked 3, 1, 5.
   */
  const rows = churnRisk([
    { key: 'company:1', days: ['2026-01-01', '2026-01-11', '2026-01-31'], valueAtRisk: 50_000, pAlive: 0.8 },
    { key: 'company:2', days: ['2026-01-01', '2026-02-01', '2026-03-01', '2026-03-15'], valueAtRisk: 99_999, pAlive: 0.9 },
    { key: 'contact:3', days: ['2025-06-01', '2025-07-01'], valueAtRisk: 90_000, pAlive: 0.3 },
    { key: 'contact:4', days: ['2026-03-01', '2026-03-20'], valueAtRisk: 10_000, pAlive: 0.7 },
    { key: 'company:5', days: ['2026-02-01', '2026-02-05', '2026-02-09', '2026-02-13'], valueAtRisk: 5_000, pAlive: 0.2 },
  ], '2026-03-31');

  it('flags the overdue and the unlikely alive, ranked by value at risk, with the evidence', () => {
    expect(rows.map((r) => r.key)).toEqual(['contact:3', 'company:1', 'company:5']);
    expect(rows[1]).toEqual({ key: 'company:1', lastPurchase: '2026-01-31', purchaseDays: 3, gap: 59, rhythm: 15, ratio: 59 / 15, overdue: true,
      pAlive: 0.8, lowPAlive: false, valueAtRisk: 50_000, reasons: ['59 days since the last purchase, 3.9x their rhythm of 15 days'] });
    expect(rows[0]).toMatchObject({ rhythm: null, overdue: false, lowPAlive: true, reasons: ['P(alive) 30% is below 50%'] });
    expect(rows[2]!.reasons).toHaveLength(2);
  });

  it('takes --factor and --threshold', () => {
    // factor 4: company:1 needs a gap above 60 (59 is not); threshold 0.25: only company:5's 0.2 is below it.
    expect(churnRisk([
      { key: 'company:1', days: ['2026-01-01', '2026-01-11', '2026-01-31'], valueAtRisk: 1, pAlive: 0.8 },
      { key: 'contact:3', days: ['2025-06-01', '2025-07-01'], valueAtRisk: 1, pAlive: 0.3 },
    ], '2026-03-31', 4, 0.25)).toEqual([]);
  });

  it('takes the median of the gaps; an even count averages the middle two', () => {
    expect(median([31, 28, 14])).toBe(28);
    expect(median([10, 20])).toBe(15);
    expect(rhythmOf(['2026-01-01', '2026-01-02'])).toBeNull();
  });
});

describe('churn over folded purchase days (PurchaseRhythms, churnRanking)', () => {
  const days: [ 'company' | 'contact', number, string][] = [
    ['contact', 3, '2025-06-01'], ['contact', 3, '2025-07-01'],
    ['company', 1, '2026-01-01'], ['company', 1, '2026-01-11'], ['company', 1, '2026-01-11'], ['company', 1, '2026-01-31'],
    ['company', 2, '2026-01-01'], ['company', 2, '2026-02-01'], ['company', 2, '2026-03-01'], ['company', 2, '2026-03-15'],
    ['company', 5, '2026-02-01'], ['company', 5, '2026-02-05'], ['company', 5, '2026-02-09'], ['company', 5, '2026-02-13'],
  ];
  const r = new PurchaseRhythms();
  for (const [kind, id, day] of days) r.add(kind, id, day);
  r.end();

  it('keeps each customer\'s distinct days, last day and median gap, found by kind and id', () => {
    const c1 = r.find(0, 1);
    expect([r.days[c1], r.lastDay[c1], r.rhythm[c1]]).toEqual([3, '2026-01-31', 15]);
    expect(r.rhythm[r.find(0, 2)]).toBe(28);
    expect(r.rhythm[r.find(1, 3)]).toBeNaN();
    expect(r.find(1, 1)).toBe(-1);
  });

  it('ranks as churnRisk ranks the same customers', () => {
    const entries = [r.find(0, 1), r.find(0, 2), r.find(1, 3), r.find(0, 5)];
    const pAlive = new Float64Array(r.length).fill(NaN);
    const value = new Float64Array(r.length);
    [[0.8, 50_000], [0.9, 99_999], [0.3, 90_000], [0.2, 5_000]].forEach(([p, v], k) => {
      pAlive[entries[k]!] = p!;
      value[entries[k]!] = v!;
    });
    const { order, row } = churnRanking(r, pAlive, value, '2026-03-31');
    const key = (i: number) => `${r.kind[i] === 0 ? 'company' : 'contact'}:${r.id[i]}`;
    const expected = churnRisk([
      { key: 'company:1', days: ['2026-01-01', '2026-01-11', '2026-01-31'], valueAtRisk: 50_000, pAlive: 0.8 },
      { key: 'company:2', days: ['2026-01-01', '2026-02-01', '2026-03-01', '2026-03-15'], valueAtRisk: 99_999, pAlive: 0.9 },
      { key: 'contact:3', days: ['2025-06-01', '2025-07-01'], valueAtRisk: 90_000, pAlive: 0.3 },
      { key: 'company:5', days: ['2026-02-01', '2026-02-05', '2026-02-09', '2026-02-13'], valueAtRisk: 5_000, pAlive: 0.2 },
    ], '2026-03-31');
    expect(order.map((i) => ({ ...row(i), key: key(i) }))).toEqual(expected);
  });

  it('breaks ties as the keys sort as text: companies first, then ids as text', () => {
    const t = new PurchaseRhythms();
    for (const [kind, id] of [['contact', 2], ['company', 9], ['company', 10]] as const) for (const d of ['2026-01-01', '2026-01-02', '2026-01-03']) t.add(kind, id, d);
    t.end();
    const { order } = churnRanking(t, new Float64Array(t.length).fill(NaN), new Float64Array(t.length), '2026-03-31');
    expect(order.map((i) => t.id[i])).toEqual([10, 9, 2]);
  });
});
