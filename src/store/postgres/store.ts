import type pg from 'pg';
import type { Kysely } from 'kysely';
import { CrmError } from '../../errors.js';
import type { Env } from '../../io/terminal.js';
import type { DemoData } from '../../domain/demo.js';
import type { Dump } from '../backup.js';
import type { LoadCounts } from '../bulk.js';
import type { WriteMeta } from '../journal.js';
import type { IntegrityReport, MigrationReport } from '../maintenance.js';
import type { OrderImport } from '../order-import.js';
import { Journal } from '../repos/journal.js';
import { KyselyRepos } from '../repos/repos.js';
import type { DB } from '../schema.js';
import type { Store, Tx } from '../store.js';
import { PgCustomerNames } from './customer-names.js';
import { PgCustomerValues } from './customer-value.js';
import { pgSql } from './engine.js';
import { retryable, translatePgError } from './errors.js';
import { connectPg, migratePg, migrationStatusPg, type PgHandle } from './open.js';

/**
 * A write that lost a serialization race or a deadlock runs again until CRM_BUSY_TIMEOUT has passed (as a SQLite
 * writer waits for the lock that long), and at least this often: a count alone ran out on a busy machine, where
 * eight writers on one record kept colliding for longer than 60 quick tries.
 */
const MIN_RETRIES = 20;
const DEFAULT_BUSY_MS = 5000;
/** The advisory lock retried writes queue on ("crmq"). */
const RETRY_QUEUE = 0x63726d71;

class PgRepos extends KyselyRepos {
  readonly customerValue: PgCustomerValues;
  readonly customerNames: PgCustomerNames;

  constructor(protected readonly client: pg.Client, db: Kysely<DB>, journal?: Journal) {
    super(db, pgSql(db), journal);
    this.customerValue = new PgCustomerValues(client, journal);
    this.customerNames = new PgCustomerNames(client);
  }

  async importOrders(): Promise<OrderImport> {
    const { PgOrderImport } = await import('./order-import.js');
    return PgOrderImport.open(this.client, this.journal);
  }
}

class PgTx extends PgRepos implements Tx {
  constructor(client: pg.Client, db: Kysely<DB>, override readonly journal: Journal) {
    super(client, db, journal);
  }
}

/**
 * The shared repositories on one PostgreSQL connection, as on SQLite: a command is one session, and its write one
 * transaction. A write that loses a race (a serialization failure, a deadlock) runs again from the start.
 */
export class PgStore extends PgRepos implements Store {
  readonly created = false;

  constructor(private readonly handle: PgHandle, readonly migration: MigrationReport, private readonly busyMs = DEFAULT_BUSY_MS) {
    super(handle.client, handle.db);
  }

  get path(): string {
    return this.handle.target.shown;
  }

  /** The login: who writes, whatever CRM_USER says. */
  get login(): string {
    return this.handle.target.user;
  }

  async write<T>(meta: WriteMeta, fn: (tx: Tx) => Promise<T>): Promise<T> {
    const giveUpAt = Date.now() + this.busyMs;
    for (let attempt = 1; ; attempt++) {
      // A write that lost once waits its turn behind the other losers (a session lock, taken before its snapshot), so
      // writers colliding on one record cannot keep beating each other until the timeout.
      const queued = attempt > 1;
      if (queued) await this.client.query('select pg_advisory_lock($1)', [RETRY_QUEUE]).catch((e) => { throw translatePgError(e, this.path); });
      try {
        return await this.attempt(meta, fn);
      } catch (e) {
        if (retryable(e) && (attempt < MIN_RETRIES || Date.now() < giveUpAt)) {
          // Random waits growing to a quarter second spread the colliding writers apart.
          await new Promise((r) => setTimeout(r, Math.random() * Math.min(250, 10 * attempt)));
          continue;
        }
        throw translatePgError(e, this.path);
      } finally {
        if (queued) await this.client.query('select pg_advisory_unlock($1)', [RETRY_QUEUE]).catch(() => {});
      }
    }
  }

  /** One try of a write, in a transaction at repeatable read; its error goes to write() as the driver gave it. */
  private async attempt<T>(meta: WriteMeta, fn: (tx: Tx) => Promise<T>): Promise<T> {
    // Repeatable read: a write that read a row someone changed meanwhile fails with a serialization error instead of
    // overwriting their change, and then runs again from the start on the new data (write()).
    await this.client.query('begin isolation level repeatable read');
    try {
      const result = await fn(new PgTx(this.client, this.db, new Journal(this.db, meta)));
      await this.client.query('commit');
      return result;
    } catch (e) {
      await this.client.query('rollback').catch(() => {});
      throw e;
    }
  }


  async holdsRecords(): Promise<boolean> {
    const { holdsRecordsPg } = await import('./bulk.js');
    return holdsRecordsPg(this.client);
  }

  async bulkLoad(data: DemoData, meta: WriteMeta): Promise<LoadCounts> {
    const { bulkLoadPg } = await import('./bulk.js');
    await this.client.query('begin');
    try {
      const counts = await bulkLoadPg(this.client, data, meta);
      await this.client.query('commit');
      return counts;
    } catch (e) {
      await this.client.query('rollback').catch(() => {});
      throw translatePgError(e, this.path);
    }
  }

  async dump<T>(fn: (dump: Dump) => Promise<T>): Promise<T> {
    const { dumpPg } = await import('./backup.js');
    return dumpPg(this.client, fn);
  }

  async check(): Promise<IntegrityReport> {
    const status = await migrationStatusPg(this.db);
    const count = async (t: string) => Number((await this.client.query({ text: `select count(*) from ${t}`, rowMode: 'array' })).rows[0]![0]);
    // The server keeps its own pages consistent; what can go wrong is ours: rows whose references point nowhere
    // (constraints switched off by hand, or a restore by other means). Each foreign key is checked as SQLite's
    // foreign_key_check does.
    const { rows: fks } = await this.client.query<{ tbl: string; cols: string[]; ref: string; refcols: string[] }>(`
      select c.conrelid::regclass::text as tbl, array_agg(a.attname order by k.i)::text[] as cols, c.confrelid::regclass::text as ref,
        array_agg(af.attname order by k.i)::text[] as refcols
      from pg_constraint c cross join lateral unnest(c.conkey, c.confkey) with ordinality as k(col, fcol, i)
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.col
      join pg_attribute af on af.attrelid = c.confrelid and af.attnum = k.fcol
      where c.contype = 'f' and c.connamespace = current_schema()::regnamespace group by c.oid, c.conrelid, c.confrelid`);
    let broken = 0;
    for (const fk of fks) {
      const on = fk.cols.map((c, i) => `r."${fk.refcols[i]}" = t."${c}"`).join(' and ');
      const notNull = fk.cols.map((c) => `t."${c}" is not null`).join(' and ');
      broken += Number((await this.client.query({ text: `select count(*) from ${fk.tbl} t where ${notNull} and not exists (select 1 from ${fk.ref} r where ${on})`, rowMode: 'array' })).rows[0]![0]);
    }
    const { rows: [size] } = await this.client.query<{ n: number }>('select pg_database_size(current_database()) as n');
    return {
      integrity: ['ok'], foreignKeyViolations: broken,
      migrationsApplied: status.applied, migrationsPending: status.pending,
      companies: await count('company'), contacts: await count('contact'), bytes: size!.n,
    };
  }

  async compact(): Promise<void> {
    // A deleted row stays in its table's pages until they are rewritten: VACUUM FULL writes every table that can hold
    // a person anew (outside any transaction, as PostgreSQL requires), so the erased values leave the database files.
    for (const table of ['contact', 'contact_email', 'contact_phone', 'tag', 'journal', 'search_index', 'activity', 'deal', 'followup', 'orders']) {
      await this.client.query(`vacuum full ${table}`);
    }
  }

  backupPath(): string {
    throw new CrmError('usage', `crm db backup writes a SQLite file; ${this.path} is a PostgreSQL server`,
      'use crm export backup (a document any crm restores), crm db copy --from URL, or pg_dump');
  }

  async backup(): Promise<number> {
    return this.backupPath() as never;
  }

  close(): void {
    void this.client.end().catch(() => {});
  }
}

/** Connects to the server at `url`, migrating its database on first use. */
export async function openPgStore(url: string, env: Env, busyTimeoutMs?: number): Promise<PgStore> {
  const handle = await connectPg(url, env);
  try {
    const report = await migratePg(handle);
    return new PgStore(handle, report, busyTimeoutMs);
  } catch (e) {
    void handle.client.end().catch(() => {});
    throw translatePgError(e, handle.target.shown);
  }
}
