import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { sandbox } from '../support/inprocess.js';

/**
 * Six companies, as-of 2026-03-31 (every figure below computed by hand):
 *   A  03-30 100, 03-01 100, 02-01 100         recency 1,   F 3, M 300
 *   B  03-30 50                                recency 1,   F 1, M 50
 *   C  01-31 500, 03-10 -100 (refund)          recency 59,  F 1, M 400
 *   D  12-31 200, 01-15 200, 02-14 200, 03-01 200  recency 30, F 4, M 800
 *   E  2025-06-30 1000                         recency 274, F 1, M 1000
 *   G  03-01 -50 (only ever refunded)          not scored
 */
const ORDERS = `customer,date,amount,reference
A,2026-03-30,100,a1
A,2026-03-01,100,a2
A,2026-02-01,100,a3
B,2026-03-30,50,b1
C,2026-01-31,500,c1
C,2026-03-10,-100,c2
D,2025-12-31,200,d1
D,2026-01-15,200,d2
D,2026-02-14,200,d3
D,2026-03-01,200,d4
E,2025-06-30,1000,e1
G,2026-03-01,-50,g1
`;

async function shop() {
  const s = sandbox({ CRM_NOW: '2026-03-31T12:00:00Z' });
  const file = join(s.home, 'orders.csv');
  writeFileSync(file, ORDERS);
  const r = await s.run(['order', 'import', file, '--create-customers', 'company', '--json']);
  if (r.exitCode !== 0) throw new Error(r.stderr);
  return { ...s, file, imported: JSON.parse(r.stdout) };
}

describe('crm order import', () => {
  it('imports, creates customers, and skips references it already has', async () => {
    const { imported, run, json, file } = await shop();
    expect(imported).toMatchObject({ rows: 12, imported: 12, newCustomers: 6, duplicates: 0, dryRun: false });
    expect((await json(['company', 'show', 'A'])).externalId).toBe('A');
    const again = await json(['order', 'import', file, '--create-customers', 'company']);
    expect(again).toMatchObject({ rows: 12, imported: 0, skipped: 12, newCustomers: 0 });
    expect(await json(['order', 'list'])).toHaveLength(12);
    const dry = await json(['order', 'import', file, '--dry-run']);
    expect(dry).toMatchObject({ rows: 12, duplicates: 12, imported: 0, dryRun: true });
    expect((await run(['order', 'list', '--customer', 'C', '--json'])).stdout).toContain('-100');
  });

  it('validates every row first, naming line and field, and writes nothing on error', async () => {
    const { home, run, json } = sandbox();
    await run(['company', 'add', 'Acme']);
    const bad = join(home, 'bad.csv');
    writeFileSync(bad, 'customer,date,amount\nAcme,2026-01-01,10\nAcme,2026-02-30,10\nNobody,2026-01-01,10\nAcme,2026-01-01,ten\n');
    const r = await run(['order', 'import', bad]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr.split('\n')).toEqual([
      '  line 3: date (date) "2026-02-30" is not a date; use YYYY-MM-DD',
      '  line 4: customer (customer) "Nobody" is not a known company or contact; pass --create-customers company|contact',
      '  line 5: amount: "ten" is not an amount (amount)',
      'error: 3 of 4 rows are invalid; nothing was imported (fix the rows listed above and import again)', '']);
    expect(await json(['order', 'list'])).toEqual([]);
    const cols = join(home, 'cols.csv');
    writeFileSync(cols, 'CustomerID,InvoiceDate,Total\nAcme,2026-01-01,10\n');
    const missing = await run(['order', 'import', cols]);
    expect([missing.exitCode, missing.stderr.split(' (name')[0]]).toEqual([2, 'error: FILE: has no column "customer", "date", "amount" (columns: CustomerID, InvoiceDate, Total)']);
    expect(await json(['order', 'import', cols, '--map', 'customer=CustomerID', '--map', 'date=InvoiceDate', '--map', 'amount=Total'])).toMatchObject({ imported: 1 });
  });

  it('reads standard input and other delimiters', async () => {
    const { run, json } = sandbox();
    await run(['contact', 'add', 'Pat', '--email', 'pat@mail.example']);
    const r = await run(['order', 'import', '-', '--delimiter', ';', '--json'], { input: 'customer;date;amount;currency\npat@mail.example;2026-01-01;12.50;EUR\n' });
    expect(JSON.parse(r.stdout)).toMatchObject({ imported: 1, file: '-' });
    expect((await json(['order', 'list']))[0]).toMatchObject({ customer: { kind: 'contact', name: 'Pat' }, amount: 12.5, currency: 'EUR' });
  });
});

describe('crm report rfm and deciles', () => {
  it('segments by the configured map: unclaimed cells are Unclassified, default names keep their action, --save/--compare use it', async () => {
    const { json, run } = await shop();
    // R,F by hand (see above): A 4,4  B 4,1  C 2,1  D 3,5  E 1,1.
    expect((await run(['config', 'set', 'segments', 'Stars=4-5:3-5;Regulars=3:1-5;At Risk=1-2:1-5'])).exitCode).toBe(0);
    const r = await json(['report', 'rfm', '--save', 'custom']);
    expect(r.customers.map((c: any) => [c.name, c.segment])).toEqual(
      [['E', 'At Risk'], ['D', 'Regulars'], ['C', 'At Risk'], ['A', 'Stars'], ['B', 'Unclassified']]);
    expect(r.segments).toEqual([
      { segment: 'Stars', customers: 1, revenue: 300, share: 0.1176, action: '' },
      { segment: 'Regulars', customers: 1, revenue: 800, share: 0.3137, action: '' },
      { segment: 'At Risk', customers: 2, revenue: 1400, share: 0.549, action: 'win-back contact: personal emails or calls, renewals, helpful resources' },
      { segment: 'Unclassified', customers: 1, revenue: 50, share: 0.0196, action: 'no segment of the map claims these scores' },
    ]);
    expect((await json(['report', 'rfm', '--segment', 'REGULARS'])).customers.map((c: any) => c.name)).toEqual(['D']);
    expect((await json(['report', 'rfm', '--segment', 'at-risk'])).customers.map((c: any) => c.name)).toEqual(['E', 'C']);
    const gone = await run(['report', 'rfm', '--segment', 'hibernating']);
    expect([gone.exitCode, gone.stderr]).toEqual([2, 'error: --segment: "hibernating" is not a segment (use one of: Stars, Regulars, At Risk)\n']);
    expect((await run(['campaign', 'add', 'Win back', '--channel', 'email'])).exitCode).toBe(0);
    const target = await json(['campaign', 'target', 'Win back', '--segment', 'at risk', '--holdout', '0']);
    expect(target.added + target.excluded).toBe(2);
    const wrong = await run(['campaign', 'target', 'Win back', '--segment', 'champions']);
    expect([wrong.exitCode, wrong.stderr]).toEqual([2, 'error: --segment: "champions" is not a segment (use one of: Stars, Regulars, At Risk)\n']);
    // The standard grid again: the saved segmentation kept the custom names.
    await run(['config', 'unset', 'segments']);
    const c = (await json(['report', 'rfm', '--compare', 'custom'])).compare;
    expect([c.unchanged, c.moved]).toEqual([0, [
      { from: 'At Risk', to: 'Hibernating', customers: 2 }, { from: 'Regulars', to: 'Loyal Customers', customers: 1 },
      { from: 'Stars', to: 'Loyal Customers', customers: 1 }, { from: 'Unclassified', to: 'Promising', customers: 1 }]]);
  });

  it('scores with shared ties, refunds lowering M, refund-only customers left out', async () => {
    const { json } = await shop();
    const r = await json(['report', 'rfm']);
    expect([r.asOf, r.bins, r.currency]).toEqual(['2026-03-31', 5, 'USD']);
    const row = (name: string) => {
      const c = r.customers.find((x: any) => x.name === name);
      return c && [c.recencyDays, c.frequency, c.monetary, c.r, c.f, c.m, c.segment];
    };
    expect(row('A')).toEqual([1, 3, 300, 4, 4, 2, 'Loyal Customers']);
    expect(row('B')).toEqual([1, 1, 50, 4, 1, 1, 'Promising']);
    expect(row('C')).toEqual([59, 1, 400, 2, 1, 3, 'Hibernating']);
    expect(row('D')).toEqual([30, 4, 800, 3, 5, 4, 'Loyal Customers']);
    expect(row('E')).toEqual([274, 1, 1000, 1, 1, 5, 'Hibernating']);
    expect(row('G')).toBeUndefined();
    const seg = (name: string) => r.segments.find((s: any) => s.segment === name);
    expect(seg('Loyal Customers')).toMatchObject({ customers: 2, revenue: 1100, share: 0.4314 });
    expect(seg('Hibernating')).toMatchObject({ customers: 2, revenue: 1400, share: 0.549 });
    expect(seg('At Risk').action).toMatch(/win-back/);
    expect((await json(['report', 'rfm', '--segment', 'hibernating'])).customers.map((c: any) => c.name)).toEqual(['E', 'C']);
  });

  it('saves a segmentation and shows who moved since', async () => {
    const { json, run, home } = await shop();
    await run(['report', 'rfm', '--save', 'march']);
    writeFileSync(join(home, 'more.csv'), 'customer,date,amount\nB,2026-06-29,80\n');
    await run(['order', 'import', join(home, 'more.csv')]);
    const r = await json(['report', 'rfm', '--as-of', '2026-06-30', '--compare', 'march']);
    expect(r.compare.name).toBe('march');
    // B: most recent (r 5) with two orders (f 3): from Promising to Potential Loyalists.
    expect(r.compare.moved).toContainEqual({ from: 'Promising', to: 'Potential Loyalists', customers: 1 });
    // Only B moved; the other four stayed where they were.
    expect([r.compare.moved.reduce((a: number, m: any) => a + m.customers, 0), r.compare.unchanged]).toEqual([1, 4]);
    const missing = await run(['report', 'rfm', '--compare', 'nope']);
    expect([missing.exitCode, missing.stderr.split(' (')[0]]).toEqual([3, 'error: no saved segmentation "nope"']);
  });

  it('puts customers in deciles by revenue, ties by id, with the Pareto line', async () => {
    const { json } = await shop();
    const d = await json(['report', 'deciles']);
    expect(d.customers).toBe(5);
    // E 1000 -> decile 1, D 800 -> 3, C 400 -> 5, A 300 -> 7, B 50 -> 9 (floor(10 i / 5) + 1)
    expect(d.deciles.filter((x: any) => x.customers).map((x: any) => [x.decile, x.revenue, x.share, x.cumulativeShare])).toEqual([
      [1, 1000, 0.3922, 0.3922], [3, 800, 0.3137, 0.7059], [5, 400, 0.1569, 0.8627], [7, 300, 0.1176, 0.9804], [9, 50, 0.0196, 1]]);
    expect(d.pareto).toBe(0.3922);
  });
});

describe('crm report clv', () => {
  // Imports 2,357 customers' orders first: on a busy machine's PostgreSQL that alone can take half a minute.
  it('fits BG/NBD and Gamma-Gamma on the imported CDNOW sample, reproducing the published parameters', { timeout: 90_000 }, async () => {
    const { home, run, json } = sandbox({ CRM_NOW: '1998-07-01T10:00:00Z' });
    const rows = readFileSync(new URL('../fixtures/CDNOW_sample.txt', import.meta.url), 'utf8').trim().split(/\r?\n/)
      .map((l) => l.trim().split(/\s+/)).map((f) => `${f[0]},${f[2]},${f[4]}`);
    writeFileSync(join(home, 'cdnow.csv'), ['customer,date,amount', ...rows].join('\n'));
    expect((await run(['order', 'import', join(home, 'cdnow.csv'), '--create-customers', 'contact'])).exitCode).toBe(0);
    const r = await json(['report', 'clv', '--as-of', '1997-09-30', '--unit', 'week']);
    expect([r.model.customers, r.model.repeatBuyers]).toEqual([2357, 946]);
    const near = (x: number, want: number, tol: number) => expect(Math.abs(x - want), `${x} vs ${want}`).toBeLessThan(tol);
    near(r.model.r, 0.243, 0.01); near(r.model.alpha, 4.414, 0.01); near(r.model.a, 0.793, 0.01); near(r.model.b, 2.426, 0.01);
    near(r.model.logLikelihood, -9582.4, 0.1);
    near(r.spendModel.p, 6.25, 0.01); near(r.spendModel.q, 3.74, 0.01); near(r.spendModel.gamma, 15.44, 0.01);
    const top = r.customers[0];
    expect(top.clv).toBeGreaterThan(r.customers[1].clv);
    expect(top.pAlive).toBeGreaterThan(0);
    expect(top.pAlive).toBeLessThanOrEqual(1);
    const atRisk = await json(['report', 'clv', '--as-of', '1997-09-30', '--at-risk']);
    expect(atRisk.customers.length).toBeGreaterThan(0);
    expect(atRisk.customers.every((c: any) => c.pAlive < 0.5)).toBe(true);
  });

  it('says clearly when the model cannot be fitted', async () => {
    const { run } = await shop();
    const r = await run(['report', 'clv']);
    expect([r.exitCode, r.stderr.split(' (')[0]]).toEqual([2, 'error: cannot fit the lifetime-value model: 5 customers with purchases by 2026-03-31, 2 of them repeat buyers']);
  });
});

describe('crm report portfolio and loyalty', () => {
  it('tiers customers by value and growth potential, with RAD strategies', async () => {
    const { run, json } = await shop();
    await run(['company', 'edit', 'A', '--wallet', '1000']);
    await run(['company', 'edit', 'C', '--wallet', '500']);
    await run(['company', 'edit', 'D', '--wallet', '5000']);
    await run(['company', 'add', 'P', '--wallet', '2000']);
    const p = await json(['report', 'portfolio']);
    // The window runs from the first order (2025-06-30) to 2026-03-31: 275 days; values are annualised over it.
    expect(p.windowDays).toBe(275);
    const row = (name: string) => {
      const c = p.customers.find((x: any) => x.name === name);
      return [c.tier, c.strategy, c.value, c.annualValue, c.wallet, c.shareOfWallet, c.untapped, c.decile];
    };
    expect(row('E')).toEqual(['MVC', 'Retain', 1000, 1327.27, null, null, null, 1]); // decile 1
    // Untapped: D 5,000 - 1,061.82 = 3,938.18 is the top 20% of A, C, D (the only ones with orders and a wallet).
    expect(row('D')).toEqual(['MGC', 'Develop', 800, 1061.82, 5000, 0.2124, 3938.18, 3]);
    expect(row('A')).toEqual(['maintain', 'Maintain', 300, 398.18, 1000, 0.3982, 601.82, 7]);
    expect(row('G')).toEqual(['BZ', 'Serve at lowest cost', -50, -66.36, null, null, null, null]); // only ever refunded
    expect(row('P')).toEqual(['prospect', 'Acquire', 0, 0, 2000, 0, 2000, null]);
    expect(p.withoutWallet).toBe(3); // B, E and G
    expect(p.customers.find((x: any) => x.name === 'B').note).toBe('no wallet estimate');
    expect(p.tiers.map((t: any) => [t.tier, t.customers])).toEqual([['MVC', 1], ['MGC', 1], ['maintain', 3], ['BZ', 1], ['prospect', 1]]);
    // A higher cost to serve turns the small buyer B below zero too.
    expect((await json(['report', 'portfolio', '--cost-to-serve', '60'])).customers.find((x: any) => x.name === 'B').tier).toBe('BZ');
  });

  it('places customers in the loyalty matrix from F scores and their latest satisfaction', async () => {
    const { run, json } = await shop();
    await run(['contact', 'add', 'Cy', '--company', 'C']);
    await run(['log', 'call', 'company:A', '--summary', 's', '--satisfaction', '2', '--at', '2026-03-02']);
    await run(['log', 'call', 'company:B', '--summary', 's', '--satisfaction', '5', '--at', '2026-03-02']);
    await run(['log', 'call', 'Cy', '--summary', 's', '--satisfaction', '1', '--at', '2026-03-02']); // counts for company C
    await run(['log', 'call', 'company:D', '--summary', 's', '--satisfaction', '2', '--at', '2026-03-01']);
    await run(['log', 'call', 'company:D', '--summary', 's', '--satisfaction', '4', '--at', '2026-03-20']); // the latest counts
    const l = await json(['report', 'loyalty']);
    const q = (name: string) => {
      const c = l.customers.find((x: any) => x.name === name);
      return [c.f, c.repeat, c.satisfaction, c.attitude, c.quadrant];
    };
    expect(q('D')).toEqual([5, 'high', 4, 'strong', 'sustained']);
    expect(q('A')).toEqual([4, 'high', 2, 'weak', 'inertia']);
    expect(q('B')).toEqual([1, 'low', 5, 'strong', 'latent']);
    expect(q('C')).toEqual([1, 'low', 1, 'weak', 'none']);
    expect(q('E')).toEqual([1, 'low', null, 'unknown', 'unknown attitude']);
    expect(l.quadrants.map((x: any) => [x.quadrant, x.customers])).toEqual([
      ['sustained', 1], ['latent', 1], ['inertia', 1], ['none', 1], ['unknown attitude', 1]]);
    // As of before D's second call, D's attitude was weak.
    expect((await json(['report', 'loyalty', '--as-of', '2026-03-10'])).customers.find((x: any) => x.name === 'D').quadrant).toBe('inertia');
  });
});

describe('crm report clv on orders the model cannot fit', () => {
  /** Twelve companies that each buy every 2, 3 or 4 weeks from March 2025 to today (2026-03-11): none went quiet. */
  async function regulars() {
    const s = sandbox({ CRM_NOW: '2026-03-11T12:00:00Z' });
    const rows = ['customer,date,amount'];
    for (let i = 0; i < 12; i++) {
      const gap = 14 + 7 * (i % 3);
      for (let d = Date.UTC(2025, 2, 1 + i); d <= Date.UTC(2026, 2, 11); d += gap * 86_400_000) {
        rows.push(`C${i},${new Date(d).toISOString().slice(0, 10)},${100 + 10 * (i % 4)}`);
      }
    }
    writeFileSync(join(s.home, 'regular.csv'), rows.join('\n'));
    expect((await s.run(['order', 'import', join(s.home, 'regular.csv'), '--create-customers', 'company'])).exitCode).toBe(0);
    return s;
  }

  it('counts purchase days the same whatever order the orders were written in', async () => {
    // The regulars' orders newest first and customers interleaved, with a second order on C0's first day, a refund
    // and an order in a currency without a rate on C1's: days merge, the refund and the EUR order count for nothing.
    const s = sandbox({ CRM_NOW: '2026-03-11T12:00:00Z' });
    const days = (i: number) => {
      const out: string[] = [];
      for (let d = Date.UTC(2025, 2, 1 + i); d <= Date.UTC(2026, 2, 11); d += (14 + 7 * (i % 3)) * 86_400_000) out.push(new Date(d).toISOString().slice(0, 10));
      return out;
    };
    const rows = Array.from({ length: 12 }, (_, i) => days(i).map((d) => `C${i},${d},100,USD`)).flat().reverse();
    rows.push(`C0,${days(0)[0]},25,USD`, `C1,${days(1)[0]},-40,USD`, `C1,${days(1)[0]},70,EUR`);
    writeFileSync(join(s.home, 'shuffled.csv'), ['customer,date,amount,currency', ...rows].join('\n'));
    expect((await s.run(['order', 'import', join(s.home, 'shuffled.csv'), '--create-customers', 'company'])).exitCode).toBe(0);
    const out = JSON.parse((await s.run(['report', 'clv', '--json'])).stdout);
    const week = (from: string, to: string) => Math.round(((Date.parse(to) - Date.parse(from)) / 86_400_000 / 7) * 1e4) / 1e4;
    const byName = Object.fromEntries(out.customers.map((c: any) => [c.name, [c.x, c.tx, c.T, c.value]]));
    expect(byName).toEqual(Object.fromEntries(Array.from({ length: 12 }, (_, i) => {
      const d = days(i);
      return [`C${i}`, [d.length - 1, week(d[0]!, d.at(-1)!), week(d[0]!, '2026-03-11'), 100 * d.length + (i === 0 ? 25 : 0)]];
    })));
    expect(out.unconverted).toEqual([{ currency: 'EUR', orders: 1, amount: 70 }]);
  });

  it('reports a degenerate fit in a diagnosis and shows no forecast, in JSON and on screen', async () => {
    const { run } = await regulars();
    const r = await run(['report', 'clv', '--json']);
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(r.stdout);
    expect([out.diagnosis.status, out.diagnosis.purchaseModel]).toEqual(['degenerate', 'degenerate']);
    const problem = out.diagnosis.problems.find((p: any) => p.model === 'purchases');
    expect(problem).toMatchObject({ code: 'at-bound', parameters: ['a', 'b'] });
    expect(problem.message).toMatch(/cannot tell dropout from silence/);
    // The fitted parameters stay in the JSON, so anyone can check them; no customer gets a forecast.
    expect(out.model.customers).toBe(12);
    expect(out.customers).toHaveLength(12);
    expect(out.customers.every((c: any) => c.pAlive === null && c.expectedPurchases === null && c.clv === null)).toBe(true);
    expect(out.customers.map((c: any) => c.value)).toEqual([...out.customers.map((c: any) => c.value)].sort((a: number, b: number) => b - a));
    expect(r.stderr).toMatch(/^warning: no lifetime values: the model does not fit these orders/m);

    const screen = await run(['report', 'clv'], { tty: true, env: { NO_COLOR: '1' } });
    expect(screen.stdout).toMatch(/^Diagnosis +degenerate: no forecast is shown$/m);
    expect(screen.stdout).toContain('cannot tell dropout from silence');
    // The spend model alone fits (each customer always pays the same): average spend, but no P(alive) or CLV column.
    expect(screen.stdout).toMatch(/^Customer +x +t_x +T +Spent +Avg spend +Note$/m);
    expect(screen.stdout.split('Customers by spend (no lifetime value: see the diagnosis)\n')[1]).not.toMatch(/%/);

    expect((await run(['report', 'clv', '--at-risk', '--json'])).stdout).toContain('"customers":[]');
  });

  it('shows what a long fit is doing on a terminal, on stderr only, and nothing in a pipe', async () => {
    const { run } = await regulars();
    // A clock that moves 60 ms each time it is read makes the fit "long" without a test that depends on speed.
    let now = Date.UTC(2026, 2, 11);
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => (now += 60));
    try {
      const tty = await run(['report', 'clv', '--json'], { tty: true });
      expect(tty.stderr).toMatch(/\r\x1b\[2Kfitting the purchase model \(BG\/NBD\): iteration \d+, log-likelihood -\d+\.\d\d/);
      expect(tty.stderr).toMatch(/fitting the spend model \(Gamma-Gamma\): iteration \d+/);
      // The line is erased before anything else reaches the terminal.
      expect(tty.stderr.split('\r\x1b[2K').at(-1)).toMatch(/^warning: no lifetime values/);
      expect(JSON.parse(tty.stdout).model.customers).toBe(12);
      const piped = await run(['report', 'clv', '--json']);
      expect(piped.stderr).not.toContain('fitting');
    } finally {
      clock.mockRestore();
    }
  });

  // Imports 2,357 customers' orders first: on a busy machine's PostgreSQL that alone can take half a minute.
  it('shows P(alive) but no spend or CLV when only the spend model is degenerate', { timeout: 90_000 }, async () => {
    const { home, run, json } = sandbox({ CRM_NOW: '1998-07-01T10:00:00Z' });
    // CDNOW's purchase days, with amounts from a tail so heavy (Pareto, index 0.6) that mean spend is infinite.
    const lines = readFileSync(new URL('../fixtures/CDNOW_sample.txt', import.meta.url), 'utf8').trim().split(/\r?\n/).map((l) => l.trim().split(/\s+/));
    const ids = [...new Set(lines.map((f) => f[0]!))];
    const price = new Map(ids.map((id, i) => [id, 5 / (((i * 0.618034) % 1) + 0.001) ** (1 / 0.6)]));
    const amount = (f: string[]) => (Math.round(price.get(f[0]!)! * (0.5 + ((Number(f[2]) * 0.618034) % 1)) * 100) / 100).toFixed(2);
    writeFileSync(join(home, 'heavy.csv'), ['customer,date,amount', ...lines.map((f) => `${f[0]},${f[2]},${amount(f)}`)].join('\n'));
    expect((await run(['order', 'import', join(home, 'heavy.csv'), '--create-customers', 'contact'])).exitCode).toBe(0);
    const r = await json(['report', 'clv', '--as-of', '1997-09-30']);
    expect([r.diagnosis.status, r.diagnosis.purchaseModel, r.diagnosis.spendModel]).toEqual(['degenerate', 'ok', 'degenerate']);
    expect(r.diagnosis.problems.map((p: any) => p.code)).toContain('infinite-mean-spend');
    expect(r.spendModel.q).toBeLessThanOrEqual(1);
    expect(r.customers.every((c: any) => c.expectedSpend === null && c.clv === null)).toBe(true);
    expect(r.customers.filter((c: any) => c.pAlive !== null).length).toBeGreaterThan(2000);
    // report churn fits the purchase model alone, and gives each customer it lists clv's P(alive).
    const churn = await json(['report', 'churn', '--as-of', '1997-09-30']);
    const alive = new Map(r.customers.map((c: any) => [`${c.kind}:${c.id}`, c.pAlive]));
    expect(churn.rows.length).toBeGreaterThan(100);
    expect(churn.rows.filter((c: any) => c.pAlive !== null).length).toBe(churn.rows.length);
    expect(churn.rows.map((c: any) => c.pAlive)).toEqual(churn.rows.map((c: any) => alive.get(`${c.kind}:${c.id}`)));
    const screen = await run(['report', 'clv', '--as-of', '1997-09-30', '--limit', '3'], { tty: true, env: { NO_COLOR: '1' } });
    expect(screen.stdout).toMatch(/^Customer +x +t_x +T +Spent +P\(alive\) +Purchases \(12 mo\) +Note$/m);
  });

  it('is documented in crm help report clv', async () => {
    const { run } = sandbox();
    const help = await run(['help', 'report', 'clv']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toMatch(/Degenerate fits:/);
    expect(help.stdout).toContain('"diagnosis": status, purchaseModel, spendModel');
  });

  it('says the CDNOW fit is sound', async () => {
    const { home, run, json } = sandbox({ CRM_NOW: '1998-07-01T10:00:00Z' });
    const rows = readFileSync(new URL('../fixtures/CDNOW_sample.txt', import.meta.url), 'utf8').trim().split(/\r?\n/)
      .map((l) => l.trim().split(/\s+/)).map((f) => `${f[0]},${f[2]},${f[4]}`);
    writeFileSync(join(home, 'cdnow.csv'), ['customer,date,amount', ...rows].join('\n'));
    expect((await run(['order', 'import', join(home, 'cdnow.csv'), '--create-customers', 'contact'])).exitCode).toBe(0);
    const r = await run(['report', 'clv', '--as-of', '1997-09-30', '--json']);
    expect(JSON.parse(r.stdout).diagnosis).toEqual({ status: 'ok', purchaseModel: 'ok', spendModel: 'ok', problems: [] });
    expect(r.stderr).toBe('');
  });
});
