import { describe, expect, it } from 'vitest';
import { parsePeriodLabel, periodOf, periodsFrom } from '../../src/domain/fiscal.js';
import { converter, Unconverted } from '../../src/domain/fx.js';
import { quotaFor } from '../../src/domain/reports/forecast.js';
import { trailingWindow } from '../../src/domain/reports/window.js';

describe('fiscal periods', () => {
  it('uses calendar quarters by default', () => {
    expect(periodOf('2026-03-31', 'quarter', 1)).toEqual({ label: '2026-Q1', from: '2026-01-01', to: '2026-03-31' });
    expect(periodOf('2026-04-01', 'quarter', 1)).toEqual({ label: '2026-Q2', from: '2026-04-01', to: '2026-06-30' });
    expect(periodOf('2024-02-10', 'month', 1)).toEqual({ label: '2024-02', from: '2024-02-01', to: '2024-02-29' });
  });
  it('names fiscal quarters by the year the fiscal year ends', () => {
    // Fiscal year October 2026 - September 2027 is FY2027.
    expect(periodOf('2026-10-15', 'quarter', 10)).toEqual({ label: '2027-Q1', from: '2026-10-01', to: '2026-12-31' });
    expect(periodOf('2027-01-15', 'quarter', 10)).toEqual({ label: '2027-Q2', from: '2027-01-01', to: '2027-03-31' });
    expect(periodOf('2026-09-30', 'quarter', 10)).toEqual({ label: '2026-Q4', from: '2026-07-01', to: '2026-09-30' });
    expect(parsePeriodLabel('2027-q1', 10, 'PERIOD')).toEqual({ label: '2027-Q1', from: '2026-10-01', to: '2026-12-31', kind: 'quarter' });
    expect(parsePeriodLabel('2026-Q1', 4, 'PERIOD')).toMatchObject({ from: '2025-04-01', to: '2025-06-30' });
  });
  it('walks consecutive periods across year ends', () => {
    expect(periodsFrom('2026-11-20', 'quarter', 3, 1).map((p) => p.label)).toEqual(['2026-Q4', '2027-Q1', '2027-Q2']);
    expect(periodsFrom('2026-12-05', 'month', 2, 1).map((p) => p.label)).toEqual(['2026-12', '2027-01']);
  });
  it('rejects bad labels', () => {
    expect(() => parsePeriodLabel('2026-Q5', 1, 'PERIOD')).toThrow(/^PERIOD: "2026-Q5" is not a period/);
  });
  it('defaults the trailing window to the twelve months before as-of', () => {
    expect(trailingWindow('2026-03-31', undefined)).toEqual({ from: '2025-04-01', to: '2026-03-31' });
    expect(trailingWindow('2026-03-31', '2026-01-01')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
  });
});

describe('currency conversion', () => {
  it('converts with configured rates and remembers what it could not', () => {
    const fx = converter('USD', { EUR: 1.1, JPY: 0.0067 });
    expect(fx.convert(100_00, 'USD')).toBe(100_00);
    expect(fx.convert(100_00, 'EUR')).toBe(110_00);
    expect(fx.convert(10_000, 'JPY')).toBe(67_00); // JPY has no minor unit
    expect(fx.convert(100, 'GBP')).toBeNull();
    const u = new Unconverted();
    u.add('deal', 'GBP', 12_50);
    u.add('deal', 'GBP', 7_50);
    u.add('wallet', 'GBP', 1000_00);
    u.add('order', 'JPY', 5000, 3);
    u.add('order', 'GBP', -2_50);
    // Labelled by what was left out; listed by kind, then currency.
    expect(u.list()).toEqual([{ currency: 'GBP', deals: 2, amount: 20 }, { currency: 'GBP', orders: 1, amount: -2.5 },
      { currency: 'JPY', orders: 3, amount: 5000 }, { currency: 'GBP', wallets: 1, amount: 1000 }]);
  });
});

describe('quotaFor', () => {
  const q1 = { label: '2026-Q1', from: '2026-01-01', to: '2026-03-31' };
  it("takes each owner's quarter quota, else the sum of their months", () => {
    const quotas = [
      { owner: 'a', period: '2026-Q1', amount: 100 }, { owner: 'a', period: '2026-01', amount: 999 },
      { owner: 'b', period: '2026-01', amount: 10 }, { owner: 'b', period: '2026-03', amount: 20 }, { owner: 'b', period: '2026-04', amount: 40 },
    ];
    expect(quotaFor(q1, quotas)).toBe(130);
    expect(quotaFor(q1, quotas, 'b')).toBe(30);
    expect(quotaFor(q1, quotas, 'c')).toBeNull();
    expect(quotaFor({ label: '2026-02', from: '2026-02-01', to: '2026-02-28' }, quotas)).toBeNull();
  });
});
