import type pg from 'pg';
import { migrations } from '../../../migrations/index.js';
import { CrmError } from '../../errors.js';
import type { Env } from '../../io/terminal.js';
import type { BackupRows, RestorePlan, RestoreReport, RestoreTarget, StoredValue } from '../backup.js';
import { binaryCollation } from './collation.js';
import { copyRows, resetSequence } from './copy.js';
import { translatePgError } from './errors.js';
import { columnsOfPg, ourTablesPg } from './backup.js';
import { appliedMigrations, connectPg, pgMigrator, type PgHandle } from './open.js';
import { rebuildSearchPg } from './reindex.js';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

const invalidBackup = (message: string) => new CrmError('validation', message, 'restore an unchanged file written by crm export backup');

const describe = (value: unknown) => (Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`);

function storable(value: unknown): value is StoredValue {
  return value === null || typeof value === 'string' || typeof value === 'bigint' || (typeof value === 'number' && Number.isFinite(value));
}

/** A database on a server to restore (or copy) into: refused if it is another program's; everything in one transaction. */
class PgRestoreTarget implements RestoreTarget {
  readonly created = false;

  constructor(private readonly handle: PgHandle) {}

  get path(): string {
    return this.handle.target.shown;
  }

  private get client(): pg.Client {
    return this.handle.client;
  }

  async holdings(): Promise<Record<string, number>> {
    if (!(await appliedMigrations(this.handle.db))) return {};
    const out: Record<string, number> = {};
    for (const t of await ourTablesPg(this.client)) {
      const where = t === 'stage' ? ` where not (created_by = 'crm' and updated_by = 'crm')` : '';
      const n = Number((await this.client.query({ text: `select count(*) from ${quote(t)}${where}`, rowMode: 'array' })).rows[0]![0]);
      if (n > 0) out[t] = n;
    }
    return out;
  }

  private keep: string | undefined;

  /**
   * The tables as they are move to a schema of their own on the server (crm_before_restore_...): an exact copy, kept
   * there. The move happens in the restore's transaction, so a failed restore leaves them where they were.
   */
  async keepCopy(now: Date): Promise<string> {
    const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'z').toLowerCase();
    let schema = `crm_before_restore_${stamp}`;
    for (let n = 2; (await this.client.query('select 1 from pg_namespace where nspname = $1', [schema])).rowCount; n++) schema = `crm_before_restore_${stamp}_${n}`;
    this.keep = schema;
    return `schema ${schema} of ${this.path}`;
  }

  private async allTables(): Promise<string[]> {
    return (await this.client.query<{ t: string }>('select tablename as t from pg_tables where schemaname = current_schema()')).rows.map((r) => r.t);
  }

  async restore(plan: RestorePlan): Promise<RestoreReport> {
    const { client, db } = this.handle;
    const names = Object.keys(migrations);
    if (!Number.isSafeInteger(plan.schema) || plan.schema < 1 || plan.schema > names.length) {
      throw invalidBackup(`schema ${plan.schema} is not one this crm knows (1 to ${names.length})`);
    }
    await client.query('begin');
    try {
      await client.query('select pg_advisory_xact_lock($1)', [0x63726d]);
      if (this.keep) await client.query(`create schema ${quote(this.keep)}`);
      for (const t of await this.allTables()) {
        await client.query(this.keep ? `alter table ${quote(t)} set schema ${quote(this.keep)}` : `drop table ${quote(t)} cascade`);
      }
      const migrator = await pgMigrator(db);
      const up = async (run: Promise<{ error?: unknown; results?: { status: string; migrationName: string }[] }>) => {
        const { error, results = [] } = await run;
        if (error) throw error;
        return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
      };
      await up(migrator.migrateTo(names[plan.schema - 1]!));
      const tables = await ourTablesPg(client);
      for (const t of tables) await client.query(`delete from ${quote(t)}`);

      // Rows go in as the backup has them, references and all: the foreign keys are made again afterwards, which
      // checks every row at once.
      const { rows: fks } = await client.query<{ tbl: string; name: string; def: string }>(`select conrelid::regclass::text as tbl,
        conname as name, pg_get_constraintdef(oid) as def from pg_constraint where contype = 'f' and connamespace = current_schema()::regnamespace`);
      for (const fk of fks) await client.query(`alter table ${fk.tbl} drop constraint ${quote(fk.name)}`);
      // The team's guards check each row's owner against the writer: a restore writes everyone's rows as they were.
      for (const t of tables) await client.query(`alter table ${quote(t)} disable trigger user`);

      const columns = new Map<string, Set<string>>();
      for (const t of tables) columns.set(t, new Set(await columnsOfPg(client, t)));
      const counts: Record<string, number> = {};
      for await (const batch of plan.rows) await this.load(batch, columns, counts, plan.schema);

      for (const fk of fks) {
        try {
          await client.query('savepoint fk');
          await client.query(`alter table ${fk.tbl} add constraint ${quote(fk.name)} ${fk.def}`);
          await client.query('release savepoint fk');
        } catch (e) {
          if ((e as { code?: string }).code !== '23503') throw e;
          await client.query('rollback to savepoint fk');
          throw invalidBackup(`rows of table ${fk.tbl} point at records the backup does not have (${(e as { detail?: string }).detail ?? fk.def})`);
        }
      }
      for (const t of tables) await client.query(`alter table ${quote(t)} enable trigger user`);
      const migrated = await up(migrator.migrateToLatest());
      await binaryCollation(db);
      await this.setSequences(plan.sequences(), new Set(await ourTablesPg(client)));
      const indexed = await rebuildSearchPg(client);
      await client.query('commit');
      return { rows: counts, migrated, indexed };
    } catch (e) {
      await client.query('rollback').catch(() => {});
      throw translatePgError(e, this.path);
    }
  }

  private async load({ table, rows }: BackupRows, columns: Map<string, Set<string>>, counts: Record<string, number>, schema: number) {
    const known = columns.get(table);
    if (!known) throw invalidBackup(`table ${table} is not a table of schema ${schema}`);
    let n = counts[table] ?? 0;
    // Consecutive rows with the same columns go in with one COPY.
    let keys: string[] = [];
    let run: unknown[][] = [];
    const flush = async () => {
      if (!run.length) return;
      try {
        await this.client.query('savepoint rows');
        await copyRows(this.client, table, keys, run);
        await this.client.query('release savepoint rows');
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code !== '23505' && code !== '23502' && code !== '22P02' && code !== '23514') throw e;
        await this.client.query('rollback to savepoint rows');
        throw invalidBackup(`table ${table} does not load: ${(e as Error).message}${(e as { detail?: string }).detail ? ` (${(e as { detail?: string }).detail})` : ''}`);
      }
      run = [];
    };
    for (const row of rows) {
      n += 1;
      if (row === null || typeof row !== 'object' || Array.isArray(row)) {
        throw invalidBackup(`table ${table}, row ${n}: ${describe(row)}, not an object of columns`);
      }
      const rowKeys = Object.keys(row);
      if (rowKeys.length === 0) throw invalidBackup(`table ${table}, row ${n}: no columns`);
      if (rowKeys.join('\u0000') !== keys.join('\u0000')) {
        await flush();
        const unknown = rowKeys.find((k) => !known.has(k));
        if (unknown !== undefined) throw invalidBackup(`table ${table} has no column ${unknown} at schema ${schema}`);
        keys = rowKeys;
      }
      const values = Object.values(row);
      for (let i = 0; i < values.length; i++) {
        if (!storable(values[i])) throw invalidBackup(`table ${table}, row ${n}: column ${rowKeys[i]} holds ${describe(values[i])}; a backup holds text, numbers and null`);
      }
      run.push(values);
    }
    await flush();
    counts[table] = n;
  }

  private async setSequences(sequences: unknown, tables: Set<string>): Promise<void> {
    if (sequences !== undefined && (sequences === null || typeof sequences !== 'object' || Array.isArray(sequences))) {
      throw invalidBackup('sequences is not an object of tables and numbers');
    }
    const given = (sequences ?? {}) as Record<string, unknown>;
    for (const [table, seq] of Object.entries(given)) {
      if (!tables.has(table)) throw invalidBackup(`sequences names ${table}, which is not a table of this crm`);
      if (!(typeof seq === 'bigint' || Number.isSafeInteger(seq)) || (seq as number) < 0) throw invalidBackup(`sequences: ${table} is not a whole number`);
    }
    // Every table with ids goes on after its highest id, or after the backup's last id when that is higher.
    for (const t of tables) {
      if ((await columnsOfPg(this.client, t)).includes('id')) await resetSequence(this.client, t, Number(given[t] ?? 0));
    }
  }

  close(): void {
    void this.handle.client.end().catch(() => {});
  }
}

/** Opens the server's database to restore into, as it is (not migrated), refusing one that holds another program's tables. */
export async function openPgRestore(url: string, env: Env): Promise<RestoreTarget> {
  const handle = await connectPg(url, env);
  try {
    const done = await appliedMigrations(handle.db);
    const names = Object.keys(migrations);
    if (done && done.some((n) => !names.includes(n))) {
      throw new CrmError('database', `${handle.target.shown} was written by a newer crm`, 'upgrade crm to restore into this database');
    }
    if (!done) {
      const n = Number((await handle.client.query({ text: 'select count(*) from pg_tables where schemaname = current_schema()', rowMode: 'array' })).rows[0]![0]);
      if (n > 0) {
        throw new CrmError('database', `${handle.target.shown} holds tables of another program, not crm's`,
          'point --db at an empty database made for crm (createdb crm), or at a crm database');
      }
    }
    return new PgRestoreTarget(handle);
  } catch (e) {
    void handle.client.end().catch(() => {});
    throw translatePgError(e, handle.target.shown);
  }
}
