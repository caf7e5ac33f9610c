import type Database from 'better-sqlite3';
import { Migrator } from 'kysely';
import { existsSync } from 'node:fs';
import { migrations } from '../../../migrations/index.js';
import { CrmError } from '../../errors.js';
import type { BackupRows, Dump, RestorePlan, RestoreReport, RestoreTarget, StoredValue, TableDump } from '../backup.js';
import { type DbLocation, SOURCE_NAMES } from '../location.js';
import { TABLES } from '../schema.js';
import { removeSqlite } from './bulk.js';
import { translateSqliteError } from './errors.js';
import { backupPath, backupSqlite } from './migrate.js';
import { openSqlite, type SqliteHandle } from './open.js';
import { rebuildSearch } from './reindex.js';

/** SQLite's own tables, the migrator's bookkeeping and the search index (rebuilt from the records): not ours to back up. */
const isEngineTable = (name: string) => /^(sqlite_|kysely_|search_index)/.test(name);

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The tables of ours the database holds: those of schema.ts in their order, then any other (none, while the test holds). */
function ourTables(db: Database.Database): string[] {
  const found = (db.prepare("select name from sqlite_master where type = 'table' order by name").pluck().all() as string[])
    .filter((t) => !isEngineTable(t));
  const known = TABLES.filter((t) => found.includes(t)) as string[];
  return [...known, ...found.filter((t) => !known.includes(t))];
}

const columnsOf = (db: Database.Database, table: string) =>
  (db.prepare(`select name from pragma_table_info(?) order by cid`).pluck().all(table) as string[]);

const BATCH = 1000;

async function* tableRows(db: Database.Database, table: string, columns: readonly string[]): AsyncIterable<string[]> {
  const object = columns.map((c) => `'${c.replaceAll("'", "''")}', ${quote(c)}`).join(', ');
  const select = db.prepare(`select json_object(${object}) from ${quote(table)} order by rowid`).pluck();
  let batch: string[] = [];
  try {
    for (const row of select.iterate() as Iterable<string>) {
      batch.push(row);
      if (batch.length === BATCH) {
        yield batch;
        batch = [];
      }
    }
  } catch (e) {
    // A BLOB, which crm never writes: JSON cannot hold it.
    if ((e as { code?: string }).code === 'SQLITE_ERROR' && /JSON cannot hold BLOB/.test((e as Error).message)) {
      throw new CrmError('database', `table ${table} holds binary data, which a backup cannot keep`, 'run crm db check; crm never writes binary data');
    }
    throw e;
  }
  if (batch.length) yield batch;
}

/**
 * Runs `fn` over one read transaction: under WAL it sees one consistent snapshot while other processes go on writing.
 * Rows are read as `fn` asks for them, so the database never sits in memory.
 */
export async function dumpSqlite<T>(db: Database.Database, fn: (dump: Dump) => Promise<T>): Promise<T> {
  db.exec('begin');
  try {
    const names = ourTables(db);
    const schema = db.pragma('user_version', { simple: true }) as number;
    const seqs = new Map(db.prepare('select name, seq from sqlite_sequence').raw(true).all() as [string, number][]);
    const sequences = Object.fromEntries(names.filter((t) => seqs.has(t)).map((t) => [t, seqs.get(t)!]));
    const tables: TableDump[] = names.map((name) => {
      const columns = columnsOf(db, name);
      return { name, columns, rows: () => tableRows(db, name, columns) };
    });
    return await fn({ schema, sequences, tables });
  } finally {
    db.exec('commit');
  }
}

/** What a row of a backup may hold in a column. */
function storable(value: unknown): value is StoredValue {
  return value === null || typeof value === 'string' || typeof value === 'bigint' || (typeof value === 'number' && Number.isFinite(value));
}

const describe = (value: unknown) => (Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`);

const invalidBackup = (message: string) => new CrmError('validation', message,
  'restore an unchanged file written by crm export backup');

/** Loads rows table by table with one prepared insert per table and set of columns. */
class Loader {
  private readonly columns = new Map<string, Set<string>>();
  private readonly inserts = new Map<string, Database.Statement>();
  readonly counts: Record<string, number> = {};

  constructor(private readonly db: Database.Database, private readonly schema: number) {
    for (const t of ourTables(db)) this.columns.set(t, new Set(columnsOf(db, t)));
  }

  load({ table, rows }: BackupRows): void {
    const columns = this.columns.get(table);
    if (!columns) throw invalidBackup(`table ${table} is not a table of schema ${this.schema}`);
    let n = this.counts[table] ?? 0;
    for (const row of rows) {
      n += 1;
      if (row === null || typeof row !== 'object' || Array.isArray(row)) {
        throw invalidBackup(`table ${table}, row ${n}: ${describe(row)}, not an object of columns`);
      }
      const keys = Object.keys(row);
      const signature = `${table}\u0000${keys.join('\u0000')}`;
      let insert = this.inserts.get(signature);
      if (!insert) {
        const unknown = keys.find((k) => !columns.has(k));
        if (unknown !== undefined) throw invalidBackup(`table ${table} has no column ${unknown} at schema ${this.schema}`);
        if (keys.length === 0) throw invalidBackup(`table ${table}, row ${n}: no columns`);
        insert = this.db.prepare(`insert into ${quote(table)} (${keys.map(quote).join(', ')}) values (${keys.map(() => '?').join(', ')})`);
        this.inserts.set(signature, insert);
      }
      const values = Object.values(row);
      for (let i = 0; i < values.length; i++) {
        if (!storable(values[i])) throw invalidBackup(`table ${table}, row ${n}: column ${keys[i]} holds ${describe(values[i])}; a backup holds text, numbers and null`);
      }
      try {
        insert.run(values);
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) throw invalidBackup(`table ${table}, row ${n} does not load: ${(e as Error).message}`);
        throw e;
      }
    }
    this.counts[table] = n;
  }
}

class SqliteRestoreTarget implements RestoreTarget {
  constructor(private readonly handle: SqliteHandle, readonly path: string) {}

  get created(): boolean {
    return this.handle.created;
  }

  async holdings(): Promise<Record<string, number>> {
    const { raw } = this.handle;
    const out: Record<string, number> = {};
    for (const t of ourTables(raw)) {
      // The stages a new database starts with are the migration's (created and last changed by "crm"), not yours.
      const where = t === 'stage' ? ` where not (created_by = 'crm' and updated_by = 'crm')` : '';
      const n = raw.prepare(`select count(*) from ${quote(t)}${where}`).pluck().get() as number;
      if (n > 0) out[t] = n;
    }
    return out;
  }

  async keepCopy(now: Date): Promise<string> {
    // Restores within one second (or under a pinned clock) keep a copy each.
    let dest = backupPath(this.path, now, 'before-restore');
    for (let n = 2; existsSync(dest); n++) dest = backupPath(this.path, now, `before-restore-${n}`);
    backupSqlite(this.handle.raw, dest);
    return dest;
  }

  async restore(plan: RestorePlan): Promise<RestoreReport> {
    const { raw, db } = this.handle;
    const names = Object.keys(migrations);
    // Rows go in as the backup has them, references and all; foreign keys are checked once, at the end. The pragma
    // has no effect inside a transaction, so it is set around it.
    raw.pragma('foreign_keys = OFF');
    try {
      raw.exec('begin immediate');
    } catch (e) {
      raw.pragma('foreign_keys = ON');
      throw translateSqliteError(e, this.path);
    }
    try {
      // The schema is made anew: whatever the file held, at whatever schema, goes (a virtual table takes its own
      // tables with it, so those go first).
      const tables = () => raw.prepare(`select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%'`).all() as { name: string; sql: string }[];
      for (const t of tables().filter((t) => /^create virtual/i.test(t.sql))) raw.exec(`drop table ${quote(t.name)}`);
      for (const t of tables()) raw.exec(`drop table ${quote(t.name)}`);
      raw.pragma('user_version = 0');

      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
      const up = async (run: Promise<{ error?: unknown; results?: { status: string; migrationName: string }[] }>) => {
        const { error, results = [] } = await run;
        if (error) throw error;
        return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
      };
      await up(migrator.migrateTo(names[plan.schema - 1]!));
      // A new database's default stages make way for the backup's.
      for (const t of ourTables(raw)) raw.exec(`delete from ${quote(t)}`);

      // Rows go in faster without the indexes, which are made again afterwards, the same, in the same order.
      const indexes = raw.prepare(`select name, tbl_name as "table", sql from sqlite_master where type = 'index' and sql is not null
        order by rowid`).all() as { name: string; table: string; sql: string }[];
      for (const index of indexes) raw.exec(`drop index ${quote(index.name)}`);
      const loader = new Loader(raw, plan.schema);
      for await (const batch of plan.rows) loader.load(batch);
      for (const index of indexes) {
        try {
          raw.exec(index.sql);
        } catch (e) {
          if ((e as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw e;
          throw invalidBackup(`table ${index.table} has rows that repeat a value its index ${index.name} keeps unique`);
        }
      }

      const migrated = await up(migrator.migrateToLatest());
      raw.pragma(`user_version = ${names.length}`);
      this.setSequences(plan.sequences());
      const indexed = rebuildSearch(raw);

      const broken = raw.prepare('pragma foreign_key_check').all() as { table: string; rowid: number; parent: string }[];
      if (broken.length) {
        const [first] = broken;
        throw invalidBackup(`${broken.length} row${broken.length === 1 ? '' : 's'} point at records the backup does not have `
          + `(the first: table ${first!.table}, row ${first!.rowid}, to ${first!.parent})`);
      }
      raw.exec('commit');
      return { rows: loader.counts, migrated, indexed };
    } catch (e) {
      if (raw.inTransaction) raw.exec('rollback');
      throw translateSqliteError(e, this.path);
    } finally {
      raw.pragma('foreign_keys = ON');
    }
  }

  /** The backup's last ids, so that the next record added gets the id it would have had in the original. */
  private setSequences(sequences: unknown): void {
    if (sequences === undefined) return;
    if (sequences === null || typeof sequences !== 'object' || Array.isArray(sequences)) throw invalidBackup('sequences is not an object of tables and numbers');
    const { raw } = this.handle;
    const tables = new Set(ourTables(raw));
    const update = raw.prepare('update sqlite_sequence set seq = max(seq, ?) where name = ?');
    const insert = raw.prepare('insert into sqlite_sequence (name, seq) values (?, ?)');
    for (const [table, seq] of Object.entries(sequences)) {
      if (!tables.has(table)) throw invalidBackup(`sequences names ${table}, which is not a table of this crm`);
      if (!(typeof seq === 'bigint' || Number.isSafeInteger(seq)) || (seq as number) < 0) throw invalidBackup(`sequences: ${table} is not a whole number`);
      if (update.run(seq, table).changes === 0) insert.run(table, seq);
    }
  }

  close(failed: boolean): void {
    this.handle.raw.close();
    if (failed && this.handle.created) removeSqlite(this.path);
  }
}

/**
 * Opens the database at `location` to restore into, as it is: not migrated (a backup brings its own schema), but
 * refused if it is another program's or a newer crm's.
 */
export function openSqliteRestore({ path, source }: DbLocation, busyTimeoutMs?: number): RestoreTarget {
  const handle = openSqlite(path, {
    busyTimeoutMs, makeFolders: source === 'default', origin: SOURCE_NAMES[source],
    folderHint: 'set XDG_DATA_HOME to a folder you can write to, or pass --db PATH',
  });
  try {
    const { raw } = handle;
    const latest = Object.keys(migrations).length;
    const version = raw.pragma('user_version', { simple: true }) as number;
    if (version > latest) {
      throw new CrmError('database', `${path} was written by a newer crm (schema ${version}, this crm knows ${latest})`,
        'upgrade crm to restore into this database, or restore into a new file with --db');
    }
    const tables = raw.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").pluck().all() as string[];
    if (tables.length > 0 && !tables.includes('kysely_migration')) {
      throw new CrmError('database', `${path} is a SQLite database of another program, not crm's`,
        'point --db or CRM_DB at a crm database, or at a new file');
    }
    return new SqliteRestoreTarget(handle, path);
  } catch (e) {
    handle.raw.close();
    if (handle.created) removeSqlite(path);
    throw translateSqliteError(e, path);
  }
}
