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

describe('crm campaign target by customer value, on the demo', () => {
  it('takes the customers of an RFM segment (live or saved), a value tier, or at risk, less those none may contact', async () => {
    const s = sandbox();
    const db = join(s.home, 'demo.db');
    await s.json(['demo', '--db', db]);
    const rfm = await s.json(['report', 'rfm', '--db', db, '--save', 'March']);
    const champions = rfm.customers.filter((c: any) => c.segment === 'Champions');
    expect(champions.length).toBeGreaterThan(0);
    await s.run(['campaign', 'add', 'Thanks', '--channel', 'mail', '--db', db]);
    const live = await s.json(['campaign', 'target', 'Thanks', '--segment', 'champions', '--dry-run', '--db', db]);
    expect(live.added + live.excluded).toBe(champions.length);
    const saved = await s.json(['campaign', 'target', 'Thanks', '--segment', 'champions', '--snapshot', 'March', '--db', db]);
    expect(saved).toMatchObject({ added: live.added, excluded: live.excluded });
    const members = await s.json(['campaign', 'members', 'Thanks', '--db', db]);
    expect(members.map((m: any) => `${m.kind}:${m.id}`).sort())
      .toEqual(champions.map((c: any) => `${c.kind}:${c.id}`).filter((k: string) => members.some((m: any) => `${m.kind}:${m.id}` === k)).sort());
    const clv = await s.json(['report', 'clv', '--at-risk', '--db', db]);
    const risky = await s.json(['campaign', 'target', 'Thanks', '--at-risk', '--dry-run', '--db', db]);
    expect(risky.added + risky.excluded + risky.alreadyMembers).toBe(clv.customers.length);
    const missing = await s.run(['campaign', 'target', 'Thanks', '--segment', 'champions', '--snapshot', 'Nope', '--db', db]);
    expect(missing.exitCode).toBe(3);
  });
});
