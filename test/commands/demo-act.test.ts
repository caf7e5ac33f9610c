import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';

describe('crm demo: products, order lines and campaigns (issue 18)', () => {
  it('gives every new report something to show on day one, deterministically, with order totals equal to their lines', async () => {
    const s = sandbox();
    const db = join(s.home, 'demo.db');
    await s.json(['demo', '--db', db]);
    const campaigns = (await s.json(['report', 'campaigns', '--db', db])).campaigns;
    expect(campaigns.map((c: any) => [c.campaign, c.lift === null])).toEqual([['Partner day', true], ['Winter win-back', false]]);
    const winBack = await s.json(['report', 'campaign', 'Winter win-back', '--db', db]);
    expect(winBack.lift.absolute).toBeGreaterThan(0);
    expect(winBack.excluded).toBeGreaterThan(0);
    expect(winBack.groups.holdout.members).toBeGreaterThan(0);
    expect((await s.json(['report', 'cross-sell', '--db', db])).rules.length).toBeGreaterThan(5);
    expect((await s.json(['report', 'churn', '--db', db])).rows.length).toBeGreaterThan(0);
    expect((await s.json(['next', '--owner', 'alex', '--limit', '50', '--db', db])).actions.map((a: any) => a.kind)).toContain('cross-sell');
    const raw = new Database(db, { readonly: true });
    expect(raw.prepare(`select count(*) from orders o where exists (select 1 from order_line l where l.order_id = o.id)
      and o.amount_minor != (select sum(amount_minor) from order_line l where l.order_id = o.id)`).pluck().get()).toBe(0);
    expect(raw.prepare('select count(*) from order_line').pluck().get()).toBeGreaterThan(1000);
    raw.close();
    // The same seed gives the same campaigns.
    const t = sandbox();
    const db2 = join(t.home, 'demo.db');
    await t.json(['demo', '--db', db2]);
    expect(await t.json(['report', 'campaign', 'Winter win-back', '--db', db2])).toEqual(winBack);
  });
});
