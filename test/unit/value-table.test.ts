import { describe, expect, it } from 'vitest';
import { ValueTable } from '../../src/domain/customer-value.js';
import { decileOf } from '../../src/domain/deciles.js';
import { converter, Unconverted } from '../../src/domain/fx.js';
import { monetaryOrder, rfmScores, scoreColumns } from '../../src/domain/rfm.js';

const fx = converter('USD', { EUR: 1.1 });

/** Five customers as the store adds them, as-of 2026-03-31 (figures by hand beside each). */
function table() {
  const t = new ValueTable(fx, new Unconverted());
  t.add('contact', 1, 'USD', 1, 1, '2026-03-30', '2026-03-30', 5_000); // R 1, F 1, M 5,000
  t.add('company', 9, 'USD', 2, 2, '2026-03-01', '2026-02-01', 5_000); // R 30, F 2, M 5,000
  t.add('company', 12, 'USD', 1, 1, '2026-01-31', '2026-01-31', 2_000); // with the EUR row: R 1, F 2, M 5,000
  t.add('company', 12, 'EUR', 1, 1, '2026-03-30', '2026-03-30', 2_727); // EUR 27.27 = USD 30.00 (29.997 rounded)
  t.add('company', 3, 'GBP', 1, 1, '2026-03-30', '2026-03-30', 9_000); // no GBP rate: not scored, left out
  t.add('company', 4, 'USD', 1, 0, null, '2026-03-10', -1_000); // a refund only: a value, not scored
  return t;
}

describe('the value table (R, F, M in columns)', () => {
  it('merges a customer\'s currencies, and scores only customers with a converted positive order', () => {
    const t = table();
    const s = t.scored('2026-03-31');
    expect(Array.from(s.row, (row) => t.key(row))).toEqual(['contact:1', 'company:9', 'company:12']);
    expect([[...s.recencyDays], [...s.frequency], [...s.monetary]]).toEqual([[1, 30, 1], [1, 2, 2], [5_000, 5_000, 5_000]]);
    const [gbp, refund] = [t.find(0, 3), t.find(0, 4)];
    expect([t.converted[gbp], t.leftOut[gbp], t.converted[refund], t.monetary[refund]]).toEqual([0, 1, 1, -1_000]);
    expect(t.find(1, 9)).toBe(-1);
  });

  it('finds customers added in a scan\'s order, and merges a customer that comes again out of order', () => {
    const t = new ValueTable(fx, new Unconverted());
    // People without a company first, then companies, each by id, as SQLite's scan gives them.
    for (const [kind, id] of [['contact', 2], ['contact', 5], ['contact', 5], ['company', 1], ['company', 7], ['company', 30]] as const) {
      t.add(kind, id, 'USD', 1, 1, '2026-03-01', '2026-03-01', 100);
    }
    expect([t.find(1, 2), t.find(1, 5), t.find(0, 1), t.find(0, 7), t.find(0, 30)]).toEqual([0, 1, 2, 3, 4]);
    expect([t.find(1, 1), t.find(1, 6), t.find(0, 2), t.find(0, 31), t.find(1, 30)]).toEqual([-1, -1, -1, -1, -1]);
    expect([t.size, t.frequency[1]]).toEqual([5, 2]);
    // A customer seen before, after others: the same row, not a second one; and new customers in any order.
    t.add('contact', 2, 'EUR', 1, 1, '2026-03-02', '2026-03-02', 100);
    t.add('company', 3, 'USD', 1, 1, '2026-03-02', '2026-03-02', 100);
    t.add('contact', 1, 'USD', 1, 1, '2026-03-02', '2026-03-02', 100);
    expect([t.size, t.frequency[0], t.find(1, 2), t.find(0, 3), t.find(1, 1), t.find(0, 30), t.find(1, 3)]).toEqual([7, 2, 0, 5, 6, 4, -1]);
  });

  it('lists the highest Monetary first, ties by key as text (company:12 before company:9 before contact:1)', () => {
    const t = table();
    const s = t.scored('2026-03-31');
    expect(Array.from(monetaryOrder(s), (i) => t.key(s.row[i]!))).toEqual(['company:12', 'company:9', 'contact:1']);
  });

  it('puts ties in deciles by id, companies before contacts', () => {
    const s = table().scored('2026-03-31');
    // By id: contact:1 (0), company:9 (1), company:12 (2) of 3: deciles floor(10 i / 3) + 1 = 1, 4, 7.
    expect([...decileOf(s)]).toEqual([1, 4, 7]);
    // contact:1 and company:1 tie on Monetary and id: the company comes first, floor(10 x 1 / 2) + 1 = 6 for the person.
    expect([...decileOf({ size: 2, kind: Uint8Array.of(1, 0), id: Float64Array.of(1, 1), monetary: Float64Array.of(5, 5) })]).toEqual([6, 1]);
  });

  it('scores columns exactly as rfmScores scores objects', () => {
    const t = table();
    const s = t.scored('2026-03-31');
    const columns = scoreColumns(s, 3);
    const objects = rfmScores(t.values('2026-03-31', null).inputs, 3);
    expect(objects.map((c) => [c.r, c.f, c.m, c.segment])).toEqual(Array.from(s.row, (_, i) => [columns.r[i], columns.f[i], columns.m[i], columns.segment[i]]));
  });
});
