import Database from 'better-sqlite3';
import { accessSync, chmodSync, closeSync, constants, copyFileSync, existsSync, mkdtempSync, openSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { CrmError } from '../../errors.js';
import { FolderError, makeFolders } from '../../io/folders.js';
import { schemaVersion } from '../maintenance.js';
import type { DB } from '../schema.js';
import { nativeBinding } from './addon.js';
import { notADatabase, translateSqliteError } from './errors.js';

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

export interface SqliteHandle {
  raw: Database.Database;
  db: Kysely<DB>;
  created: boolean;
  /** Opened for reading only: the file is not writable by this user (another user's database, mode 0644). */
  readOnly?: boolean;
  /** Closes the connection (and removes the private copy a read-only open may have read). */
  close?: () => void;
}

/** The one line a write to a database the user may not write gets (exit 5: not permitted). */
export const readOnlyDatabase = (path: string) =>
  new CrmError('not_permitted', `the database ${path} is read-only to you (no write permission); nothing was changed`,
    'ask its owner for write access, or work on a copy: crm db backup COPY.db, then --db COPY.db');

function isOursToUse(raw: Database.Database): boolean {
  const version = raw.pragma('user_version', { simple: true }) as number;
  if (version > schemaVersion) return false;
  if (version > 0) return true;
  const tables = raw.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`).pluck().all() as string[];
  return tables.length === 0 || tables.includes('kysely_migration');
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Opens a file this user may read but not write. SQLite reads a WAL database only beside its -shm file, which it
 * cannot create in a folder the user may not write either: then crm reads a private copy (0600 in a 0700 folder,
 * removed on close) of the database and its -wal, which is what the file holds at this moment.
 */
function openReadOnly(path: string, busyTimeoutMs: number): SqliteHandle {
  const open = (file: string) => new Database(file, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs, nativeBinding: nativeBinding() });
  let raw: Database.Database;
  let copy: string | undefined;
  try {
    raw = open(path);
    raw.prepare('select count(*) from sqlite_master').get();
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (!/^SQLITE_(READONLY|CANTOPEN)/.test(code)) throw translateSqliteError(e, path);
    copy = mkdtempSync(join(tmpdir(), 'crm-read-'));
    try {
      for (const [from, to] of [[path, 'crm.db'], [`${path}-wal`, 'crm.db-wal']] as const) {
        if (!existsSync(from)) continue;
        copyFileSync(from, join(copy, to));
        chmodSync(join(copy, to), 0o600); // a copy takes its source's mode; personal data stays private
      }
      raw = open(join(copy, 'crm.db'));
    } catch (e2) {
      rmSync(copy, { recursive: true, force: true });
      throw translateSqliteError(e2, path);
    }
  }
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: raw }) });
  const close = () => {
    raw.close();
    if (copy) rmSync(copy, { recursive: true, force: true });
  };
  return { raw, db, created: false, readOnly: true, close };
}

export interface OpenOptions {
  busyTimeoutMs?: number;
  /**
   * Whether folders missing from the path may be made. Only for the default location: in a path the user typed, a
   * missing folder is a typo, and a new empty database there would hide their data.
   */
  makeFolders?: boolean;
  /** How the user gave the path (--db, CRM_DB, config "db"), for the message about a missing folder. */
  origin?: string;
  /** What to tell the user who cannot have the folders made (the default location comes from XDG_DATA_HOME). */
  folderHint?: string;
}

/** Opens (creating with mode 0600 if needed) a SQLite file with WAL, a busy timeout and foreign keys on. */
export function openSqlite(path: string, opts: OpenOptions = {}): SqliteHandle {
  const { busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS, makeFolders: mayMakeFolders = true } = opts;
  let created = false;
  if (existsSync(path)) {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      throw new CrmError('database', `database path ${path} is a directory`,
        'pass a file path, e.g. --db ' + `${path.replace(/\/$/, '')}/crm.db`);
    }
    // A device or a pipe: SQLite would fail with "disk I/O error" (/dev/null) or block on open (a FIFO).
    if (!stat.isFile()) throw notADatabase(path, 'not a regular file');
    if (!writable(path)) return openReadOnly(path, busyTimeoutMs);
  } else {
    const folder = dirname(path);
    if (!existsSync(folder)) {
      if (!mayMakeFolders) {
        const origin = opts.origin ?? 'the database path';
        throw new CrmError('not_found', `${origin}: the folder ${folder} does not exist`,
          `create it first, e.g. mkdir -p ${/^[\w./~-]+$/.test(folder) ? folder : JSON.stringify(folder)}, or correct the path`, { field: origin });
      }
      try {
        makeFolders(folder, 0o700);
      } catch (e) {
        if (!(e instanceof FolderError)) throw e;
        throw new CrmError('database', `cannot create the folder ${e.folder} for the database ${path} (${e.code})`,
          opts.folderHint ?? 'pass a path in a folder you can write to, with --db or CRM_DB');
      }
    }
    try {
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
    raw = new Database(path, { timeout: busyTimeoutMs, nativeBinding: nativeBinding() });
    // Switching to WAL rewrites the file's header: only in a file of ours this crm can use. A newer crm's database,
    // or another program's, is refused by the migration check afterwards and must stay byte for byte as it was.
    if (created || isOursToUse(raw)) raw.pragma('journal_mode = WAL');
  } catch (e) {
    throw translateSqliteError(e, path);
  }
  raw.pragma('foreign_keys = ON');
  raw.pragma('synchronous = NORMAL');
  // Deleted content is overwritten with zeros, not left in free space: an erased person is gone from the file.
  raw.pragma('secure_delete = ON');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: cachingStatements(raw) }) });
  return { raw, db, created };
}

/**
 * The database as Kysely sees it, with its prepared statements kept by SQL text: Kysely prepares every query it runs,
 * and preparing cost more than running in an import's per-row writes (7.5 of 27 s for 20,000 contacts). A statement
 * an open iterator still holds is busy; that query gets a fresh one.
 */
function cachingStatements(raw: Database.Database, size = 256) {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => raw.close(),
    prepare(sql: string): Database.Statement {
      const kept = cache.get(sql);
      if (kept && !kept.busy) return kept;
      const stmt = raw.prepare(sql);
      if (!kept) {
        if (cache.size >= size) cache.delete(cache.keys().next().value!);
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}
