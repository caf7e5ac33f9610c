import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';

describe('crm report churn', () => {
  /*
   * As of 2026-03-31 (trailing 12 months: 2025-04-01 .. 2026-03-31):
   *   Acme bought 2026-01-01 (100), 01-11 (200), 01-31 (200): gaps 10, 20, rhythm 15; 59 days since > 2 x 15: overdue; value 500
   *   Globex bought 01-01, 02-01, 03-01, 03-15: gaps 31, 28, 14, rhythm 28; 16 days since <= 56: fine
   *   Initech bought 2025-01-10 (300, before the window) and 2025-05-01, 2025-06-01 (50 each): gaps 111, 31, rhythm 71;
   *     303 days since > 142: overdue; value at risk 100 (only the window's orders)
   * Three customers are too few for the BG/NBD model: P(alive) is null and a warning says rhythm alone judged.
   */
  it('ranks overdue customers by value at risk with their rhythm and gap', async () => {
    const s = sandbox();
    const orders = [['Acme', '2026-01-01', 100], ['Acme', '2026-01-11', 200], ['Acme', '2026-01-31', 200],
      ['Globex', '2026-01-01', 10], ['Globex', '2026-02-01', 10], ['Globex', '2026-03-01', 10], ['Globex', '2026-03-15', 10],
      ['Initech', '2025-01-10', 300], ['Initech', '2025-05-01', 50], ['Initech', '2025-06-01', 50]];
    await s.json(['order', 'import', '-', '--create-customers', 'company'], { input: `customer,date,amount\n${orders.map((o) => o.join(',')).join('\n')}\n` });
    const r = await s.run(['report', 'churn', '--as-of', '2026-03-31', '--json']);
    expect(r.exitCode).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ asOf: '2026-03-31', factor: 2, threshold: 0.5, window: { from: '2025-04-01', to: '2026-03-31' }, customers: 3, atRisk: 2, valueAtRisk: 600 });
    expect(j.rows).toEqual([
      { kind: 'company', id: 1, name: 'Acme', externalId: 'Acme', valueAtRisk: 500, lastPurchase: '2026-01-31', purchaseDays: 3, gap: 59, rhythm: 15,
        overdue: true, pAlive: null, reasons: ['59 days since the last purchase, 3.9x their rhythm of 15 days'] },
      { kind: 'company', id: 3, name: 'Initech', externalId: 'Initech', valueAtRisk: 100, lastPurchase: '2025-06-01', purchaseDays: 3, gap: 303, rhythm: 71,
        overdue: true, pAlive: null, reasons: ['303 days since the last purchase, 4.3x their rhythm of 71 days'] },
    ]);
    expect(r.stderr).toContain('customers are judged by their rhythm only');
    // --factor 4: Acme's 59 days are under 60; Initech's 303 are over 284.
    expect((await s.json(['report', 'churn', '--as-of', '2026-03-31', '--factor', '4'])).rows.map((x: any) => x.name)).toEqual(['Initech']);
    const bad = await s.run(['report', 'churn', '--threshold', '2']);
    expect([bad.exitCode, bad.stderr.split(' (')[0]]).toEqual([2, 'error: --threshold: "2" is not a number above 0 and at most 1']);
  });
});
