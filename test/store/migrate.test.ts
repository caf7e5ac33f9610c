import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.js';
import { MIGRATION_NAMES } from '../../migrations/names.js';
import { migrate } from '../../src/store/sqlite/migrate.js';
import { openSqlite } from '../../src/store/sqlite/open.js';

const now = new Date('2026-03-15T10:00:00Z');
const tmp = () => mkdtempSync(join(tmpdir(), 'crm-store-'));

describe('migrations', () => {
  it('lists every migration by name, in order, for the open that loads none of them', () => {
    expect(Object.keys(migrations)).toEqual(MIGRATION_NAMES);
  });

  it('creates a new database with mode 0600 and records every migration', async () => {
    const path = join(tmp(), 'sub', 'crm.db');
    const h = openSqlite(path);
    const report = await migrate(h, path, now);
    expect(report).toEqual({ applied: Object.keys(migrations), backup: null });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(h.raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(h.raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(h.raw.prepare('select name from kysely_migration').pluck().all()).toEqual(Object.keys(migrations));
    // A second open does nothing.
    expect(await migrate(h, path, now)).toEqual({ applied: [], backup: null });
    h.raw.close();
  });

  it('backs up a database that holds data before applying a new migration', async () => {
    const dir = tmp();
    const path = join(dir, 'crm.db');
    const h = openSqlite(path);
    await migrate(h, path, now);
    h.raw.prepare(`insert into company (name, name_key, owner, created_at, updated_at, created_by, updated_by)
      values ('Acme', 'acme', 'a', 'x', 'x', 'a', 'a')`).run();
    const next = {
      ...migrations,
      '0099_test': { up: async (db: Kysely<any>) => { await sql`alter table company add column extra text`.execute(db); } },
    };
    const report = await migrate(h, path, now, next);
    expect(report.applied).toEqual(['0099_test']);
    expect(report.backup).toBe(join(dir, 'backups', 'crm-20260315T100000Z-before-0099_test.db'));
    const copy = new Database(report.backup!, { readonly: true });
    expect(copy.prepare('select name from company').pluck().all()).toEqual(['Acme']);
    expect(copy.prepare("select count(*) from pragma_table_info('company') where name = 'extra'").pluck().get()).toBe(0);
    copy.close();
    h.raw.close();
  });

  it('refuses a SQLite database of another program and one from a newer crm', async () => {
    const dir = tmp();
    const other = join(dir, 'other.db');
    const o = new Database(other);
    o.exec('create table t (x); insert into t values (1)');
    o.close();
    const h = openSqlite(other);
    await expect(migrate(h, other, now)).rejects.toThrow(/SQLite database of another program/);
    h.raw.close();

    const newer = join(dir, 'newer.db');
    const n = openSqlite(newer);
    n.raw.pragma('user_version = 999');
    await expect(migrate(n, newer, now)).rejects.toThrow(/written by a newer crm/);
    n.raw.close();
    expect(readdirSync(dir).some((f) => f === 'backups')).toBe(false);
    expect(existsSync(join(dir, 'newer.db'))).toBe(true);
  });
});
