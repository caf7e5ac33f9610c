import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dumpDatabase } from '../support/dump.js';
import { sandbox } from '../support/inprocess.js';
import { SCHEMA_VERSIONS } from '../support/upgrade-fixtures.js';

// Issue 17, "Upgrades keep everything": automatic backups before a migration rotate (the newest five are kept), and
// `crm db restore FILE` puts a backup back in one step, refusing anything that is not a crm database.

const FIXTURES = new URL('../fixtures/upgrade/', import.meta.url).pathname;

describe('automatic backups before a migration', () => {
  it('keep the newest five; backups made with crm db backup are never removed', async () => {
    const { json, home } = sandbox();
    const db = join(home, 'crm.db');
    copyFileSync(join(FIXTURES, `schema-${SCHEMA_VERSIONS - 1}.db`), db);
    chmodSync(db, 0o600);
    const folder = join(home, 'backups');
    mkdirSync(folder, { mode: 0o700 });
    const old = ['20240101T000000Z-before-0002_pipeline', '20240201T000000Z-before-0003_rfm_snapshots', '20240301T000000Z-before-0004_series_and_notes',
      '20240401T000000Z-before-0005_uuids', '20240501T000000Z-before-restore', '20240601T000000Z-before-0005_uuids'].map((s) => `crm-${s}.db`);
    for (const f of [...old, 'crm-20230101T000000Z.db', 'other-20240101T000000Z-before-0002_pipeline.db']) writeFileSync(join(folder, f), 'x');
    const { backup } = await json(['db', 'migrate', '--db', db]);
    expect(readdirSync(folder).sort()).toEqual([...old.slice(2), backup.slice(folder.length + 1), 'crm-20230101T000000Z.db',
      'other-20240101T000000Z-before-0002_pipeline.db'].sort());
  });
});

describe('crm db restore FILE', () => {
  it('puts a backup in place of the database, in one step, after backing up the one it replaces', async () => {
    const { run, json, home, dbPath } = sandbox();
    await run(['contact', 'add', 'Ann', '--email', 'ann@example.com']);
    const saved = join(home, 'saved.db');
    await run(['db', 'backup', saved]);
    const atBackup = dumpDatabase(dbPath);
    await run(['contact', 'add', 'Bob']);
    await run(['contact', 'edit', 'Ann', '--title', 'CEO']);
    const beforeRestore = dumpDatabase(dbPath);

    const r = await json(['db', 'restore', saved, '--yes']);
    expect(r).toMatchObject({ file: saved, database: dbPath, schema: SCHEMA_VERSIONS });
    expect(r.backup).toMatch(/\/backups\/crm-\d{8}T\d{6}Z-before-restore\.db$/);
    expect(dumpDatabase(dbPath)).toBe(atBackup);
    expect(dumpDatabase(r.backup)).toBe(beforeRestore);
    expect(statSync(dbPath).mode & 0o777).toBe(0o600);
    // The restored database works: reads, history, writes; and the replaced one can be restored in turn.
    expect((await json(['contact', 'list'])).map((c: { name: string }) => c.name)).toEqual(['Ann']);
    expect(await json(['history', 'Ann'])).toHaveLength(1);
    expect((await run(['contact', 'add', 'Cy', '-q'])).stdout).toBe('2\n');
    await json(['db', 'restore', r.backup, '--yes']);
    expect((await json(['contact', 'list'])).map((c: { name: string }) => c.name)).toEqual(['Ann', 'Bob']);
    // No temporary file is left beside the database.
    expect(readdirSync(join(dbPath, '..')).filter((f) => f.includes('restore'))).toEqual([]);
  });

  it('restores a backup of an older schema, which the next command migrates', async () => {
    const { run, json, dbPath } = sandbox();
    await run(['contact', 'add', 'Zed']);
    await json(['db', 'restore', join(FIXTURES, 'schema-2.db'), '--yes']);
    const report = await json(['db', 'migrate']);
    expect(report.applied).toHaveLength(SCHEMA_VERSIONS - 2);
    expect((await json(['contact', 'list'])).map((c: { name: string }) => c.name)).toEqual(['Ann Lee', 'Bo Müller', '佐藤 花子']);
    expect(new Database(dbPath, { readonly: true }).pragma('user_version', { simple: true })).toBe(SCHEMA_VERSIONS);
  });

  it('refuses what is not a crm database, a newer one, a missing file, and a restore without --yes, changing nothing', async () => {
    const { run, home, dbPath } = sandbox();
    await run(['contact', 'add', 'Ann']);
    const text = join(home, 'notes.db');
    writeFileSync(text, 'not a database at all\n');
    const foreign = join(home, 'foreign.db');
    const f = new Database(foreign);
    f.exec('create table t (x); insert into t values (1)');
    f.close();
    const newer = join(home, 'newer.db');
    await run(['db', 'backup', newer]);
    const n = new Database(newer);
    n.pragma('user_version = 99');
    n.close();
    const before = readFileSync(dbPath);
    const cases: [string[], number, string][] = [
      [['db', 'restore', text, '--yes'], 2, `error: FILE: ${text} is not a crm database (not a SQLite file)`],
      [['db', 'restore', foreign, '--yes'], 2, `error: FILE: ${foreign} is not a crm database (it has no crm migrations)`],
      [['db', 'restore', newer, '--yes'], 2, `error: FILE: ${newer} was written by a newer crm (schema 99, this crm knows ${SCHEMA_VERSIONS})`],
      [['db', 'restore', join(home, 'missing.db'), '--yes'], 3, `error: FILE: ${join(home, 'missing.db')} does not exist`],
      [['db', 'restore', home, '--yes'], 2, `error: FILE: ${home} is not a crm database (not a regular file)`],
      [['db', 'restore', newer], 2, 'error: will not replace the database without confirmation'],
    ];
    for (const [args, exit, line] of cases) {
      const r = await run(args);
      expect([r.exitCode, r.stderr.split(/ \((give|upgrade|pass) /)[0]], args.join(' ')).toEqual([exit, line]);
      expect(r.stderr.split('\n')).toHaveLength(2);
    }
    expect(readFileSync(dbPath).equals(before)).toBe(true);
    expect(readdirSync(home).filter((x) => x.includes('restore'))).toEqual([]);
  });

  it('waits for, then refuses, a database another crm is working on', async () => {
    const { run, home, dbPath } = sandbox();
    await run(['contact', 'add', 'Ann']);
    const saved = join(home, 'saved.db');
    await run(['db', 'backup', saved]);
    const other = new Database(dbPath);
    other.prepare('select count(*) from contact').get();
    try {
      const r = await run(['db', 'restore', saved, '--yes']);
      expect([r.exitCode, r.stderr]).toEqual([4, `error: another crm is working on ${dbPath}; nothing was restored ` +
        '(wait for it to finish, then run the restore again)\n']);
      expect(other.prepare('select name from contact').pluck().all()).toEqual(['Ann']);
    } finally {
      other.close();
    }
  });
});
