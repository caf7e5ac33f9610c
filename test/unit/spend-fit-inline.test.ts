import { describe, expect, it, vi } from 'vitest';

// A Worker that cannot start, as where threads are unavailable: the fit must still come, from this thread.
vi.mock('node:worker_threads', () => ({ Worker: class { constructor() { throw new Error('no threads here'); } } }));

// Files share loaded modules (isolate: false): spend-fit.js is loaded afresh, so that it gets the Worker above.
vi.resetModules();
const { spendFitAhead } = await import('../../src/io/spend-fit.js');
const { fitGammaGamma } = await import('../../src/domain/clv/gammagamma.js');

describe('the spend fit without a worker thread', () => {
  it('fits in this thread, says why to whoever asked, and gets the same fit', async () => {
    const spend = Array.from({ length: 60 }, (_, i) => ({ x: 1 + (i % 7), m: 20 + ((i * 37) % 50) }));
    const reasons: string[] = [];
    let progress = 0;
    const fit = await spendFitAhead((reason) => reasons.push(reason))(spend, () => (progress += 1));
    expect(reasons).toEqual(['the worker did not start: no threads here']);
    expect(fit).toEqual(fitGammaGamma(spend));
    expect(progress).toBeGreaterThan(0);
    await expect(spendFitAhead()(spend)).resolves.toEqual(fit);
  });
});
