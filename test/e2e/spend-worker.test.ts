import { describe, expect, it } from 'vitest';
import { sandbox as inProcess } from '../support/inprocess.js';
import { sandbox } from './crm.js';

/** 40 customers buying every 9 to 40 days through 2025 for various amounts, some only once. */
function orders(): string {
  const lines = ['customer,date,amount'];
  for (let c = 1; c <= 40; c++) {
    const gap = 9 + ((c * 7) % 32);
    const times = c % 6 === 0 ? 1 : 2 + (c % 9);
    for (let k = 0; k < times; k++) {
      const day = new Date(Date.UTC(2025, 0, 1 + ((c * 5) % 60) + k * gap)).toISOString().slice(0, 10);
      lines.push(`Customer ${c},${day},${10 + ((c * 13 + k * 7) % 90)}.${(c + k) % 10}0`);
    }
  }
  return `${lines.join('\n')}\n`;
}

// The spend fit runs in a worker thread started from its functions' source text. Written out of the bundle, that
// text breaks if the build ever renames or wraps those functions (esbuild's keepNames adds calls to __name, which
// the worker lacks); the fit then falls back to this thread, same figures, only slower, and says so under CRM_DEBUG=1.
// report clv and campaign targeting by --at-risk fit it (report churn and crm next need only P(alive)).
describe('the spend fit in a worker thread, from the built bundle', () => {
  it.each([
    ['report', 'clv', '--as-of', '2026-01-01', '--json'],
    ['campaign', 'target', 'Winback', '--at-risk', '--as-of', '2026-01-01', '--seed', '1', '--dry-run', '--json'],
  ])('crm %s %s fits the spend model in the worker, and gets what the sources get', async (...args) => {
    const setup = [['order', 'import', '-', '--create-customers', 'company'], ['campaign', 'add', 'Winback', '--channel', 'email']];
    const { run } = sandbox();
    for (const step of setup) expect((await run(step, { input: orders() })).exitCode).toBe(0);
    const r = await run(args, { env: { CRM_DEBUG: '1' } });
    expect(r.stderr.split('\n').filter((line) => line.startsWith('debug:'))).toEqual([]);
    expect(r.exitCode).toBe(0);

    const here = inProcess({ CRM_NOW: '2026-03-11T10:30:00Z' });
    for (const step of setup) expect((await here.run(step, { input: orders() })).exitCode).toBe(0);
    expect(r.stdout).toBe((await here.run(args)).stdout);
    if (args[1] === 'clv') expect(JSON.parse(r.stdout).spendModel.p).toBeGreaterThan(0);
    else expect(JSON.parse(r.stdout)).toMatchObject({ campaign: 'Winback', dryRun: true });
  });
});
