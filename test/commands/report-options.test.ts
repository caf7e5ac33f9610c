import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';

describe('report windows', () => {
  it('refuse a --since after --as-of, in every report that takes both', async () => {
    const { run } = sandbox();
    for (const report of ['pipeline', 'forecast', 'winloss', 'activity', 'rfm', 'deciles', 'portfolio', 'loyalty']) {
      const r = await run(['report', report, '--as-of', '2026-03-01', '--since', '2026-03-02']);
      expect([report, r.exitCode, r.stdout, r.stderr]).toEqual([report, 2, '',
        'error: --since 2026-03-02 is after --as-of 2026-03-01 (give a --since on or before the --as-of date)\n']);
      // A window of one day is fine; so are the forms people type.
      expect([report, (await run(['report', report, '--as-of', '2026-03-01', '--since', '2026-03-01'])).exitCode]).toEqual([report, 0]);
    }
    const typed = await run(['report', 'rfm', '--as-of', 'yesterday', '--since', 'today', '--json']);
    expect([typed.exitCode, JSON.parse(typed.stderr).error.message]).toEqual([2, '--since 2026-03-11 is after --as-of 2026-03-10']);
  });
});

/**
 * test/commands/value.test.ts's shop: as of 2026-03-31 A Loyal Customers, B Promising, C Hibernating, D Loyal
 * Customers, E Hibernating (G, refunds only, is not scored). B buys again on 06-29; as of 06-30 (N = 5):
 *   days since the last purchase A 92, B 1, C 150, D 121, E 365  ->  R: A 4, B 5, C 2, D 3, E 1
 *   purchases A 3, B 2, C 1, D 4, E 1                              ->  F: A 4, B 3, C 1, D 5, E 1
 *   A Loyal (R 4, F 4), B Potential Loyalists (R 5, F 3), C Hibernating, D Loyal (R 3, F 5), E Hibernating:
 *   only B moved.
 */
async function shop() {
  const s = sandbox({ CRM_NOW: '2026-03-31T12:00:00Z' });
  writeFileSync(join(s.home, 'o.csv'), ['customer,date,amount', 'A,2026-03-30,100', 'A,2026-03-01,100', 'A,2026-02-01,100', 'B,2026-03-30,50',
    'C,2026-01-31,500', 'C,2026-03-10,-100', 'D,2025-12-31,200', 'D,2026-01-15,200', 'D,2026-02-14,200', 'D,2026-03-01,200',
    'E,2025-06-30,1000', 'G,2026-03-01,-50', ''].join('\n'));
  expect((await s.run(['order', 'import', join(s.home, 'o.csv'), '--create-customers', 'company'])).exitCode).toBe(0);
  return s;
}

describe('crm report rfm', () => {
  it('--compare lists only the customers who moved', async () => {
    const { run, home } = await shop();
    await run(['report', 'rfm', '--save', 'march']);
    writeFileSync(join(home, 'more.csv'), 'customer,date,amount\nB,2026-06-29,80\n');
    await run(['order', 'import', join(home, 'more.csv')]);
    const r = JSON.parse((await run(['report', 'rfm', '--as-of', '2026-06-30', '--compare', 'march', '--json'])).stdout);
    expect(r.compare).toEqual({ name: 'march', asOf: '2026-03-31', unchanged: 4,
      moved: [{ from: 'Promising', to: 'Potential Loyalists', customers: 1 }],
      customers: [{ kind: 'company', id: 2, name: 'B', externalId: 'B', from: 'Promising', to: 'Potential Loyalists' }] });
    const tty = (await run(['report', 'rfm', '--as-of', '2026-06-30', '--compare', 'march'], { tty: true, env: { NO_COLOR: '1' } })).stdout;
    expect(tty.slice(tty.indexOf('Moved since'))).toBe([
      'Moved since "march" (2026-03-31): 1 customer, 4 in the same segment',
      'From       To                   Customers',
      'Promising  Potential Loyalists          1',
      '',
      'Who moved',
      'Customer  Kind        From       To',
      'B         company #2  Promising  Potential Loyalists',
      ''].join('\n'));
  });

  it('--segment says how many customers were scored in all', async () => {
    const { run } = await shop();
    const r = JSON.parse((await run(['report', 'rfm', '--segment', 'hibernating', '--json'])).stdout);
    expect([r.scored, r.customers.map((c: any) => c.name)]).toEqual([5, ['E', 'C']]);
    const tty = (await run(['report', 'rfm', '--segment', 'hibernating'], { tty: true, env: { NO_COLOR: '1' } })).stdout;
    // All five were scored; the segment's own count heads its list.
    expect(tty).toMatch(/^Customers scored  5\n\nHibernating \(2\)\nCustomer /m);
    expect((await run(['report', 'rfm'], { tty: true, env: { NO_COLOR: '1' } })).stdout).toMatch(/^Customers scored  5$/m);
  });
});
