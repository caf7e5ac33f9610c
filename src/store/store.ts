import { type Kysely, sql } from 'kysely';
import type Database from 'better-sqlite3';
import { Companies } from './repos/companies.js';
import { Contacts } from './repos/contacts.js';
import { historyOf, Journal, lastJournaledName, type WriteMeta } from './repos/journal.js';
import { migrate, type MigrationReport } from './sqlite/migrate.js';
import type { DB } from './schema.js';
import { SearchIndex } from './sqlite/search.js';
import { type DbLocation, SOURCE_NAMES } from './location.js';
import { openSqlite, translateSqliteError, type SqliteHandle } from './sqlite/open.js';
import { References } from './repos/references.js';
import { Stages } from './repos/stages.js';
import { Deals } from './repos/deals.js';
import { Activities } from './repos/activities.js';
import { Followups } from './repos/followups.js';
import { Orders } from './repos/orders.js';
import { Quotas } from './repos/quotas.js';
import { ReportData } from './repos/report-data.js';

/** Repositories bound to one connection: reads outside a transaction, or reads and writes inside one. */
export class Repos {
  readonly search: SearchIndex;
  readonly companies: Companies;
  readonly contacts: Contacts;
  readonly refs: References;
  readonly stages: Stages;
  readonly deals: Deals;
  readonly activities: Activities;
  readonly followups: Followups;
  readonly orders: Orders;
  readonly quotas: Quotas;
  readonly reports: ReportData;

  constructor(readonly db: Kysely<DB>, readonly journal?: Journal) {
    this.search = new SearchIndex(db);
    this.companies = new Companies(db, this.search, journal);
    this.contacts = new Contacts(db, this.search, journal);
    this.refs = new References(db);
    this.stages = new Stages(db, journal);
    this.deals = new Deals(db, this.search, journal);
    this.activities = new Activities(db, this.search, journal);
    this.followups = new Followups(db, journal);
    this.orders = new Orders(db, journal);
    this.quotas = new Quotas(db, journal);
    this.reports = new ReportData(db);
  }

  history(entity: string, id: number) {
    return historyOf(this.db, entity, id);
  }

  lastName(entity: string, id: number) {
    return lastJournaledName(this.db, entity, id);
  }
}

export class Store extends Repos {
  constructor(private readonly handle: SqliteHandle, readonly path: string, readonly migration: MigrationReport) {
    super(handle.db);
  }

  get raw(): Database.Database {
    return this.handle.raw;
  }

  /** Whether this open made the file (it was not there before). */
  get created(): boolean {
    return this.handle.created;
  }

  /**
   * Runs `fn` as one transaction and one journal change set. BEGIN IMMEDIATE takes the write lock up front,
   * so a concurrent writer waits out the busy timeout instead of failing mid-way on a lock upgrade.
   */
  async write<T>(meta: WriteMeta, fn: (tx: Repos) => Promise<T>): Promise<T> {
    return this.db.connection().execute(async (conn) => {
      try {
        await sql`begin immediate`.execute(conn);
      } catch (e) {
        throw translateSqliteError(e, this.path);
      }
      try {
        const result = await fn(new Repos(conn, new Journal(conn, meta)));
        await sql`commit`.execute(conn);
        return result;
      } catch (e) {
        await sql`rollback`.execute(conn);
        throw translateSqliteError(e, this.path);
      }
    });
  }

  close(): void {
    this.handle.raw.close();
  }
}

/**
 * Opens the database at `location` and brings its schema up to date (with a backup first if it holds data). Only the
 * default location gets its folders made; in a path the user gave, a missing folder is an error (see openSqlite).
 */
export async function openStore({ path, source }: DbLocation, now: Date, busyTimeoutMs?: number): Promise<Store> {
  const handle = openSqlite(path, {
    busyTimeoutMs, makeFolders: source === 'default', origin: SOURCE_NAMES[source],
    folderHint: 'set XDG_DATA_HOME to a folder you can write to, or pass --db PATH',
  });
  try {
    const report = await migrate(handle, path, now);
    return new Store(handle, path, report);
  } catch (e) {
    handle.raw.close();
    throw translateSqliteError(e, path);
  }
}
