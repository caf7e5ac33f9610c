import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../src/store/maintenance.js';
import { migrations } from '../../migrations/index.js';
import { TABLES } from '../../src/store/schema.js';
import { sandbox } from '../support/inprocess.js';
import { sqliteOnly } from '../support/engine.js';

type Sandbox = ReturnType<typeof sandbox>;

/**
 * A database with every kind of record: CJK text and line breaks, several currencies, a won deal with its order, a
 * repeating follow-up series, a saved RFM snapshot, history with updates and deletes, a consent-override note.
 */
async function richDatabase(): Promise<Sandbox> {
  const s = sandbox();
  await s.team('bob');
  const steps: string[][] = [
    ['company', 'add', 'Acme GmbH', '--domain', 'acme.example', '--industry', 'Manufacturing', '--wallet', '250,000', '--currency', 'EUR',
      '--tag', 'key-account', '--notes', 'First line\nsecond line\r\nthird'],
    ['company', 'add', '北京科技有限公司', '--domain', 'bj.example', '--address', '北京市朝阳区\n建国路 88 号', '--wallet', '5000000', '--currency', 'JPY'],
    ['company', 'add', 'Globex', '--domain', 'globex.example', '--industry', 'Logistics', '--size', '250', '--external-id', 'GX-1'],
    ['company', 'add', 'Gone Ltd'],
    ['contact', 'add', 'Zhang Wei 张伟', '--email', 'zw@acme.example', '--company', 'Acme GmbH', '--role', 'decision-maker', '--title', 'CEO',
      '--phone', '+86 10 8888 0000'],
    ['contact', 'add', 'Li Na', '--email', 'li@acme.example', '--email', 'li.na@acme.example', '--company', '1', '--reports-to', 'Zhang Wei 张伟',
      '--role', 'champion', '--title', 'Head of IT', '--tag', 'vip', '--tag', 'cn', '--notes', '喜欢喝茶\n周五不在'],
    ['contact', 'add', 'Tom Berg', '--email', 'tom@globex.example', '--company', 'Globex', '--consent', 'opted-out', '--do-not-contact'],
    ['contact', 'add', 'Temp Person', '--email', 'temp@example.com'],
    ['contact', 'edit', 'Li Na', '--add-phone', '+49 30 1234567', '--lifecycle', 'customer'],
    ['stage', 'add', 'Discovery', '--probability', '15', '--position', '2'],
    ['deal', 'add', 'Acme renewal', '--amount', '2,500', '--currency', 'EUR', '--company', 'Acme GmbH', '--contact', 'Li Na', '--stage', 'Lead',
      '--close', '2026-03-31', '--next-step', 'Call 张伟\nthen send quote'],
    ['deal', 'add', 'Globex rollout', '--amount', '12,500.50', '--company', 'Globex', '--stage', 'Lead', '--close', 'eom', '--source', 'referral'],
    ['deal', 'add', '北京 pilot', '--amount', '1,000,000', '--currency', 'JPY', '--company', '2', '--stage', 'Discovery', '--close', '2026-05-15'],
    ['deal', 'add', 'Scrap', '--amount', '1', '--company', 'Gone Ltd'],
    ['deal', 'move', 'Globex rollout', 'Proposal'],
    ['deal', 'win', 'Globex rollout'],
    ['deal', 'lose', '北京 pilot', '--reason', 'price'],
    ['deal', 'rm', 'Scrap', '--yes'],
    ['log', 'call', 'Globex', '--summary', 'Kickoff\nwith the whole team', '--satisfaction', '5', '--outcome', 'good'],
    ['log', 'meeting', 'Acme GmbH', '--summary', 'Demo 演示', '--at', '2026-03-12 10:00'],
    ['log', 'email', 'Tom Berg', '--summary', 'Invoice question', '--override-consent'],
    ['log', 'note', 'Li Na', '--summary', 'Prefers email'],
    ['followup', 'add', 'Send contract', '--due', 'tomorrow', '--company', 'Globex', '--repeat', '2w', '--notes', 'PDF\nand paper'],
    ['followup', 'done', 'Send contract'],
    ['followup', 'add', 'Call back', '--due', '2026-03-10', '--company', 'Acme GmbH', '--priority', 'high'],
    ['followup', 'add', 'Month end', '--due', '2026-03-31', '--contact', 'Li Na', '--repeat', '1m'],
    ['followup', 'snooze', 'Month end', '--until', '2026-04-02'],
    ['order', 'add', 'Acme GmbH', '--amount', '1,200', '--currency', 'EUR', '--date', '2025-06-01', '--reference', 'INV-1'],
    ['order', 'add', 'Acme GmbH', '--amount', '800.10', '--date', '2025-12-01', '--reference', 'INV-2'],
    ['order', 'add', '北京科技有限公司', '--amount', '50000', '--currency', 'JPY', '--date', '2026-01-15'],
    ['order', 'add', 'Globex', '--amount', '300', '--date', '2024-11-20'],
    ['quota', 'set', 'alice', '2026-Q1', '50,000'],
    ['quota', 'set', 'bob', '2026-03', '10,000', '--currency', 'EUR'],
    ['report', 'rfm', '--save', 'q1 基线'],
    ['company', 'edit', 'Globex', '--name', 'Globex Corp', '--add-tag', 'logistics'],
    ['contact', 'edit', 'Li Na', '--name', 'Li Na 李娜'],
    ['deal', 'edit', 'Acme renewal', '--title', 'Acme renewal 2026'],
    ['contact', 'rm', 'Temp Person', '--yes'],
    ['company', 'rm', 'Gone Ltd', '--yes'],
    // Settings the team shares live in the database, so a backup carries them.
    ['config', 'set', 'rates', 'EUR=1.08,JPY=0.0067'],
    ['config', 'set', 'lostReasons', 'price,competitor,timing,no-budget'],
  ];
  for (const argv of steps) {
    const r = await s.run(argv);
    expect(r.exitCode, `crm ${argv.join(' ')}: ${r.stderr}`).toBe(0);
  }
  return s;
}

/** Every read a script might run, as JSON (and a few as tables): what a restore must give back byte for byte. */
function reads(): string[][] {
  const json = (argv: string[]) => [...argv, '--json'];
  const shows = (noun: string, ids: number[]) => ids.map((id) => json([noun, 'show', String(id)]));
  const histories = (refs: string[]) => refs.map((r) => json(['history', r]));
  return [
    json(['company', 'list']), json(['company', 'list', '--sort', 'created', '--desc']), ...shows('company', [1, 2, 3]),
    json(['company', 'tree', 'Acme GmbH']),
    json(['contact', 'list']), json(['contact', 'list', '--tag', 'vip']), ...shows('contact', [1, 2, 3]),
    json(['deal', 'list', '--all']), ...shows('deal', [1, 2, 3]), json(['stage', 'list']),
    json(['log', 'list']), json(['followup', 'list', '--all']), json(['order', 'list']), json(['order', 'list', '--customer', 'Acme GmbH']),
    json(['quota', 'list']), json(['team', 'list']), json(['config', 'get', 'rates']), json(['config', 'get', 'lostReasons']),
    json(['search', 'acme']), json(['search', '张伟']), json(['search', 'contract']), json(['search', 'globex']), json(['search', 'call']), json(['search', '李娜']), json(['search', 'renewal']),
    json(['contact', 'list', '--search', 'tea']), json(['deal', 'list', '--all', '--search', 'quote']),
    ...histories(['Acme GmbH', 'Li Na', 'Globex Corp', 'Globex rollout', '北京 pilot', 'Send contract']),
    json(['agenda', '--week']), json(['agenda', '--month']), json(['agenda', '--year']),
    ...['pipeline', 'forecast', 'winloss', 'rfm', 'deciles', 'portfolio', 'loyalty', 'clv', 'activity'].map((r) => json(['report', r])),
    json(['report', 'rfm', '--compare', 'q1 基线']),
    ['contact', 'list', '--format', 'table'], ['deal', 'show', 'Globex rollout', '--format', 'table'], ['history', 'Tom Berg', '--format', 'table'],
  ];
}

describe('crm export backup / crm import backup', () => {
  it('restores every list, show, search, history, agenda and report byte for byte, and the next id after the last', async () => {
    const a = await richDatabase();
    const file = join(a.home, 'crm-backup.json');
    const exported = await a.run(['export', 'backup', '--output', file]);
    expect(exported.exitCode, exported.stderr).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // Nothing but the backup in its folder: the temporary file it was written to was renamed.
    expect(readdirSync(dirname(file)).filter((f) => f.includes('crm-backup'))).toEqual(['crm-backup.json']);
    const folder = await a.run(['export', 'backup', '--output', a.home]);
    expect([folder.exitCode, folder.stderr]).toEqual([2, `error: --output: ${a.home} is a folder (name a file, e.g. --output crm-backup.json)\n`]);
    const nowhere = await a.run(['export', 'backup', '--output', join(a.home, 'no', 'such.json')]);
    expect([nowhere.exitCode, nowhere.stderr]).toEqual([2, `error: --output: cannot write ${join(a.home, 'no', 'such.json')} (ENOENT) `
      + '(name a file in a folder that exists and that you can write to)\n']);

    const b = sandbox();
    const restored = await b.run(['import', 'backup', file, '--json']);
    expect(restored.exitCode, restored.stderr).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({ file, schema: Object.keys(migrations).length, migrated: [], replaced: false });

    for (const argv of reads()) {
      const [ra, rb] = [await a.run(argv), await b.run(argv)];
      // Too few customers for the lifetime-value model: the same refusal from both.
      expect(ra.exitCode, `crm ${argv.join(' ')}: ${ra.stderr}`).toBe(argv.includes('clv') ? 2 : 0);
      expect(rb, `crm ${argv.join(' ')}`).toEqual(ra);
    }
    const check = await b.json(['db', 'check']);
    expect(check).toMatchObject({ ok: true, integrity: ['ok'], foreignKeyViolations: 0, migrationsPending: [] });

    // The deleted contact #4 and company #4 keep their ids used: the next of each is #5 in both databases.
    for (const s of [a, b]) {
      expect((await s.run(['contact', 'add', 'After Restore', '-q'])).stdout).toBe('5\n');
      expect((await s.run(['company', 'add', 'After Co', '-q'])).stdout).toBe('5\n');
      expect((await s.run(['deal', 'add', 'After deal', '--amount', '1', '-q'])).stdout).toBe('5\n');
    }
    // The next change set and journal entry follow on too (the new record's UUID is its own, of course).
    const ids = async (s: Sandbox) => (await s.json(['history', 'After Restore'])).map((e: any) => [e.id, e.changeSet]);
    expect(await ids(b)).toEqual(await ids(a));
  }, 60_000); // some 70 reads twice: on a team server with the machine busy, more than the default 30 s

  it('writes one versioned JSON document with every table, ids, uuids, money in minor units and text exactly', async () => {
    const a = await richDatabase();
    const r = await a.run(['export', 'backup']);
    expect(r.exitCode, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ format: 'crm-backup', version: 1, schema: Object.keys(migrations).length, exportedAt: '2026-03-11T10:30:00.000Z', exportedBy: 'alice' });
    expect(Object.keys(doc.tables)).toEqual(TABLES);
    expect(TABLES.slice(0, 16)).toEqual(['company', 'contact', 'contact_email', 'contact_phone', 'tag', 'stage', 'deal', 'deal_stage_change',
      'activity', 'followup', 'orders', 'quota', 'change_set', 'journal', 'rfm_snapshot', 'rfm_snapshot_member']);
    expect(doc.sequences).toMatchObject({ company: 4, contact: 4, deal: 4 });
    const acme = doc.tables.company.find((c: any) => c.id === 1);
    expect(acme).toMatchObject({ name: 'Acme GmbH', wallet_minor: 25000000, currency: 'EUR', notes: 'First line\nsecond line\r\nthird', size: null });
    expect(acme.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(doc.tables.company.map((c: any) => c.id)).toEqual([1, 2, 3]);
    expect(doc.tables.deal.find((d: any) => d.title === '北京 pilot')).toMatchObject({ amount_minor: 1000000, currency: 'JPY' });
    expect(doc.tables.orders.find((o: any) => o.source === 'win')).toMatchObject({ amount_minor: 1250050, deal_id: 2 });
    expect(doc.tables.change_set.some((c: any) => typeof c.note === 'string' && c.note.length > 0)).toBe(true);
    expect(doc.tables.rfm_snapshot.map((s: any) => s.name)).toEqual(['q1 基线']);
    expect(doc.tables.rfm_snapshot_member.length).toBeGreaterThan(0);
    expect(doc.tables.team_member.map((m: any) => [m.name, m.role])).toEqual([['bob', 'rep']]);
    expect(doc.tables.setting.map((s: any) => [s.key, JSON.parse(s.value), s.updated_by]).sort()).toEqual([
      ['lostReasons', ['price', 'competitor', 'timing', 'no-budget'], 'alice'], ['rates', { EUR: 1.08, JPY: 0.0067 }, 'alice']]);
    // No search index and no migration bookkeeping: the search index is rebuilt on restore.
    expect(r.stdout).not.toMatch(/search_index|kysely_migration/);
    // One row a line: a backup reads in a pager and diffs line by line.
    expect(r.stdout.split('\n').filter((l) => l.startsWith('{"id":1,"name":"Acme GmbH"'))).toHaveLength(1);

    // A restored database exports the same document again.
    const file = join(a.home, 'b.json');
    writeFileSync(file, r.stdout);
    const b = sandbox();
    expect((await b.run(['import', 'backup', file])).exitCode).toBe(0);
    expect((await b.run(['export', 'backup'])).stdout).toBe(r.stdout);
  });

  sqliteOnly('counts a fresh database as empty, refuses one with data (exit 4, naming it) unless --force, and keeps a copy', async () => {
    const a = await richDatabase();
    const file = join(a.home, 'backup.json');
    await a.run(['export', 'backup', '--output', file]);

    const b = sandbox();
    await b.run(['stage', 'list']); // creates the database with its default stages only
    expect((await b.run(['import', 'backup', file])).exitCode).toBe(0);
    expect(await b.json(['stage', 'list'])).toEqual(await a.json(['stage', 'list']));

    const c = sandbox();
    await c.run(['company', 'add', 'Mine']);
    await c.run(['contact', 'add', 'Me Too']);
    await c.run(['contact', 'add', 'And Me']);
    const refused = await c.run(['import', 'backup', file]);
    expect(refused.exitCode).toBe(4);
    expect(refused.stderr).toBe(`error: ${c.dbPath} holds 1 company, 2 contacts and 3 change sets; a backup restores only into an empty database `
      + `(pass --force to replace them, keeping a copy in backups/ beside the database, or restore into a new file with --db)\n`);
    expect(await c.json(['company', 'list'])).toHaveLength(1);

    const forced = await c.json(['import', 'backup', file, '--force']);
    expect(forced).toMatchObject({ replaced: true });
    expect(existsSync(forced.copy)).toBe(true);
    expect(dirname(forced.copy)).toBe(join(dirname(c.dbPath), 'backups'));
    expect(await c.json(['company', 'list'])).toEqual(await a.json(['company', 'list']));
    expect(await c.json(['history', 'Li Na'])).toEqual(await a.json(['history', 'Li Na']));
    expect(await c.json(['search', 'acme'])).toEqual(await a.json(['search', 'acme']));
  });

  it('fails on a truncated, corrupted, foreign or newer backup with exit 2 and leaves the target as it was', async () => {
    const a = await richDatabase();
    const text = (await a.run(['export', 'backup'])).stdout;
    const b = sandbox();
    const put = (name: string, content: string) => {
      const path = join(b.home, name);
      writeFileSync(path, content);
      return path;
    };
    const cases: [string, string, RegExp][] = [
      ['truncated.json', text.slice(0, Math.floor(text.length * 0.6)), /truncated\.json ends inside table \w+ at line \d+: the backup is incomplete/],
      ['half-row.json', text.slice(0, text.indexOf('"name":"Li Na 李娜"') + 10), /half-row\.json ends inside table contact at line \d+: the backup is incomplete/],
      ['corrupt.json', text.replace('"name":"Globex Corp"', '"name":"Globex Corp",,'), /corrupt\.json: line \d+: not valid JSON/],
      ['no-end.json', text.trimEnd().slice(0, -1), /no-end\.json ends before the document does: the backup is incomplete/],
      ['other.json', '{"format":"something-else","version":1,"schema":5,"tables":{}}', /other\.json is not a crm backup \(format "something-else"\)/],
      ['array.json', '[1,2,3]', /array\.json is not a crm backup/],
      ['newer.json', text.replace('"version":1,', '"version":2,'), /newer\.json is a crm backup of format version 2; this crm reads version 1/],
      ['newer-schema.json', text.replace(`"schema":${Object.keys(migrations).length},`, '"schema":99,'),
        new RegExp(`newer-schema\\.json was written at schema 99; this crm knows schema ${Object.keys(migrations).length}`)],
      ['bad-table.json', text.replace('"quota":[', '"quotas":['), new RegExp(`bad-table\\.json: table quotas is not a table of schema ${Object.keys(migrations).length}`)],
      ['bad-column.json', text.replace('"name":"Globex Corp"', '"nam":"Globex Corp"'), /bad-column\.json: table company has no column nam/],
    ];
    await b.run(['company', 'add', 'Keep me']);
    const before = await b.json(['company', 'list']);
    for (const [name, content, message] of cases) {
      const r = await b.run(['import', 'backup', put(name, content), '--force']);
      expect(r.exitCode, `${name}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(await b.json(['company', 'list'])).toEqual(before);
    }
    // A new file is not left behind by a failed restore.
    const fresh = join(b.home, 'fresh.db');
    const r = await b.run(['import', 'backup', join(b.home, 'truncated.json'), '--db', fresh]);
    expect(r.exitCode).toBe(2);
    expect(existsSync(fresh)).toBe(false);
    expect(readFileSync(join(b.home, 'truncated.json'), 'utf8').length).toBeGreaterThan(0);
  });

  sqliteOnly('rebuilds the search index a demo wrote, entry for entry', async () => {
    const a = sandbox();
    const demo = join(a.home, 'demo.db');
    expect((await a.run(['demo', '--db', demo])).exitCode).toBe(0);
    const file = join(a.home, 'demo.json');
    expect((await a.run(['export', 'backup', '--db', demo, '--output', file])).exitCode).toBe(0);
    const b = sandbox();
    expect((await b.run(['import', 'backup', file])).exitCode).toBe(0);
    const index = (path: string) => {
      const db = new Database(path, { readonly: true });
      const rows = db.prepare('select rowid, kind, ref_id, title, body from search_index order by rowid').raw(true).all();
      db.close();
      return rows;
    };
    const entries = index(demo);
    expect(entries.length).toBeGreaterThan(300);
    expect(index(b.dbPath)).toEqual(entries);
  });

  it('reads standard input with -', async () => {
    const a = await richDatabase();
    const text = (await a.run(['export', 'backup'])).stdout;
    const b = sandbox();
    expect((await b.run(['import', 'backup', '-'], { input: text })).exitCode).toBe(0);
    expect(await b.json(['deal', 'list', '--all'])).toEqual(await a.json(['deal', 'list', '--all']));
  });
});
