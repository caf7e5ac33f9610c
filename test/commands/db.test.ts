import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';

describe('crm db', () => {
  it('locates the database: --db > CRM_DB > config > XDG default', async () => {
    const { run, json, home, dbPath } = sandbox();
    expect(await json(['db', 'path'])).toEqual({ path: dbPath, source: 'default', exists: false });
    expect((await run(['db', 'path'])).stdout).toBe(`${dbPath}\n`);
    await run(['config', 'set', 'db', '~/team.db']);
    expect(await json(['db', 'path'])).toMatchObject({ path: join(home, 'team.db'), source: 'config' });
    expect(await json(['db', 'path'], { env: { CRM_DB: join(home, 'env.db') } })).toMatchObject({ path: join(home, 'env.db'), source: 'env' });
    expect(await json(['db', 'path', '--db', 'flag.db'], { env: { CRM_DB: join(home, 'env.db') } }))
      .toMatchObject({ path: join(home, 'flag.db'), source: 'flag' });
    // And the data really goes there.
    await run(['company', 'add', 'Acme', '--db', 'flag.db']);
    expect(existsSync(join(home, 'flag.db'))).toBe(true);
    expect(await json(['company', 'list'])).toEqual([]);
    expect(await json(['company', 'list', '--db', 'flag.db'])).toHaveLength(1);
  });

  it('creates the database with mode 0600, in WAL mode', async () => {
    const { run, dbPath } = sandbox();
    await run(['company', 'add', 'Acme']);
    expect(statSync(dbPath).mode & 0o777).toBe(0o600);
    const db = new Database(dbPath, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('select name from kysely_migration').pluck().all()).toEqual(['0001_initial', '0002_pipeline', '0003_rfm_snapshots', '0004_series_and_notes', '0005_uuids', '0006_history_insert_only', '0007_team']);
    db.close();
  });

  it('checks integrity and schema', async () => {
    const { run, json, dbPath } = sandbox();
    await run(['company', 'add', 'Acme']);
    await run(['contact', 'add', 'Li Na', '--company', 'Acme']);
    expect(await json(['db', 'check'])).toEqual({
      path: dbPath, ok: true, integrity: ['ok'], foreignKeyViolations: 0, migrationsApplied: ['0001_initial', '0002_pipeline', '0003_rfm_snapshots', '0004_series_and_notes', '0005_uuids', '0006_history_insert_only', '0007_team'],
      migrationsPending: [], companies: 1, contacts: 1, bytes: statSync(dbPath).size,
    });
    const db = new Database(dbPath);
    db.pragma('foreign_keys = OFF');
    db.exec('update contact set company_id = 99');
    db.close();
    const bad = await run(['db', 'check', '--json']);
    expect(bad.exitCode).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, foreignKeyViolations: 1 });
  });

  it('backs up to backups/ beside the database, or to a given file, never overwriting', async () => {
    const { run, json, home, dbPath } = sandbox();
    await run(['company', 'add', 'Acme']);
    const b = await json(['db', 'backup']);
    expect(b.path).toBe(join(home, 'data', 'crm', 'backups', 'crm-20260311T103000Z.db'));
    const copy = new Database(b.path, { readonly: true });
    expect(copy.prepare('select name from company').pluck().all()).toEqual(['Acme']);
    copy.close();
    expect(b.bytes).toBe(statSync(b.path).size);
    expect((await json(['db', 'backup', 'mine.db'])).path).toBe(join(home, 'mine.db'));
    const again = await run(['db', 'backup', 'mine.db']);
    expect([again.exitCode, again.stderr]).toEqual([4, `error: ${join(home, 'mine.db')} already exists (name a new file; backups never overwrite)\n`]);
    expect(statSync(dbPath).size).toBeGreaterThan(0);
  });

  it('migrates on open and reports it', async () => {
    const { json } = sandbox();
    expect(await json(['db', 'migrate'])).toEqual({ applied: ['0001_initial', '0002_pipeline', '0003_rfm_snapshots', '0004_series_and_notes', '0005_uuids', '0006_history_insert_only', '0007_team'], backup: null, version: 7 });
    expect(await json(['db', 'migrate'])).toEqual({ applied: [], backup: null, version: 7 });
  });

  it('refuses a directory or a file that is not SQLite, changing nothing', async () => {
    const { run, home } = sandbox();
    mkdirSync(join(home, 'folder'));
    const dir = await run(['company', 'list', '--db', join(home, 'folder')]);
    expect([dir.exitCode, dir.stderr]).toEqual([2,
      `error: database path ${join(home, 'folder')} is a directory (pass a file path, e.g. --db ${join(home, 'folder')}/crm.db)\n`]);
    const text = join(home, 'notes.txt');
    writeFileSync(text, 'not a database, just notes\n'.repeat(100));
    const notDb = await run(['company', 'add', 'X', '--db', text]);
    expect(notDb.exitCode).toBe(2);
    expect(notDb.stderr).toBe(`error: ${text} is not a crm database (not a SQLite file) (point --db or CRM_DB at a crm database file, or at a path where a new one may be created)\n`);
    expect(readFileSync(text, 'utf8')).toBe('not a database, just notes\n'.repeat(100));
    expect(existsSync(`${text}-wal`)).toBe(false);
  });
});
