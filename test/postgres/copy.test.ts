import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseUrl, ensureRole, freshDatabase } from '../support/engine.js';
import { sandbox } from '../support/inprocess.js';

const REPORTS = [['report', 'pipeline'], ['report', 'forecast'], ['report', 'winloss'], ['report', 'activity'], ['report', 'rfm'],
  ['report', 'deciles'], ['report', 'portfolio'], ['report', 'loyalty'], ['report', 'clv'], ['contact', 'list'], ['deal', 'list', '--all'],
  ['order', 'list'], ['agenda', '--month'], ['search', 'acme'], ['history', 'deal:3']];

describe('crm db copy', () => {
  it('moves a file to an empty server and back: history, UUIDs, segmentations and every report the same', async () => {
    const s = sandbox();
    await ensureRole('alice');
    const url = databaseUrl(await freshDatabase(), 'alice');
    const file = join(s.home, 'laptop.db');
    expect((await s.run(['demo', '--db', file])).exitCode).toBe(0);
    expect((await s.run(['report', 'rfm', '--save', 'q1', '--db', file])).exitCode).toBe(0);
    expect((await s.run(['company', 'add', 'Temp', '--db', file])).exitCode).toBe(0);
    expect((await s.run(['company', 'rm', 'Temp', '--yes', '--db', file])).exitCode).toBe(0);
    // The team's settings and roster are the database's, so they move with it.
    expect((await s.run(['config', 'set', 'rates', 'EUR=1.1,PLN=0.25', '--db', file])).exitCode).toBe(0);
    expect((await s.run(['team', 'add', 'zoe', '--role', 'manager', '--db', file])).exitCode).toBe(0);

    const up = await s.json(['db', 'copy', '--to', url, '--db', file]);
    expect(up).toMatchObject({ from: file, to: url, migrated: [], rows: { company: 12, rfm_snapshot: 1, setting: 1, team_member: 1 } });
    expect(await s.json(['config', 'get', 'rates', '--db', url])).toEqual({ key: 'rates', value: { EUR: 1.1, PLN: 0.25 }, source: 'database' });
    expect(up.total).toBe(Object.values(up.rows as Record<string, number>).reduce((a, b) => a + b, 0));
    for (const args of [...REPORTS, ['report', 'rfm', '--compare', 'q1']]) {
      const a = await s.run([...args, '--json', '--db', file]);
      const b = await s.run([...args, '--json', '--db', url]);
      expect(b.stdout, args.join(' ')).toBe(a.stdout);
    }
    // Every row of every table, history and UUIDs included (rows of tables without ids in any order).
    const everything = async (db: string) => {
      const doc = JSON.parse((await s.run(['export', 'backup', '--db', db])).stdout);
      return Object.fromEntries(Object.entries(doc.tables as Record<string, unknown[]>).map(([t, rows]) => [t, rows.map((r) => JSON.stringify(r)).sort()]));
    };
    expect(await everything(url)).toEqual(await everything(file));
    // The next record takes the id after the last one the laptop handed out (13, removed), on both.
    expect((await s.json(['company', 'add', 'Next', '--db', file])).id).toBe((await s.json(['company', 'add', 'Next', '--db', url])).id);

    // A target with data is refused, naming what it holds; nothing is written.
    const again = await s.run(['db', 'copy', '--to', url, '--db', file]);
    expect(again.exitCode).toBe(4);
    expect(again.stderr).toMatch(/^error: postgresql:\/\/\/\S+ holds 13 companies, .*; crm db copy fills only an empty database \(/);

    const back = join(s.home, 'back.db');
    expect((await s.run(['db', 'copy', '--from', url, '--db', back])).exitCode).toBe(0);
    for (const args of REPORTS) {
      expect((await s.run([...args, '--json', '--db', back])).stdout, args.join(' ')).toBe((await s.run([...args, '--json', '--db', url])).stdout);
    }
  }, 120_000);

  it('needs exactly one of --to and --from, and a source that exists', async () => {
    const s = sandbox();
    const neither = await s.run(['db', 'copy']);
    expect([neither.exitCode, neither.stderr.split(' (')[0]]).toEqual([2, 'error: crm db copy needs one of --to DB or --from DB']);
    expect((await s.run(['db', 'copy', '--to', 'a.db', '--from', 'b.db'])).exitCode).toBe(2);
    const missing = await s.run(['db', 'copy', '--from', join(s.home, 'nope.db')]);
    expect([missing.exitCode, missing.stderr.split(' (')[0]]).toEqual([3, `error: ${join(s.home, 'nope.db')}: no such database to copy from`]);
  });
});
