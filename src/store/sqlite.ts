import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { CrmError } from '../errors.js';
import type { DB } from './schema.js';
import { addonPath } from './addon.js';

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

export interface SqliteHandle {
  raw: Database.Database;
  db: Kysely<DB>;
  created: boolean;
}

const notADatabase = (path: string) =>
  new CrmError('database', `${path} is not a crm database (not a SQLite file)`,
    'point --db or CRM_DB at a crm database file, or at a path where a new one may be created');

/** Opens (creating with mode 0600 if needed) a SQLite file with WAL, a busy timeout and foreign keys on. */
export function openSqlite(path: string, busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS): SqliteHandle {
  let created = false;
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) {
      throw new CrmError('database', `database path ${path} is a directory`,
        'pass a file path, e.g. --db ' + `${path.replace(/\/$/, '')}/crm.db`);
    }
  } else {
    try {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      // Created here rather than by SQLite so the mode is 0600 from the first byte; SQLite gives its -wal and
      // -shm files the same mode as the database.
      closeSync(openSync(path, 'wx', 0o600));
      created = true;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // Another crm created it a moment ago: use it.
      if (code !== 'EEXIST' || !existsSync(path)) {
        throw new CrmError('database', `cannot create the database ${path} (${code ?? 'error'})`,
          'pass a path in a folder you can write to, with --db or CRM_DB');
      }
    }
  }
  let raw: Database.Database;
  try {
    raw = new Database(path, { timeout: busyTimeoutMs, nativeBinding: addonPath() });
    raw.pragma('journal_mode = WAL');
  } catch (e) {
    throw translateSqliteError(e, path);
  }
  raw.pragma('foreign_keys = ON');
  raw.pragma('synchronous = NORMAL');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: raw }) });
  return { raw, db, created };
}

/** Maps the driver's errors a user can cause to messages with a fix; anything else stays unexpected. */
export function translateSqliteError(e: unknown, path: string): unknown {
  const code = (e as { code?: string }).code;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return notADatabase(path);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new CrmError('locked', `the database ${path} stayed locked by another writer past the busy timeout`,
      'try again in a moment, or wait longer with CRM_BUSY_TIMEOUT=MILLISECONDS');
  }
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    // A concurrent writer got there first (the commands check before writing).
    return new CrmError('conflict', `that value is already taken: ${(e as Error).message.replace(/^UNIQUE constraint failed: /, '')}`,
      'run the command again to see the current state');
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM') {
    return new CrmError('database', `cannot open the database ${path} for writing`,
      'check the file and folder permissions, or pass another path with --db');
  }
  return e;
}
