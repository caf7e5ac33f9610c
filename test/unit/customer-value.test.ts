import { describe, expect, it } from 'vitest';
import { type CustomerValues, customerValues, describeCustomer, idOrder } from '../../src/domain/customer-value.js';
import { converter, Unconverted } from '../../src/domain/fx.js';
import { latestSatisfaction, loyaltyRows, quadrantSummary } from '../../src/domain/loyalty.js';
import { customerPortfolio, tierSummary } from '../../src/domain/portfolio.js';
import { byMonetary, segmentNamed } from '../../src/domain/rfm.js';

const fx = converter('USD', { EUR: 1.1 });

describe('customer values (R, F, M per customer in the report currency)', () => {
  const row = (kind: 'company' | 'contact', id: number, currency: string, orders: number, frequency: number, lastPositive: string | null,
    firstOrder: string, monetaryMinor: number) => ({ kind, id, currency, orders, frequency, lastPositive, firstOrder, monetaryMinor });
  const rows = [
    row('company', 1, 'USD', 3, 2, '2026-03-20', '2026-01-10', 30_000),
    row('company', 1, 'EUR', 1, 1, '2026-03-25', '2026-02-01', 10_000), // EUR 100 = USD 110
    row('contact', 2, 'USD', 1, 0, null, '2026-03-01', -5_000), // a refund only
    row('company', 3, 'GBP', 2, 2, '2026-03-30', '2025-12-01', 20_000), // no GBP rate
  ];

  it('adds a customer\'s currencies up after converting each, and scores only customers with a positive order', () => {
    const left = new Unconverted();
    const v = customerValues(rows, '2026-03-31', null, fx, left);
    // company:1: F = 2 + 1, M = 300.00 + 110.00 USD, R = the later of 03-20 and 03-25 to 03-31 = 6 days.
    expect(v.inputs).toEqual([{ key: 'company:1', recencyDays: 6, frequency: 3, monetary: 41_000 }]);
    expect(v.all.get('contact:2')).toEqual({ frequency: 0, last: null, monetary: -5_000 });
    expect([...v.leftOut]).toEqual(['company:3']);
    expect(left.list()).toEqual([{ currency: 'GBP', orders: 2, amount: 200 }]);
    // The first converted order (2026-01-10) to as-of, both days counted: 21 + 28 + 31 + 1. GBP's 2025-12-01 is not one.
    expect(v.windowDays).toBe(81);
    expect(customerValues(rows, '2026-03-31', '2026-03-01', fx, new Unconverted()).windowDays).toBe(31);
  });

  it('keys and names customers', () => {
    expect([idOrder('company:12'), idOrder('contact:12')]).toEqual([[12, 0], [12, 1]]);
    const names = new Map([['company:12', { name: 'Acme', externalId: 'A-12' }]]);
    expect(describeCustomer('company:12', names)).toEqual({ kind: 'company', id: 12, name: 'Acme', externalId: 'A-12' });
    expect(describeCustomer('contact:3', names)).toEqual({ kind: 'contact', id: 3, name: '', externalId: null });
  });
});

describe('report rfm', () => {
  it('finds a segment whatever its spelling, and lists the highest Monetary first, ties by key', () => {
    expect([segmentNamed('cant lose them'), segmentNamed('CHAMPIONS'), segmentNamed('at-risk'), segmentNamed('vip')])
      .toEqual(["Can't Lose Them", 'Champions', 'At Risk', undefined]);
    const c = (key: string, monetary: number) => ({ key, monetary, recencyDays: 1, frequency: 1 });
    expect([c('company:2', 5), c('company:1', 5), c('contact:1', 9)].sort(byMonetary).map((x) => x.key)).toEqual(['contact:1', 'company:1', 'company:2']);
  });
});

describe('report portfolio', () => {
  it('tiers customers with orders and prospects, converting wallets, and names a wallet without a rate', () => {
    // Scored (positive orders): company:1, company:2, contact:5; N = 3, deciles floor(10 i / 3) + 1 = 1, 4, 7.
    const values: CustomerValues = {
      inputs: [
        { key: 'company:1', recencyDays: 1, frequency: 5, monetary: 100_000 },
        { key: 'company:2', recencyDays: 1, frequency: 2, monetary: 20_000 },
        { key: 'contact:5', recencyDays: 1, frequency: 1, monetary: 5_000 },
      ],
      all: new Map([
        ['company:1', { frequency: 5, last: '2026-03-01', monetary: 100_000 }],
        ['company:2', { frequency: 2, last: '2026-03-01', monetary: 20_000 }],
        ['contact:5', { frequency: 1, last: '2026-03-01', monetary: 5_000 }],
        ['contact:6', { frequency: 0, last: null, monetary: -3_000 }],
      ]),
      leftOut: new Set(['company:9']),
      windowDays: 365,
    };
    const wallet = (walletMinor: number | null, walletCurrency: string | null) => ({ walletMinor, walletCurrency });
    const wallets = new Map([
      ['company:1', wallet(null, null)],
      ['company:2', wallet(100_000, 'USD')], // untapped 1,000.00 - 200.00
      ['contact:5', wallet(10_000, 'JPY')], // no JPY rate
      ['contact:6', wallet(null, null)],
      ['company:7', wallet(50_000, 'EUR')], // no orders: a prospect, wallet USD 550.00
      ['company:8', wallet(null, null)], // no orders, no wallet: not listed
      ['company:9', wallet(1_000, 'JPY')], // orders all in a currency without a rate: not listed, its wallet not counted
    ]);
    const left = new Unconverted();
    const rows = customerPortfolio(values, wallets, fx, 0, left);
    // MVC = decile 1-2 (company:1). BZ = value <= 0 (contact:6). MGC pool (wallet known): company:2 alone, 0.2 x 1
    // admits position 0, untapped 80,000 > 0. contact:5's wallet has no rate: maintained, its estimate named.
    expect(rows.map((r) => [r.key, r.tier, r.wallet, r.untapped, r.unconvertedWallet])).toEqual([
      ['company:1', 'MVC', null, null, undefined],
      ['company:2', 'MGC', 100_000, 80_000, undefined],
      ['contact:5', 'maintain', null, null, 'JPY'],
      ['company:7', 'prospect', 55_000, 55_000, undefined],
      ['contact:6', 'BZ', null, null, undefined],
    ]);
    expect(left.list()).toEqual([{ currency: 'JPY', wallets: 1, amount: 10_000 }]);
  });
});

describe('report loyalty', () => {
  it('takes each customer\'s latest satisfaction before the end, a person\'s counting for their company', () => {
    const latest = latestSatisfaction([
      { at: '2026-03-01T10:00:00.000Z', satisfaction: 5, companyId: 1, contactId: null },
      { at: '2026-03-02T10:00:00.000Z', satisfaction: 2, companyId: 1, contactId: 4 }, // Li Na of company 1
      { at: '2026-03-03T10:00:00.000Z', satisfaction: 4, companyId: null, contactId: 7 },
      { at: '2026-04-01T00:00:00.000Z', satisfaction: 1, companyId: null, contactId: 7 }, // after the end
    ], '2026-04-01T00:00:00.000Z');
    expect([...latest]).toEqual([['company:1', 2], ['contact:7', 4]]);
  });

  it('places customers in quadrants, listed by quadrant, then frequency, then id', () => {
    const rows = loyaltyRows([
      { key: 'company:1', f: 5, frequency: 9 }, { key: 'contact:7', f: 2, frequency: 2 }, { key: 'company:3', f: 4, frequency: 6 },
      { key: 'company:2', f: 4, frequency: 6 },
    ], new Map([['company:1', 2], ['contact:7', 4], ['company:2', 5], ['company:3', 4]]));
    expect(rows.map((r) => [r.key, r.quadrant])).toEqual([
      ['company:1', 'inertia'], ['contact:7', 'latent'], ['company:2', 'sustained'], ['company:3', 'sustained']]);
    expect(quadrantSummary(rows).map((q) => [q.quadrant, q.customers])).toEqual([
      ['sustained', 2], ['latent', 1], ['inertia', 1], ['none', 0], ['unknown attitude', 0]]);
  });
});

describe('portfolio tiers', () => {
  it('sums each tier\'s customers and value, every tier listed', () => {
    expect(tierSummary([{ tier: 'MVC', value: 500 }, { tier: 'BZ', value: -20 }, { tier: 'MVC', value: 300 }])).toEqual([
      { tier: 'MVC', strategy: 'Retain', customers: 2, value: 800 },
      { tier: 'MGC', strategy: 'Develop', customers: 0, value: 0 },
      { tier: 'maintain', strategy: 'Maintain', customers: 0, value: 0 },
      { tier: 'BZ', strategy: 'Serve at lowest cost', customers: 1, value: -20 },
      { tier: 'prospect', strategy: 'Acquire', customers: 0, value: 0 },
    ]);
  });
});
