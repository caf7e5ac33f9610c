import { describe, expect, it } from 'vitest';
import { databaseUrl, ensureRole, freshDatabase } from '../support/engine.js';
import { sandbox } from '../support/inprocess.js';

/**
 * The contract of issue 16: the same scenario gives byte-identical --json on SQLite and PostgreSQL for every list,
 * show, search, agenda and report. The scenario is the demo (every kind of record, history, repeats, refunds).
 */
describe('SQLite and PostgreSQL give the same output', () => {
  it('for every list, show, search, agenda and report of the demo, byte for byte', async () => {
    const lite = sandbox();
    const pg = sandbox();
    await ensureRole('alice');
    const url = databaseUrl(await freshDatabase(), 'alice');
    const file = `${lite.home}/demo.db`;
    expect((await lite.run(['demo', '--db', file])).exitCode).toBe(0);
    expect((await pg.run(['demo', '--db', url])).exitCode).toBe(0);

    const reads: string[][] = [
      ['company', 'list'], ['company', 'list', '--sort', 'created', '--desc'], ['contact', 'list'], ['contact', 'list', '--sort', 'created'],
      ['deal', 'list', '--all'], ['deal', 'list', '--sort', 'amount', '--desc'], ['followup', 'list'], ['followup', 'list', '--all'],
      ['order', 'list'], ['quota', 'list'], ['stage', 'list'],
      ['agenda'], ['agenda', '--week'], ['agenda', '--month'], ['agenda', '--year'],
      ['report', 'pipeline'], ['report', 'forecast'], ['report', 'winloss'], ['report', 'activity'], ['report', 'rfm'],
      ['report', 'deciles'], ['report', 'portfolio'], ['report', 'loyalty'], ['report', 'clv'],
      ['report', 'campaigns'], ['report', 'campaign', 'Winter win-back'], ['report', 'campaign', 'Partner day'], ['report', 'cross-sell'],
      ['report', 'churn'], ['next'], ['product', 'list'], ['campaign', 'list'], ['campaign', 'members', 'Winter win-back'],
      ['company', 'dupes'], ['contact', 'dupes'],
      ...['a', 'co', 'acme', 'call', 'renewal', 'example', 'inc', 'meeting', 'email', 'lead', 'gmbh', 'de', '1'].map((w) => ['search', w]),
      ['search', 'a', '--limit', '100'], ['search', 'e', '--kind', 'activity', '--limit', '200'],
    ];
    // Every fifth record of each kind, shown, with its history.
    for (const kind of ['company', 'contact', 'deal', 'followup']) {
      const ids = (await lite.json([kind, 'list', ...(kind === 'deal' || kind === 'followup' ? ['--all'] : []), '--db', file])).map((r: { id: number }) => r.id);
      for (const id of ids.filter((_: number, i: number) => i % 5 === 0)) {
        if (kind !== 'followup') reads.push([kind, 'show', String(id)]);
        reads.push(['history', `${kind}:${id}`]);
      }
    }
    const differ: string[] = [];
    for (const args of reads) {
      const a = await lite.run([...args, '--json', '--db', file]);
      const b = await pg.run([...args, '--json', '--db', url]);
      expect(a.exitCode, `${args.join(' ')}: ${a.stderr}`).toBe(0);
      if (a.stdout !== b.stdout || b.exitCode !== 0) differ.push(args.join(' '));
      else expect(b.stdout).toBe(a.stdout);
    }
    // One line per read that differs, so a failure names them all.
    if (differ.length) {
      const first = differ[0]!.split(' ');
      const a = await lite.run([...first, '--json', '--db', file]);
      const b = await pg.run([...first, '--json', '--db', url]);
      expect(b.stdout, `differ: ${differ.join('; ')}`).toBe(a.stdout);
    }
    expect(reads.length).toBeGreaterThan(60);
  }, 300_000);

  it('sorts text byte by byte and NULLs first, and searches accents and CJK alike', async () => {
    const lite = sandbox();
    const pg = sandbox();
    await ensureRole('alice');
    const url = databaseUrl(await freshDatabase(), 'alice');
    const file = `${lite.home}/mixed.db`;
    const script: string[][] = [
      // The team's settings are the database's: the same value gives the same amounts, periods and conversions.
      ['config', 'set', 'currency', 'EUR'], ['config', 'set', 'fiscalYearStart', '4'], ['config', 'set', 'rates', 'USD=0.92,JPY=0.0061'],
      ['config', 'set', 'lostReasons', 'price,timing'],
      ['company', 'add', 'Zeta'], ['company', 'add', 'alpha'], ['company', 'add', 'Äpfel GmbH', '--domain', 'apfel.example'],
      ['company', 'add', 'émile & fils'], ['company', 'add', 'Bob'], ['company', 'add', '张伟贸易'], ['company', 'add', '_under'],
      ['contact', 'add', 'Zoë Émond', '--company', 'Zeta'], ['contact', 'add', 'adam', '--title', 'CEO'],
      ['deal', 'add', 'Later', '--amount', '5'], ['deal', 'add', 'Soon', '--amount', '7', '--close', '2026-03-20'],
      ['deal', 'add', 'big', '--amount', '99999999999.99'],
      ['followup', 'add', 'Call Zoë', '--due', 'tomorrow'], ['followup', 'add', 'call adam', '--due', 'tomorrow'],
    ];
    for (const args of script) {
      expect((await lite.run([...args, '--db', file])).exitCode).toBe(0);
      expect((await pg.run([...args, '--db', url])).exitCode, args.join(' ')).toBe(0);
    }
    for (const args of [['company', 'list'], ['company', 'list', '--desc'], ['contact', 'list'], ['deal', 'list', '--all'],
      ['deal', 'list', '--sort', 'close'], ['deal', 'list', '--sort', 'close', '--desc'], ['followup', 'list'], ['agenda', '--week'],
      ['search', 'apfel'], ['search', 'emile'], ['search', 'zoe'], ['search', '张伟'], ['report', 'pipeline'], ['report', 'forecast'],
      ['config', 'get', 'currency'], ['config', 'get', 'rates'], ['config', 'get', 'fiscalYearStart'], ['config', 'get', 'lostReasons']]) {
      const a = await lite.run([...args, '--json', '--db', file]);
      const b = await pg.run([...args, '--json', '--db', url]);
      // Records added one by one get random UUIDs (the demo's are seeded).
      const same = (text: string) => text.replace(/"uuid":"[^"]+"/g, '"uuid":"…"');
      expect(same(b.stdout), args.join(' ')).toBe(same(a.stdout));
    }
  }, 120_000);
});
