import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bgnbdLogLikelihood, expectedPopulationPurchases, expectedPurchases, fitBgNbd, pAlive } from '../../src/domain/clv/bgnbd.js';
import { expectedSpend, fitGammaGamma } from '../../src/domain/clv/gammagamma.js';
import { hyp2f1, lnGamma } from '../../src/domain/clv/special.js';
import { summarize } from '../../src/domain/clv/summary.js';

/** The CDNOW sample as analytics.md describes it: whitespace separated, dates yyyymmdd, dollars last. */
function cdnow() {
  const byCustomer = new Map<string, { date: string; amount: number }[]>();
  for (const line of readFileSync(new URL('../fixtures/CDNOW_sample.txt', import.meta.url), 'utf8').split(/\r?\n/)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 5) continue;
    const date = `${f[2]!.slice(0, 4)}-${f[2]!.slice(4, 6)}-${f[2]!.slice(6, 8)}`;
    byCustomer.set(f[0]!, [...(byCustomer.get(f[0]!) ?? []), { date, amount: Number(f[4]) }]);
  }
  return [...byCustomer.values()].map((p) => summarize(p, '1997-09-30', 7)).filter((s) => s !== null);
}

describe('special functions', () => {
  it('lnGamma matches known values', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 12);
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(lnGamma(100.5)).toBeCloseTo(361.43554046777757, 8);
  });
  it('hyp2f1 matches closed forms', () => {
    // 2F1(1,1;2;z) = -ln(1-z)/z
    expect(hyp2f1(1, 1, 2, 0.5)).toBeCloseTo(-Math.log(0.5) / 0.5, 12);
    // 2F1(a,b;b;z) = (1-z)^-a
    expect(hyp2f1(2.5, 3, 3, 0.3)).toBeCloseTo(0.7 ** -2.5, 12);
  });
});

describe('BG/NBD and Gamma-Gamma on the CDNOW sample (published figures, analytics.md)', () => {
  const customers = cdnow();
  const fit = fitBgNbd(customers);

  it('summarises 2,357 customers and 946 repeat buyers', () => {
    expect(customers).toHaveLength(2357);
    expect(customers.filter((c) => c.x > 0)).toHaveLength(946);
  });

  it('fits r, alpha, a, b and the log-likelihood', () => {
    expect(Math.abs(fit.r - 0.243)).toBeLessThan(0.01);
    expect(Math.abs(fit.alpha - 4.414)).toBeLessThan(0.01);
    expect(Math.abs(fit.a - 0.793)).toBeLessThan(0.01);
    expect(Math.abs(fit.b - 2.426)).toBeLessThan(0.01);
    expect(Math.abs(fit.logLikelihood - -9582.4)).toBeLessThan(0.1);
    expect(bgnbdLogLikelihood(fit, customers)).toBeCloseTo(fit.logLikelihood, 9);
  });

  it('reproduces the conditional and population expectations', () => {
    expect(Math.abs(expectedPurchases(fit, { x: 2, tx: 30.43, T: 38.86 }, 39) - 1.226)).toBeLessThan(0.001);
    const loyal = { x: 26, tx: 30.857, T: 31 };
    expect(Math.abs(pAlive(fit, loyal) - 0.9689)).toBeLessThan(0.001);
    expect(Math.abs(expectedPurchases(fit, loyal, 52) - 25.757)).toBeLessThan(0.001);
    const population = [1, 3, 32, 78].map((t) => expectedPopulationPurchases(fit, t));
    [0.0532, 0.1506, 1.0437, 1.858].forEach((want, i) => expect(Math.abs(population[i]! - want)).toBeLessThan(0.001));
  });

  it('fits the Gamma-Gamma spend model', () => {
    const spend = customers.filter((c) => c.x > 0).map((c) => ({ x: c.x, m: c.m! }));
    const gg = fitGammaGamma(spend);
    expect(Math.abs(gg.p - 6.25)).toBeLessThan(0.01);
    expect(Math.abs(gg.q - 3.74)).toBeLessThan(0.01);
    expect(Math.abs(gg.gamma - 15.44)).toBeLessThan(0.01);
    expect(expectedSpend(gg, spend[0]!)).toBeGreaterThan(0);
  });
});
