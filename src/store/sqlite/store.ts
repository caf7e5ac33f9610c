import type Database from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import { statSync } from 'node:fs';
import type { DemoData } from '../../domain/demo.js';
import type { Dump } from '../backup.js';
import type { LoadCounts } from '../bulk.js';
import type { WriteMeta } from '../journal.js';
import { type DbLocation, SOURCE_NAMES } from '../location.js';
import type { IntegrityReport, MigrationReport } from '../maintenance.js';
import type { OrderImport } from '../order-import.js';
import { Journal } from '../repos/journal.js';
import { KyselyRepos } from '../repos/repos.js';
import type { DB } from '../schema.js';
import type { Store, Tx } from '../store.js';
import { SqliteCustomerNames } from './customer-names.js';
import { SqliteCustomerValues } from './customer-value.js';
import { sqliteSql } from './engine.js';
import { translateSqliteError } from './errors.js';
import { backupPath, backupSqlite, migrate } from './migrate.js';
import { openSqlite, readOnlyDatabase, type SqliteHandle } from './open.js';

/**
 * The shared repositories on SQLite, with its fast paths beside them. better-sqlite3 has one connection: Kysely's
 * and the raw statements of the fast paths run on it alike, so inside a write both are in its transaction.
 */
class SqliteRepos extends KyselyRepos {
  readonly customerValue: SqliteCustomerValues;
  readonly customerNames: SqliteCustomerNames;

  constructor(protected readonly raw: Database.Database, db: Kysely<DB>, journal?: Journal) {
    super(db, sqliteSql(db), journal);
    this.customerValue = new SqliteCustomerValues(raw, journal);
    this.customerNames = new SqliteCustomerNames(raw);
  }

  // The fast paths that only some commands use are loaded when used, so every other command starts as fast as before.
  async importOrders(): Promise<OrderImport> {
    const { SqliteOrderImport } = await import('./order-import.js');
    return new SqliteOrderImport(this.raw, this.journal);
  }
}

class SqliteTx extends SqliteRepos implements Tx {
  constructor(raw: Database.Database, db: Kysely<DB>, override readonly journal: Journal) {
    super(raw, db, journal);
  }
}

/** How many times a write tries to begin (each waiting up to the busy timeout) before it reports the lock. */
const WRITE_ATTEMPTS = 3;

class SqliteStore extends SqliteRepos implements Store {
  constructor(private readonly handle: SqliteHandle, readonly path: string, readonly migration: MigrationReport) {
    super(handle.raw, handle.db);
  }

  get created(): boolean {
    return this.handle.created;
  }

  /**
   * BEGIN IMMEDIATE takes the write lock up front, so a concurrent writer waits out the busy timeout instead of
   * failing mid-way on a lock upgrade.
   */
  async write<T>(meta: WriteMeta, fn: (tx: Tx) => Promise<T>): Promise<T> {
    if (this.handle.readOnly) throw readOnlyDatabase(this.path);
    return this.db.connection().execute(async (conn) => {
      // The busy timeout waits for another writer; a writer still busy after it (a long import) gets two more tries
      // before the command gives up with "locked" (exit 4).
      for (let attempt = 1; ; attempt++) {
        try {
          await sql`begin immediate`.execute(conn);
          break;
        } catch (e) {
          const busy = /^SQLITE_(BUSY|LOCKED)/.test((e as { code?: string }).code ?? '');
          if (!busy || attempt >= WRITE_ATTEMPTS) throw translateSqliteError(e, this.path);
        }
      }
      try {
        const result = await fn(new SqliteTx(this.raw, conn, new Journal(conn, meta)));
        await sql`commit`.execute(conn);
        return result;
      } catch (e) {
        await sql`rollback`.execute(conn);
        throw translateSqliteError(e, this.path);
      }
    });
  }

  async holdsRecords(): Promise<boolean> {
    const { holdsRecords } = await import('./bulk.js');
    return holdsRecords(this.raw);
  }

  async bulkLoad(data: DemoData, meta: WriteMeta): Promise<LoadCounts> {
    if (this.handle.readOnly) throw readOnlyDatabase(this.path);
    const [{ bulkLoad }, { loadBeside }] = await Promise.all([import('./bulk.js'), import('./load-beside.js')]);
    return loadBeside(this.raw, this.path, (db, side) => bulkLoad(db, data, meta, side));
  }

  async dump<T>(fn: (dump: Dump) => Promise<T>): Promise<T> {
    const { dumpSqlite } = await import('./backup.js');
    return dumpSqlite(this.raw, fn);
  }

  async check(): Promise<IntegrityReport> {
    const { checkSqlite } = await import('./maintenance.js');
    return checkSqlite(this.handle, this.path);
  }

  async compact(): Promise<void> {
    this.raw.exec("insert into search_index (search_index) values ('optimize')");
    this.raw.pragma('wal_checkpoint(TRUNCATE)');
    this.raw.exec('vacuum');
    this.raw.pragma('wal_checkpoint(TRUNCATE)');
  }

  backupPath(now: Date): string {
    return backupPath(this.path, now);
  }

  async backup(dest: string): Promise<number> {
    backupSqlite(this.raw, dest);
    return statSync(dest).size;
  }

  close(): void {
    if (this.handle.close) this.handle.close();
    else this.raw.close();
  }
}

/**
 * Opens the SQLite file at `location` and brings its schema up to date (with a backup first if it holds data). Only
 * the default location gets its folders made; in a path the user gave, a missing folder is an error (see openSqlite).
 */
export async function openSqliteStore({ path, source }: DbLocation, now: Date, busyTimeoutMs?: number): Promise<Store> {
  const handle = openSqlite(path, {
    busyTimeoutMs, makeFolders: source === 'default', origin: SOURCE_NAMES[source],
    folderHint: 'set XDG_DATA_HOME to a folder you can write to, or pass --db PATH',
  });
  try {
    const report = await migrate(handle, path, now);
    return new SqliteStore(handle, path, report);
  } catch (e) {
    if (handle.close) handle.close();
    else handle.raw.close();
    throw translateSqliteError(e, path);
  }
}
