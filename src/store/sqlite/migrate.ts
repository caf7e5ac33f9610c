import { chmodSync, closeSync, existsSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { type Migration, Migrator } from 'kysely';
import type Database from 'better-sqlite3';
import { MIGRATION_NAMES } from '../../../migrations/names.js';
import { CrmError } from '../../errors.js';
import { FolderError, makeFolders } from '../../io/folders.js';
import type { MigrationReport } from '../maintenance.js';
import type { SqliteHandle } from './open.js';

/** Holds data = any table of ours has a row; a fresh or empty file needs no backup. */
function holdsData(raw: Database.Database): boolean {
  const tables = raw.prepare(
    `select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'
     and name not like 'search_index%'`).pluck().all() as string[];
  return tables.some((t) => raw.prepare(`select 1 from "${t.replaceAll('"', '""')}" limit 1`).get() !== undefined);
}

/** A consistent copy of a live database, taken with VACUUM INTO (safe under WAL and concurrent readers). */
export function backupSqlite(raw: Database.Database, dest: string): void {
  try {
    makeFolders(dirname(dest), 0o700);
  } catch (e) {
    if (!(e instanceof FolderError)) throw e;
    throw new CrmError('database', `cannot create the folder ${e.folder} for the backup ${dest} (${e.code})`,
      'pass a backup path in a folder you can write to');
  }
  // VACUUM INTO writes into an empty file that exists: made here with mode 0600, a backup is as private as the
  // database from its first byte (SQLite would create it with the umask's 0644). It is written under a temporary
  // name and renamed when complete: a backup interrupted (killed, disk full) is never mistaken for one.
  if (existsSync(dest)) throw new CrmError('conflict', `${dest} already exists`, 'name a new file; backups never overwrite');
  const temp = join(dirname(dest), `.${basename(dest)}.${process.pid}.partial`);
  try {
    closeSync(openSync(temp, 'w', 0o600));
    raw.prepare('vacuum into ?').run(temp);
    chmodSync(temp, 0o600);
    renameSync(temp, dest);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}

/** How many of the backups taken before migrations are kept: the newest five. `crm db backup`'s are never removed. */
export const KEEP_AUTOMATIC_BACKUPS = 5;

/** Removes all but the newest KEEP_AUTOMATIC_BACKUPS automatic backups of the database at `dbPath` (their names sort by time). */
export function pruneAutomaticBackups(dbPath: string): string[] {
  const folder = join(dirname(dbPath), 'backups');
  const stem = basename(dbPath).replace(/\.db$/, '');
  const automatic = new RegExp(`^${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d{8}T\\d{6}Z-before-.+\\.db$`);
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => automatic.test(n)).sort();
  } catch {
    return [];
  }
  const old = names.slice(0, Math.max(0, names.length - KEEP_AUTOMATIC_BACKUPS));
  for (const n of old) rmSync(join(folder, n), { force: true });
  return old;
}

/** backupPath, made unique with -2, -3, ... when a backup of that second and label is already there. */
export function freeBackupPath(dbPath: string, stamp: Date, label: string): string {
  const first = backupPath(dbPath, stamp, label);
  let path = first;
  for (let n = 2; existsSync(path); n++) path = first.replace(/\.db$/, `-${n}.db`);
  return path;
}

export function backupPath(dbPath: string, stamp: Date, label?: string): string {
  const ts = stamp.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const stem = basename(dbPath).replace(/\.db$/, '');
  return join(dirname(dbPath), 'backups', `${stem}-${ts}${label ? `-${label}` : ''}.db`);
}

/** Every migration, loaded only when one is to run: an open of a current schema does without their code. */
export async function loadMigrations(): Promise<Record<string, Migration>> {
  return (await import('../../../migrations/index.js')).migrations;
}

/**
 * Brings the schema up to date. `user_version` mirrors the number of applied migrations so that the common case
 * (nothing to do) costs one pragma instead of the migrator's bookkeeping queries, and loads no migration.
 */
export async function migrate(
  handle: SqliteHandle, dbPath: string, now: Date, given?: Record<string, Migration>,
): Promise<MigrationReport> {
  const names = given ? Object.keys(given) : MIGRATION_NAMES;
  const latest = names.length;
  const version = handle.raw.pragma('user_version', { simple: true }) as number;
  if (version === latest) return { applied: [], backup: null };
  if (version > latest) {
    throw new CrmError('database', `${dbPath} was written by a newer crm (schema ${version}, this crm knows ${latest})`,
      'upgrade crm to use this database');
  }
  const data = holdsData(handle.raw);
  if (version === 0 && data && !handle.raw.prepare(`select 1 from sqlite_master where name = 'kysely_migration'`).get()) {
    throw new CrmError('database', `${dbPath} is a SQLite database of another program, not crm's`,
      'point --db or CRM_DB at a crm database, or at a new file');
  }
  if (handle.readOnly) {
    throw new CrmError('not_permitted', `${dbPath} needs an upgrade to schema ${latest} (it has ${version}), but it is read-only to you`,
      'open it once with a crm that may write it, or work on a copy: cp it and pass --db COPY');
  }
  // The backup comes first, outside the transaction (VACUUM INTO cannot run inside one); if another crm migrates
  // meanwhile it is merely a spare copy.
  let backup: string | null = null;
  if (data) {
    backup = freeBackupPath(dbPath, now, `before-${names[version]}`);
    backupSqlite(handle.raw, backup);
    pruneAutomaticBackups(dbPath);
  }
  // SQLite runs DDL inside transactions: the whole migration commits or none of it does, and the write lock makes
  // a second crm opening the same new file wait, then find the work done.
  handle.raw.exec('begin immediate');
  try {
    let applied: string[] = [];
    if ((handle.raw.pragma('user_version', { simple: true }) as number) !== latest) {
      const all = given ?? await loadMigrations();
      const migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => all } });
      const { error, results = [] } = await migrator.migrateToLatest();
      if (error) throw error;
      handle.raw.pragma(`user_version = ${latest}`);
      applied = results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
    }
    handle.raw.exec('commit');
    return { applied, backup };
  } catch (e) {
    if (handle.raw.inTransaction) handle.raw.exec('rollback');
    throw e;
  }
}

export async function migrationStatus(handle: Pick<SqliteHandle, "db">): Promise<{ applied: string[]; pending: string[] }> {
  const migrations = await loadMigrations();
  const migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => migrations } });
  const all = await migrator.getMigrations();
  return {
    applied: all.filter((m) => m.executedAt).map((m) => m.name),
    pending: all.filter((m) => !m.executedAt).map((m) => m.name),
  };
}
