import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { bgnbdLogLikelihood, expectedPopulationPurchases, expectedPurchases, fitBgNbd, groupRft, pAlive } from '../../src/domain/clv/bgnbd.js';
import { diagnose } from '../../src/domain/clv/diagnosis.js';
import { expectedSpend, fitGammaGamma, type GammaGammaFit, ggLogLikelihood, groupSpend } from '../../src/domain/clv/gammagamma.js';
import { hyp2f1, lnGamma, lnRising } from '../../src/domain/clv/special.js';
import { summarize } from '../../src/domain/clv/summary.js';
import { spendFitAhead, workerSource } from '../../src/io/spend-fit.js';

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

describe('the spend fit in a worker thread (report clv runs it beside the purchase fit)', () => {
  const spend = cdnow().filter((c) => c.x > 0).map((c) => ({ x: c.x, m: c.m! }));

  it('runs from its source text alone and gets the same bits as the fit here', async () => {
    const x = Float64Array.from(spend, (c) => c.x);
    const m = Float64Array.from(spend, (c) => c.m);
    const worker = new Worker(workerSource(), { eval: true, workerData: { x, m } });
    let progress = 0;
    const fit = await new Promise<GammaGammaFit>((resolve, reject) => {
      worker.on('message', (msg: { fit?: GammaGammaFit }) => (msg.fit ? resolve(msg.fit) : (progress += 1)));
      worker.on('error', reject);
      worker.on('exit', (code) => reject(new Error(`the worker exited (${code}) without a fit`)));
    });
    const here = fitGammaGamma(spend);
    expect(fit).toEqual(here);
    expect(Object.is(fit.logLikelihood, here.logLikelihood) && Object.is(fit.gamma, here.gamma)).toBe(true);
    expect(Math.abs(fit.p - 6.25)).toBeLessThan(0.01);
    expect(progress).toBeGreaterThan(fit.iterations);
  });

  it('the spend fit aside passes its progress on and resolves to the same fit', async () => {
    const seen: number[] = [];
    const fit = await spendFitAhead()(spend, (i) => seen.push(i));
    expect(fit).toEqual(fitGammaGamma(spend));
    expect(seen.length).toBeGreaterThan(fit.iterations);
  });
});

/**
 * Customers who bought every `gap` weeks from their first purchase up to (about) today, with the same spend each
 * time: nobody has dropped out and everyone buys alike, so the data cannot pin down dropout or heterogeneity.
 */
function regularBuyers(n: number) {
  return Array.from({ length: n }, (_, i) => {
    const gap = 2 + (i % 3);
    const T = 30 + (i % 7) * 3;
    const x = Math.floor(T / gap);
    return { x, tx: x * gap, T, m: 50 };
  });
}

describe('fitting fast: identical customers grouped, the optimiser stopped on convergence', () => {
  const customers = cdnow();
  const key = (...v: number[]) => v.join(',');

  it('groups identical (x, t_x, T) and (x, m); the weighted log-likelihood is the sum over customers', () => {
    const groups = groupRft(customers);
    expect(groups).toHaveLength(new Set(customers.map((c) => key(c.x, c.tx, c.T))).size);
    expect(groups.reduce((s, g) => s + g.n, 0)).toBe(2357);
    const p = { r: 0.3, alpha: 5, a: 0.8, b: 2.5 };
    const oneByOne = customers.reduce((s, c) => s + bgnbdLogLikelihood(p, [c]), 0);
    expect(bgnbdLogLikelihood(p, groups)).toBeCloseTo(oneByOne, 6);

    const spend = customers.filter((c) => c.x > 0).map((c) => ({ x: c.x, m: c.m! }));
    const spendGroups = groupSpend(spend);
    expect(spendGroups).toHaveLength(new Set(spend.map((s) => key(s.x, s.m))).size);
    expect(spendGroups.reduce((s, g) => s + g.n, 0)).toBe(946);
    const g = { p: 6, q: 4, gamma: 15 };
    expect(ggLogLikelihood(g, spendGroups)).toBeCloseTo(spend.reduce((s, c) => s + ggLogLikelihood(g, [c]), 0), 6);
  });

  it('says the CDNOW fits converged, within a few hundred likelihood evaluations', () => {
    const bg = fitBgNbd(customers);
    expect([bg.converged, bg.atBound]).toEqual([true, []]);
    expect(bg.evaluations).toBeLessThan(1500);
    const gg = fitGammaGamma(customers.filter((c) => c.x > 0).map((c) => ({ x: c.x, m: c.m! })));
    expect([gg.converged, gg.atBound]).toEqual([true, []]);
    expect(gg.evaluations).toBeLessThan(1000);
  });

  it('gives the same fit in days as in weeks (alpha scales with the unit)', () => {
    const weeks = fitBgNbd(customers);
    const days = fitBgNbd(customers.map((c) => ({ x: c.x, tx: c.tx * 7, T: c.T * 7 })));
    expect(Math.abs(days.r - weeks.r)).toBeLessThan(1e-3);
    expect(Math.abs(days.alpha / 7 - weeks.alpha)).toBeLessThan(1e-2);
    expect(Math.abs(days.a - weeks.a)).toBeLessThan(1e-3);
    expect(Math.abs(days.b - weeks.b)).toBeLessThan(1e-2);
  });

  it('stops where a parameter runs off to the edge of the search, instead of spending an iteration budget', () => {
    const data = regularBuyers(60);
    const bg = fitBgNbd(data);
    expect(bg.converged).toBe(true);
    expect(bg.atBound.length).toBeGreaterThan(0);
    expect(bg.evaluations).toBeLessThan(3000);
    // The answer really is at the edge: moving the flagged parameters back inside lowers the likelihood.
    const inside = { ...bg, ...Object.fromEntries(bg.atBound.map((k) => [k, bg[k] > 1 ? bg[k] / 10 : bg[k] * 10])) };
    expect(bgnbdLogLikelihood(inside, data)).toBeLessThan(bg.logLikelihood);
  });
});

describe('diagnosis of a fit', () => {
  it('passes the CDNOW fits', () => {
    const customers = cdnow();
    const d = diagnose(fitBgNbd(customers), fitGammaGamma(customers.filter((c) => c.x > 0).map((c) => ({ x: c.x, m: c.m! }))));
    expect(d).toEqual({ status: 'ok', purchaseModel: 'ok', spendModel: 'ok', problems: [] });
  });

  it('reports parameters at the edge of the search as a degenerate purchase model, saying what it means', () => {
    const data = regularBuyers(60);
    const spend = data.map((c, i) => ({ x: c.x, m: 40 + (i % 5) * 10 + (i % 3) }));
    const d = diagnose(fitBgNbd(data), fitGammaGamma(spend));
    expect([d.status, d.purchaseModel]).toEqual(['degenerate', 'degenerate']);
    const problem = d.problems.find((p) => p.model === 'purchases')!;
    expect(problem.code).toBe('at-bound');
    expect(problem.message).toMatch(/edge of the search/);
    expect(problem.message).toMatch(/not shown/);
  });

  it('reports q <= 1 as a spend model without a finite mean', () => {
    const bg = { r: 0.24, alpha: 4.4, a: 0.79, b: 2.4, logLikelihood: -1, converged: true, iterations: 1, evaluations: 1, atBound: [] };
    const gg = { p: 2, q: 0.8, gamma: 10, logLikelihood: -1, converged: true, iterations: 1, evaluations: 1, atBound: [] };
    const d = diagnose(bg, gg);
    expect([d.status, d.purchaseModel, d.spendModel]).toEqual(['degenerate', 'ok', 'degenerate']);
    expect(d.problems).toEqual([expect.objectContaining({ model: 'spend', code: 'infinite-mean-spend', parameters: ['q'] })]);
    expect(d.problems[0]!.message).toMatch(/q = 0\.80/);
  });
});

describe('ln rising factorial', () => {
  it('equals lnΓ(z + n) - lnΓ(z) where that is exact, and a sum of logs for whole n', () => {
    expect(lnRising(2.5, 3)).toBeCloseTo(Math.log(2.5 * 3.5 * 4.5), 13);
    expect(lnRising(12.25, 0.75)).toBeCloseTo(lnGamma(13) - lnGamma(12.25), 12);
    // Large z: the sum of logs is exact to rounding, the difference of two lnΓ near 1.8e6 is not.
    const z = 162_754.5;
    let sum = 0;
    for (let k = 0; k < 30; k++) sum += Math.log(z + k);
    expect(Math.abs(lnRising(z, 30) - sum)).toBeLessThan(1e-11);
  });
});
