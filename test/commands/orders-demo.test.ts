import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';

describe('crm order', () => {
  it('records orders for companies and for people without one, with unique references and refunds', async () => {
    const { json, run } = sandbox({ CRM_NOW: '2026-03-11T10:30:00Z' });
    await run(['company', 'add', 'Acme']);
    await run(['contact', 'add', 'Li Na', '--company', 'Acme']);
    await run(['contact', 'add', 'Pat Private', '--email', 'pat@mail.example']);
    expect(await json(['order', 'add', 'Acme', '--amount', '1,200.00', '--date', '2026-03-01', '--reference', 'INV-1']))
      .toMatchObject({ id: 1, customer: { kind: 'company', id: 1, name: 'Acme' }, date: '2026-03-01', amount: 1200, currency: 'USD', reference: 'INV-1' });
    // A person who works for a company buys for the company.
    expect((await json(['order', 'add', 'Li Na', '--amount', '300'])).customer).toEqual({ kind: 'company', id: 1, name: 'Acme' });
    expect((await json(['order', 'add', 'pat@mail.example', '--amount', 'EUR 80'])).customer).toEqual({ kind: 'contact', id: 2, name: 'Pat Private' });
    expect((await json(['order', 'add', 'Acme', '--amount', '-200', '--reference', 'CN-1'])).amount).toBe(-200);
    const dup = await run(['order', 'add', 'Acme', '--amount', '5', '--reference', 'INV-1']);
    expect([dup.exitCode, dup.stderr.split(' (')[0]]).toEqual([4, 'error: --reference: order #1 already has reference INV-1']);
    expect((await run(['order', 'add', 'Acme'])).exitCode).toBe(2);
    expect((await json(['order', 'list'])).map((o: any) => o.id)).toEqual([4, 3, 2, 1]);
    expect((await json(['order', 'list', '--customer', 'Acme'])).map((o: any) => o.amount)).toEqual([-200, 300, 1200]);
    expect((await json(['order', 'list', '--until', '2026-03-05'])).map((o: any) => o.id)).toEqual([1]);
    const acme = await json(['company', 'show', 'Acme']);
    expect(acme.orders).toEqual({ orders: 3, totals: [{ amount: 1300, currency: 'USD' }], firstOrder: '2026-03-01', lastOrder: '2026-03-11' });
    const del = await run(['company', 'rm', 'Acme', '--yes']);
    expect([del.exitCode, del.stderr.split(' (')[0]]).toEqual([4, 'error: company #1 Acme has 3 orders and cannot be deleted']);
  });

  it('shows one view of a customer: open deals, latest activities, open follow-ups, orders', async () => {
    const { json, run } = sandbox({ CRM_NOW: '2026-03-11T10:30:00Z' });
    await run(['company', 'add', 'Acme']);
    await run(['contact', 'add', 'Li Na', '--company', 'Acme']);
    await run(['deal', 'add', 'Open one', '--company', 'Acme', '--contact', 'Li Na', '--amount', '100']);
    await run(['deal', 'add', 'Won one', '--company', 'Acme', '--amount', '900']);
    await run(['deal', 'win', 'Won one']);
    for (let i = 1; i <= 6; i++) await run(['log', 'call', 'Li Na', '--summary', `Call ${i}`, '--at', `2026-03-0${i} 10:00`]);
    await run(['followup', 'add', 'Call back', '--due', 'tomorrow', '--contact', 'Li Na']);
    const company = await json(['company', 'show', 'Acme']);
    expect(company.openDeals.map((d: any) => d.title)).toEqual(['Open one']);
    expect(company.latestActivities.map((a: any) => a.summary)).toEqual(['Call 6', 'Call 5', 'Call 4', 'Call 3', 'Call 2']);
    expect(company.openFollowups.map((f: any) => f.title)).toEqual(['Call back']);
    expect(company.orders).toMatchObject({ orders: 1, totals: [{ amount: 900, currency: 'USD' }] });
    const person = await json(['contact', 'show', 'Li Na']);
    expect([person.openDeals.length, person.latestActivities.length, person.openFollowups.length, person.orders.orders]).toEqual([1, 5, 1, 0]);
  });

  it('merging contacts moves their deals, activities, follow-ups and orders', async () => {
    const { json, run } = sandbox();
    await run(['contact', 'add', 'Pat', '--email', 'pat@a.example']);
    await run(['contact', 'add', 'Patricia', '--email', 'pat@b.example']);
    await run(['deal', 'add', 'Pat deal', '--contact', 'Patricia', '--amount', '10']);
    await run(['log', 'call', 'Patricia', '--summary', 'hello']);
    await run(['followup', 'add', 'Ping', '--due', 'tomorrow', '--contact', 'Patricia']);
    await run(['order', 'add', 'Patricia', '--amount', '10']);
    expect((await run(['contact', 'rm', 'Patricia', '-y'])).exitCode).toBe(4);
    await run(['contact', 'merge', 'Pat', 'Patricia', '--yes']);
    const pat = await json(['contact', 'show', 'Pat']);
    expect([pat.openDeals[0].title, pat.latestActivities[0].summary, pat.openFollowups[0].title, pat.orders.orders]).toEqual(['Pat deal', 'hello', 'Ping', 1]);
    expect((await json(['order', 'list']))[0].customer).toEqual({ kind: 'contact', id: 1, name: 'Pat' });
  });
});

describe('crm demo', () => {
  it('builds a deterministic demo in its own database and says how to use it', async () => {
    const { json, run, home, dbPath } = sandbox({ CRM_NOW: '2026-03-11T10:30:00Z' });
    const first = await json(['demo']);
    const path = join(home, 'data', 'crm', 'demo.db');
    // Quotas for 3 owners: quarters 2024-Q3 to 2026-Q4 (10) and months 2024-09 to 2026-12 (28), 18 months back to 9 ahead.
    expect(first).toMatchObject({ path, companies: 12, contacts: 60, deals: 45, activities: 260, followups: 32, quotas: 114,
      try: `crm --db ${path} agenda --week` });
    expect(existsSync(dbPath)).toBe(false); // the user's own database is untouched
    const snapshot = async () => {
      const db = new Database(path, { readonly: true });
      const rows = ['company', 'contact', 'deal', 'deal_stage_change', 'activity', 'followup', 'orders', 'quota']
        .map((t) => db.prepare(`select * from ${t} order by 1, 2`).all());
      db.close();
      return JSON.stringify(rows);
    };
    const before = await snapshot();
    const again = await json(['demo']);
    expect(again.orders).toBe(first.orders);
    expect(await snapshot()).toBe(before);
    // Every stage has deals, history spans 18 months, some follow-ups are overdue, orders span two years.
    const demo = (args: string[]) => json(['--db', path, ...args]);
    expect((await demo(['stage', 'list'])).every((s: any) => s.deals > 0)).toBe(true);
    const db = new Database(path, { readonly: true });
    const [minChange] = db.prepare('select min(at) from deal_stage_change').pluck().all() as string[];
    const [minOrder, maxOrder] = db.prepare('select min(ordered_on), max(ordered_on) from orders').raw().get() as string[];
    const scored = db.prepare('select count(*) from activity where satisfaction is not null').pluck().get() as number;
    db.close();
    expect(minChange! < '2024-10-01').toBe(true);
    expect([minOrder! < '2024-04-01', maxOrder! <= '2026-03-11']).toEqual([true, true]);
    expect(scored).toBeGreaterThan(20);
    expect((await demo(['followup', 'list', '--overdue'])).length).toBeGreaterThan(0);
    expect((await demo(['agenda', '--week'])).days.length).toBeGreaterThan(0);
    expect((await demo(['company', 'tree', '1'])).contacts.length).toBeGreaterThan(0);
    expect((await run(['demo', '--seed', '2', '--json'])).exitCode).toBe(0);
  });

  it('prints no timing: the same demo shows the same output on every run', async () => {
    const { json, terminal } = sandbox();
    const first = await json(['demo']);
    expect(first).not.toHaveProperty('seconds');
    expect(await json(['demo'])).toEqual(first);
    const shown = await terminal(['demo']);
    expect(shown.exitCode).toBe(0);
    expect(shown.output).not.toMatch(/second/i);
    expect(await terminal(['demo'])).toEqual(shown);
  });

  it('fills a database named with --db, and scales', async () => {
    const { json, run, home } = sandbox();
    const file = join(home, 'scaled.db');
    const scaled = await json(['demo', '--db', file, '--scale', '200']);
    expect(scaled).toMatchObject({ contacts: 200, companies: 40, orders: 2000, deals: 20 });
    // All it holds is the demo's: replaced without --force (a database with data of yours is refused: see below).
    expect((await json(['demo', '--db', file])).contacts).toBe(60);
    expect((await json(['demo', '--db', file, '--force'])).contacts).toBe(60);
    expect((await run(['demo', '--scale', '5'])).exitCode).toBe(2);
    expect((await run(['demo', '--scale', '100001'])).exitCode).toBe(2);
  });
});

describe('crm demo on any day of the year', () => {
  // New Year's Day, a Sunday in June, quarter end, a Sunday before Christmas, a Saturday, and a leap day.
  const days = ['2026-01-01T08:00:00Z', '2026-06-14T12:00:00Z', '2026-09-30T18:00:00Z', '2026-12-20T09:00:00Z', '2027-04-03T10:00:00Z', '2028-02-29T10:00:00Z'];

  it.each(days)('on %s: quotas around today, meetings on working days and hours, a lifetime-value model that fits', async (now) => {
    const { json, home } = sandbox({ CRM_NOW: now });
    const path = join(home, 'demo.db');
    await json(['demo', '--db', path]);
    const demo = (args: string[]) => json(['--db', path, ...args]);
    const today = now.slice(0, 10);

    // Every period the forecast shows by default, by quarter and by month, and the same a year back, has quotas.
    const lastYear = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`.replace('-02-29', '-02-28');
    for (const args of [[], ['--period', 'month'], ['--as-of', lastYear], ['--as-of', lastYear, '--period', 'month']]) {
      const f = await demo(['report', 'forecast', ...args]);
      expect(f.periods.map((p: any) => [p.period, p.quota !== null])).toEqual(f.periods.map((p: any) => [p.period, true]));
    }

    // Activities and follow-ups fall on Monday to Friday; activities start between 9:00 and 17:00 (TZ is UTC here).
    const db = new Database(path, { readonly: true });
    const activities = db.prepare('select type, at from activity').all() as { type: string; at: string }[];
    const due = db.prepare('select due_date from followup').pluck().all() as string[];
    db.close();
    const weekday = (d: Date) => d.getDay() >= 1 && d.getDay() <= 5;
    expect(activities.filter((a) => !weekday(new Date(a.at)))).toEqual([]);
    expect(activities.filter((a) => new Date(a.at).getHours() < 9 || new Date(a.at).getHours() >= 17)).toEqual([]);
    expect(due.filter((d) => !weekday(new Date(`${d}T12:00:00Z`)))).toEqual([]);
    expect(activities.some((a) => a.type === 'meeting' && a.at.slice(0, 10) >= today)).toBe(true);

    // Some customers buy steadily, some have stopped: the model fits, and it finds valuable customers slipping away.
    const clv = await demo(['report', 'clv']);
    expect(clv.diagnosis).toEqual({ status: 'ok', purchaseModel: 'ok', spendModel: 'ok', problems: [] });
    expect(clv.customers.filter((c: any) => c.pAlive > 0.9).length).toBeGreaterThan(5);
    expect(clv.customers.filter((c: any) => c.pAlive < 0.5).length).toBeGreaterThan(1);
    const atRisk = await demo(['report', 'clv', '--at-risk']);
    expect(atRisk.customers.length).toBeGreaterThan(0);
  });
});

describe('crm demo again on a demo database', () => {
  it('replaces the demo\'s own data, but refuses (exit 4) to overwrite data you added unless --force', async () => {
    const { json, run, home } = sandbox({ CRM_NOW: '2026-03-11T10:30:00Z' });
    const path = join(home, 'data', 'crm', 'demo.db');
    await json(['demo']);
    expect((await run(['demo'])).exitCode).toBe(0); // nothing of yours in it: replaced
    expect((await run(['--db', path, 'contact', 'add', 'My Own Lead', '--email', 'lead@mine.example'])).exitCode).toBe(0);
    const again = await run(['demo']);
    expect([again.exitCode, again.stderr.split(' (')[0]]).toEqual([4, `error: ${path} holds data the demo did not write: 1 change since the demo was built, the latest: crm --db ${path} contact add "My Own Lead" --email lead@mine.example`]);
    expect((await json(['--db', path, 'search', 'My Own Lead'])).length).toBe(1); // still there
    expect((await run(['demo', '--force'])).exitCode).toBe(0);
    expect(await json(['--db', path, 'search', 'My Own Lead'])).toEqual([]);
    // A demo built before its load was marked in the journal (a change set without entries) is the demo's own too.
    const db = new Database(path);
    // (History is insert-only since migration 0006: the older demo is made by lifting that guard for the edit.)
    db.exec('drop trigger journal_no_delete');
    db.prepare("delete from journal where entity = 'demo'").run();
    db.close();
    expect((await run(['demo'])).exitCode).toBe(0);
    // A saved segmentation is yours too.
    await run(['--db', path, 'report', 'rfm', '--save', 'march']);
    const saved = await run(['demo']);
    expect([saved.exitCode, saved.stderr]).toEqual([4, expect.stringContaining('saved segmentations (march)')]);
  });

  it('treats a database named with --db the same way, and never fills one that holds your records', async () => {
    const { json, run, home } = sandbox();
    const file = join(home, 'scaled.db');
    expect((await json(['demo', '--db', file, '--scale', '200'])).contacts).toBe(200);
    expect((await json(['demo', '--db', file])).contacts).toBe(60);
    const mine = join(home, 'mine.db');
    await run(['--db', mine, 'company', 'add', 'Acme']);
    const refused = await run(['demo', '--db', mine]);
    expect([refused.exitCode, refused.stderr.split(':')[0]]).toEqual([4, `error`]);
    expect(refused.stderr).toContain(`${mine} holds data the demo did not write`);
    expect((await json(['--db', mine, 'company', 'list'])).map((c: any) => c.name)).toEqual(['Acme']);
  });
});
