import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.js';
import { dumpDatabase } from '../support/dump.js';
import { sandbox } from '../support/inprocess.js';
import { FIXTURE_ROWS, SCHEMA_VERSIONS } from '../support/upgrade-fixtures.js';

// Issue 17, "Upgrades keep everything": a database made by every schema version since 0001 (test/fixtures/upgrade,
// made by `npm run upgrade-fixtures`) migrates to the current one with every record, history entry, snapshot and
// search entry intact, and a database from a newer crm is refused without being touched.

const FIXTURES = new URL('../fixtures/upgrade/', import.meta.url).pathname;
const names = Object.keys(migrations);

/** Every row of every table of ours, as objects by column, in rowid order. */
function rows(path: string): Record<string, Record<string, unknown>[]> {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'
      and name not like 'search_index_%'`).pluck().all() as string[];
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`select ${t === 'search_index' ? 'rowid, ' : ''}* from "${t}" order by rowid`).all() as Record<string, unknown>[]]));
  } finally {
    db.close();
  }
}

/** A private working copy of a fixture, as a user's database file is. */
function copyOf(version: number): { path: string; home: string } {
  const home = mkdtempSync(join(tmpdir(), 'crm-upgrade-'));
  const path = join(home, 'crm.db');
  copyFileSync(join(FIXTURES, `schema-${version}.db`), path);
  chmodSync(path, 0o600);
  return { path, home };
}

describe('upgrades keep everything', () => {
  it(`keeps a fixture for every schema version from 0001 to the current ${SCHEMA_VERSIONS}`, () => {
    expect(readdirSync(FIXTURES).filter((f) => f.endsWith('.db')).sort())
      .toEqual(names.map((_n, i) => `schema-${i + 1}.db`).sort());
    for (let v = 1; v <= SCHEMA_VERSIONS; v++) {
      const db = new Database(join(FIXTURES, `schema-${v}.db`), { readonly: true });
      expect(db.pragma('user_version', { simple: true }), `schema-${v}.db`).toBe(v);
      db.close();
    }
  });

  it.each(names.map((name, i) => [i + 1, name] as const))('schema %i (up to %s) migrates to the current schema with every row intact', async (version) => {
    const { path, home } = copyOf(version);
    const before = rows(path);
    const fixtureDump = dumpDatabase(path);
    const { run, json } = sandbox();
    const report = await json(['db', 'migrate', '--db', path]);
    expect(report.applied).toEqual(names.slice(version));
    expect(report.version).toBe(SCHEMA_VERSIONS);
    if (version < SCHEMA_VERSIONS) {
      // The automatic backup holds the database exactly as it was before the migration.
      expect(report.backup).toMatch(new RegExp(`^${home}/backups/crm-\\d{8}T\\d{6}Z-before-${names[version]}\\.db$`));
      expect(dumpDatabase(report.backup)).toBe(fixtureDump);
    } else {
      expect(report.backup).toBeNull();
    }
    const after = rows(path);
    // Every row of every table that was there is there, with every value it had (migrations only add columns).
    for (const [table, was] of Object.entries(before)) {
      const now = after[table]!;
      expect(now, table).toHaveLength(was.length);
      was.forEach((row, i) => expect(now[i], `${table} row ${i + 1}`).toMatchObject(row));
    }
    // The fixture wrote each table that existed at its version; those tables hold what it wrote.
    for (const [table, written] of Object.entries(FIXTURE_ROWS)) {
      if (!before[table]) continue;
      expect(after[table]!.length, table).toBeGreaterThanOrEqual(written.length);
    }
    // Every record has its stable UUID now, distinct, and those it had are kept.
    for (const table of ['company', 'contact', 'deal', 'activity', 'followup', 'orders', 'quota', 'stage']) {
      const uuids = (after[table] ?? []).map((r) => r.uuid);
      expect(uuids.every((u) => typeof u === 'string' && u.length === 36), table).toBe(true);
      expect(new Set(uuids).size, table).toBe(uuids.length);
    }
    // What users see: records, history with its notes, search, the snapshots, a healthy database, and writes work.
    expect((await json(['contact', 'show', 'Ann Lee', '--db', path])).emails).toEqual(['ann@acme.example', 'ann.lee@mail.example']);
    const history = await json(['history', 'Ann Lee', '--db', path]);
    expect(history.map((h: { action: string }) => h.action)).toEqual(['create', 'update']);
    expect(history[1]).toMatchObject({ actor: 'bob', before: { title: null }, after: { title: 'CEO' } });
    if (version >= 4) expect(history[1].note).toBe('consent override: logged anyway');
    expect((await json(['search', 'müller', '--db', path])).map((h: { name: string }) => h.name)).toEqual(['Bo Müller']);
    if (before.rfm_snapshot) expect(after.rfm_snapshot_member).toEqual(before.rfm_snapshot_member);
    if (before.deal) expect((await json(['deal', 'show', 'Rollout', '--db', path])).stage).toBe('Proposal');
    expect((await json(['db', 'check', '--db', path])).ok).toBe(true);
    expect((await run(['contact', 'add', 'New Person', '--db', path, '-q'])).stdout).toBe('4\n');
    expect(() => new Database(path).prepare('delete from journal').run()).toThrow(/insert-only/);
  });

  it('a database from a newer crm is refused, byte for byte untouched, with no backup made', async () => {
    const { path, home } = copyOf(SCHEMA_VERSIONS);
    const db = new Database(path);
    db.pragma(`user_version = ${SCHEMA_VERSIONS + 1}`);
    db.pragma('journal_mode = delete');
    db.close();
    const bytes = readFileSync(path);
    const { run } = sandbox();
    for (const args of [['contact', 'list'], ['db', 'migrate'], ['contact', 'add', 'X']]) {
      const r = await run([...args, '--db', path]);
      expect([r.exitCode, r.stderr]).toEqual([2, `error: ${path} was written by a newer crm (schema ${SCHEMA_VERSIONS + 1}, this crm knows ` +
        `${SCHEMA_VERSIONS}) (upgrade crm to use this database)\n`]);
    }
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(existsSync(join(home, 'backups'))).toBe(false);
    expect(readdirSync(home)).toEqual(['crm.db']);
  });
});
