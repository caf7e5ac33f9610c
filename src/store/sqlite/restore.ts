import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { migrations } from '../../../migrations/index.js';
import { CrmError, invalid, notFound } from '../../errors.js';
import { schemaVersion } from '../maintenance.js';
import type { RestoreReport } from '../restore.js';
import { nativeBinding } from './addon.js';
import { backupSqlite, freeBackupPath } from './migrate.js';

const notCrm = (file: string, why: string) => invalid('FILE', `${file} is not a crm database (${why})`,
  'give a backup crm wrote: crm db backup, or one of the backups/ beside the database');

/**
 * Puts the SQLite database `file` (a backup) in place of the database at `dbPath`. The file is checked first (a
 * SQLite file, crm's, of a schema this crm knows, passing integrity_check), copied beside the database as one
 * consistent private file, and renamed over it in one step: the database is the old one or the restored one, never
 * a mix. The database it replaces is backed up first (backups/...-before-restore.db). Refused while another crm
 * has the database open (its WAL could not be folded back in).
 */
export function restoreSqlite(dbPath: string, file: string, now: Date): RestoreReport {
  if (!existsSync(file)) throw notFound(`FILE: ${file} does not exist`, 'give the path of a backup, e.g. one in backups/ beside the database');
  if (!statSync(file).isFile()) throw notCrm(file, 'not a regular file');
  let source: Database.Database;
  try {
    source = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: nativeBinding() });
  } catch {
    throw notCrm(file, 'it cannot be opened as SQLite');
  }
  const temp = join(dirname(dbPath), `.${basename(dbPath)}.restore-${randomBytes(6).toString('hex')}.tmp`);
  let schema: number;
  try {
    try {
      schema = source.pragma('user_version', { simple: true }) as number;
      const ours = source.prepare(`select 1 from sqlite_master where name = 'kysely_migration'`).get();
      if (!ours) throw notCrm(file, 'it has no crm migrations');
      const applied = source.prepare('select name from kysely_migration order by name').pluck().all() as string[];
      if (schema > schemaVersion) {
        throw invalid('FILE', `${file} was written by a newer crm (schema ${schema}, this crm knows ${schemaVersion})`, 'upgrade crm to restore it');
      }
      if (applied.some((n, i) => n !== Object.keys(migrations)[i])) throw notCrm(file, 'its migrations are not this crm\'s');
      const integrity = source.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') throw notCrm(file, `integrity_check: ${String(integrity)}`);
    } catch (e) {
      if (e instanceof CrmError) throw e;
      throw notCrm(file, (e as { code?: string }).code === 'SQLITE_NOTADB' ? 'not a SQLite file' : (e as Error).message);
    }
    backupSqlite(source, temp);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  } finally {
    source.close();
  }
  try {
    const backup = existsSync(dbPath) ? setAside(dbPath, now) : null;
    renameSync(temp, dbPath);
    for (const f of [`${dbPath}-wal`, `${dbPath}-shm`]) rmSync(f, { force: true });
    return { file, database: dbPath, schema, backup };
  } finally {
    rmSync(temp, { force: true });
  }
}

/**
 * Backs up the database about to be replaced and folds its WAL back into it, leaving it in rollback mode with no
 * -wal or -shm file (they would belong to the old file once the new one is in place). Switching the journal mode
 * needs every other connection closed: a crm still working on the database makes the restore wait, then refuse.
 */
function setAside(dbPath: string, now: Date): string {
  const live = new Database(dbPath, { timeout: 2000, nativeBinding: nativeBinding() });
  try {
    const backup = freeBackupPath(dbPath, now, 'before-restore');
    backupSqlite(live, backup);
    try {
      live.pragma('wal_checkpoint(TRUNCATE)');
      live.pragma('journal_mode = DELETE');
    } catch (e) {
      if (/BUSY|LOCKED/.test((e as { code?: string }).code ?? '')) {
        throw new CrmError('locked', `another crm is working on ${dbPath}; nothing was restored`, 'wait for it to finish, then run the restore again');
      }
      throw e;
    }
    if (live.pragma('journal_mode', { simple: true }) !== 'delete') {
      throw new CrmError('locked', `another crm is working on ${dbPath}; nothing was restored`, 'wait for it to finish, then run the restore again');
    }
    return backup;
  } finally {
    live.close();
  }
}
