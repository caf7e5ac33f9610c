import { describe, expect, it } from 'vitest';
import { aliveOf, atRisk, atRiskRows, clvSample, customerForecasts, forecastTable, round } from '../../src/domain/clv/customers.js';
import { clv, DAYS_PER_MONTH, spendFor } from '../../src/domain/clv/clv.js';
import { type BgNbdFit, expectedPurchases, pAlive, rftColumns } from '../../src/domain/clv/bgnbd.js';
import type { GammaGammaFit } from '../../src/domain/clv/gammagamma.js';
import { dayNumber } from '../../src/domain/calendar.js';
import { customerKey, describeCustomer, KINDS } from '../../src/domain/customer-value.js';
import { type Diagnosis, diagnose, purchaseModelStatus } from '../../src/domain/clv/diagnosis.js';
import { type PurchaseHistoryColumns, PurchaseHistories, rftOf } from '../../src/domain/clv/summary.js';
import { converter, Unconverted } from '../../src/domain/fx.js';

describe('purchase histories from streamed purchase days', () => {
  it('merges a day\'s currencies into one purchase, converts each amount and leaves out those without a rate', () => {
    const left = new Unconverted();
    const h = new PurchaseHistories(converter('USD', { EUR: 1.1 }), left);
    h.add('company', 1, '2026-01-01', 'EUR', 1_000, 1); // USD 11.00
    h.add('company', 1, '2026-01-01', 'USD', 1_000, 2);
    h.add('company', 1, '2026-01-10', 'GBP', 700, 1); // no rate: left out
    h.add('company', 1, '2026-01-10', 'USD', 500, 1);
    h.add('company', 1, '2026-02-01', 'USD', 300, 1);
    h.add('contact', 2, '2026-01-05', 'GBP', 900, 1); // only in GBP: no purchase at all
    h.add('company', 3, '2026-03-01', 'USD', 0, 1); // a free sample is a purchase day
    expect(entries(h)).toEqual([
      // Three purchase days; the repeat spend is what the two later days were worth (5.00 + 3.00).
      { key: 'company:1', first: '2026-01-01', last: '2026-02-01', days: 3, repeatSpend: 800, total: 2_900 },
      { key: 'company:3', first: '2026-03-01', last: '2026-03-01', days: 1, repeatSpend: 0, total: 0 },
    ]);
    expect(left.list()).toEqual([{ currency: 'GBP', orders: 2, amount: 16 }]);
  });

  it('measures x, tx and T in days or weeks', () => {
    // 2026-01-01 to 02-01 is 31 days, to 03-01 59.
    expect(rftOf('2026-01-01', '2026-02-01', 3, '2026-03-01', 1)).toEqual({ x: 2, tx: 31, T: 59 });
    expect(rftOf('2026-01-01', '2026-02-01', 3, '2026-03-01', 7)).toEqual({ x: 2, tx: 31 / 7, T: 59 / 7 });
  });
});

interface History {
  key: string;
  first: string;
  last: string;
  days: number;
  repeatSpend: number;
  total: number;
}

/** The histories' columns read back as one object per customer, days as dates. */
const entries = (h: PurchaseHistoryColumns): History[] => Array.from({ length: h.length }, (_, i) => ({
  key: customerKey(KINDS[h.kind[i]!]!, h.id[i]!), first: dateOf(h.first[i]!), last: dateOf(h.last[i]!), days: h.days[i]!,
  repeatSpend: h.repeatSpend[i]!, total: h.total[i]!,
}));

const dateOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** Histories as the store's scan would make them, as columns. */
function histories(list: readonly History[]): PurchaseHistoryColumns {
  const kinds = list.map((c) => c.key.split(':'));
  return {
    length: list.length, kind: Uint8Array.from(kinds, ([kind]) => (kind === 'company' ? 0 : 1)), id: Float64Array.from(kinds, ([, id]) => Number(id)),
    first: Int32Array.from(list, (c) => dayNumber(c.first)), last: Int32Array.from(list, (c) => dayNumber(c.last)), days: Int32Array.from(list, (c) => c.days),
    repeatSpend: Float64Array.from(list, (c) => c.repeatSpend), total: Float64Array.from(list, (c) => c.total),
  };
}

const history = (id: number, days: number, repeatSpend: number, total: number, first = '2026-01-01', last = '2026-02-01'): History =>
  ({ key: `company:${id}`, first, last, days, repeatSpend, total });

const named = (names: ReadonlyMap<string, { name: string; externalId: string | null }>) =>
  (kind: number, id: number) => describeCustomer(customerKey(KINDS[kind]!, id), names);

describe('the models\' samples', () => {
  it('needs 10 customers and 2 repeat buyers, then 2 repeat buyers who spent', () => {
    const few = [history(1, 3, 800, 2_900), history(2, 1, 0, 100)];
    expect(() => clvSample(histories(few), '2026-03-01', 7, 'USD')).toThrow(expect.objectContaining({ exitCode: 2,
      message: 'cannot fit the lifetime-value model: 2 customers with purchases by 2026-03-01, 1 of them repeat buyers' }));
    const free = [history(1, 2, 0, 100), history(2, 2, 0, 100), ...Array.from({ length: 8 }, (_, i) => history(3 + i, 1, 0, 100))];
    expect(() => clvSample(histories(free), '2026-03-01', 7, 'USD')).toThrow(expect.objectContaining({
      message: 'cannot fit the spend model: fewer than 2 repeat buyers with positive spend' }));
  });

  it('gives the spend model each repeat buyer\'s mean repeat purchase in major units', () => {
    const customers = [history(1, 3, 800, 2_900), history(2, 2, 1_000, 1_500), ...Array.from({ length: 8 }, (_, i) => history(3 + i, 1, 0, 100))];
    const s = clvSample(histories(customers), '2026-03-01', 1, 'USD');
    expect(s.repeatBuyers).toBe(2);
    // USD 8.00 over 2 repeat days; USD 10.00 over 1.
    expect([...s.spend.x]).toEqual([2, 1]);
    expect([...s.spend.m]).toEqual([4, 10]);
    expect([s.rft.x[0], s.rft.tx[0], s.rft.T[0]]).toEqual([2, 31, 59]);
  });
});

describe('customer forecasts', () => {
  const ok: Diagnosis = { status: 'ok', purchaseModel: 'ok', spendModel: 'ok', problems: [] };
  const bg = { r: 1, alpha: 1, a: 1, b: 2 };
  const gg = { p: 2, q: 3, gamma: 10 };
  const terms = { months: 12, discount: 0.01, unitDays: 1, currency: 'USD' };
  const names = new Map([['company:1', { name: 'Acme', externalId: null }]]);

  it('gives P(alive), E[M] and notes a customer without history to project from', () => {
    // x = 1, tx = 1, T = 3: P(alive) = 1 / (1 + a/(b+x-1) ((alpha+T)/(alpha+tx))^(r+x)) = 1 / (1 + 1/2 x 2^2) = 1/3.
    // E[M | m = 4, x = 1] = (gamma + m x) p / (p x + q - 1) = 14 x 2 / 4 = 7; with no repeats the mean p gamma / (q - 1) = 10.
    const customers = [history(1, 2, 400, 1_000, '2026-01-01', '2026-01-02'), history(2, 1, 0, 500, '2026-01-01', '2026-01-01'),
      history(3, 1, 0, 300, '2026-01-04', '2026-01-04')];
    const rft = [{ x: 1, tx: 1, T: 3 }, { x: 0, tx: 0, T: 3 }, { x: 0, tx: 0, T: 0 }];
    const rows = customerForecasts(histories(customers), rftColumns(rft), { bg, gg, diagnosis: ok }, terms, named(names));
    const acme = rows.find((r) => r.id === 1)!;
    expect([acme.name, acme.pAlive, acme.expectedSpend, acme.value]).toEqual(['Acme', 0.3333, 7, 10]);
    expect(rows.find((r) => r.id === 2)).toMatchObject({ pAlive: 1, expectedSpend: 10, note: null });
    expect(rows.find((r) => r.id === 3)).toMatchObject({ pAlive: null, clv: null, note: 'too little history' });
    // Ranked by CLV; the one without a forecast last.
    expect(rows.at(-1)!.id).toBe(3);
  });

  it('gives customers who share a history their own CLV from the one purchase curve of that history', () => {
    // Customers 1 and 3 share (x, tx, T) but not spend; 2 has another history; 4's first purchase is today.
    const customers = [history(1, 2, 400, 1_000), history(2, 3, 900, 1_500), history(3, 2, 2_000, 2_500), history(4, 1, 0, 300)];
    const rft = [{ x: 1, tx: 31, T: 59 }, { x: 2, tx: 40, T: 59 }, { x: 1, tx: 31, T: 59 }, { x: 0, tx: 0, T: 0 }];
    // a > 1, so that the expected purchases are finite.
    const bg = { r: 0.5, alpha: 10, a: 2, b: 3 };
    const rows = customerForecasts(histories(customers), rftColumns(rft), { bg, gg, diagnosis: ok }, terms, named(names));
    expect(new Set(rows.map((r) => r.clv)).size).toBe(4);
    for (const [i, c] of rft.slice(0, 3).entries()) {
      const spend = spendFor(gg, c.x, customers[i]!.repeatSpend / 100 / c.x)!;
      expect(rows.find((r) => r.id === i + 1)).toMatchObject({ expectedSpend: round(spend, 2), pAlive: round(pAlive(bg, c), 4),
        expectedPurchases: round(expectedPurchases(bg, c, (12 * DAYS_PER_MONTH) / terms.unitDays), 4), clv: round(clv(bg, c, spend, 12, 0.01, 1), 2) });
    }
    expect(rows.find((r) => r.id === 4)).toMatchObject({ pAlive: null, clv: null, note: 'too little history' });
  });

  it('leaves the forecasts of a degenerate model out', () => {
    const rows = customerForecasts(histories([history(1, 2, 400, 1_000, '2026-01-01', '2026-01-02')]), rftColumns([{ x: 1, tx: 1, T: 3 }]),
      { bg, gg, diagnosis: { ...ok, purchaseModel: 'degenerate' } }, terms, named(names));
    expect(rows[0]).toMatchObject({ pAlive: null, expectedPurchases: null, expectedSpend: 7, clv: null });
  });

  it('--at-risk on a forecast table picks what it picks among all rows, ties in value kept in rank order', () => {
    const bg = { r: 0.5, alpha: 10, a: 2, b: 3 };
    // Twelve customers, what they spent tied in pairs (the top fifth, 3, splits a pair), the most valuable gone
    // longest (P(alive) low).
    const customers = Array.from({ length: 12 }, (_, i) => history(i + 1, 3, 400, 1_000 * (1 + (i >> 1))));
    const rft = customers.map((_, i) => ({ x: 2, tx: 57 - i * 5, T: 59 }));
    const table = forecastTable(histories(customers), rftColumns(rft), { bg, gg, diagnosis: ok }, terms, named(names));
    const all = atRisk(table.order.map(table.row));
    expect(all.map((r) => r.id)).toEqual([11, 12, 9]);
    expect(atRiskRows(table)).toEqual(all);
  });

  it('gives each customer its row\'s P(alive) from the purchase model alone, none where that model is degenerate', () => {
    const bg = { r: 0.5, alpha: 10, a: 2, b: 3 };
    const customers = [history(1, 2, 400, 1_000), history(2, 3, 900, 1_500), history(3, 1, 0, 300), history(4, 1, 0, 300)];
    const rft = rftColumns([{ x: 1, tx: 31, T: 59 }, { x: 2, tx: 40, T: 59 }, { x: 0, tx: 0, T: 20 }, { x: 0, tx: 0, T: 0 }]);
    const fit: BgNbdFit = { ...bg, logLikelihood: 0, converged: true, iterations: 10, evaluations: 20, atBound: [] };
    const spend: GammaGammaFit = { ...gg, logLikelihood: 0, converged: true, iterations: 10, evaluations: 20, atBound: [] };
    // Degenerate spend leaves P(alive) as it is; a degenerate purchase model (at the edge, or not converged) takes it away.
    const fits: [BgNbdFit, GammaGammaFit][] = [[fit, spend], [fit, { ...spend, q: 0.5 }], [{ ...fit, atBound: ['b'] }, spend], [{ ...fit, converged: false }, spend]];
    for (const [b, g] of fits) {
      const diagnosis = diagnose(b, g);
      expect(purchaseModelStatus(b)).toBe(diagnosis.purchaseModel);
      const table = forecastTable(histories(customers), rft, { bg: b, gg: g, diagnosis }, terms, named(names));
      const alive = aliveOf(b, rft);
      expect(customers.map((_, i) => alive(i))).toEqual(customers.map((_, i) => table.row(i).pAlive));
    }
    expect([0, 1, 2, 3].map(aliveOf(fit, rft))).toEqual([round(pAlive(bg, { x: 1, tx: 31, T: 59 }), 4), round(pAlive(bg, { x: 2, tx: 40, T: 59 }), 4), 1, null]);
    expect([0, 1, 2, 3].map(aliveOf({ ...fit, atBound: ['a'] }, rft))).toEqual([null, null, null, null]);
  });

  it('--at-risk: the most valuable fifth whose P(alive) is below one half', () => {
    const rows = [100, 90, 80, 70, 60, 50, 40, 30, 20, 10].map((value, i) => ({ id: i, value, pAlive: [0.4, 0.6, 0.1][i] ?? null }));
    // The top fifth is 100 and 90; 80 is likely gone, but not among the most valuable.
    expect(atRisk(rows).map((r) => r.value)).toEqual([100]);
  });
});
