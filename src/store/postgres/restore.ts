import type pg from 'pg';
import { migrations } from '../../../migrations/index.js';
import { CrmError } from '../../errors.js';
import type { Env } from '../../io/terminal.js';
import type { BackupRows, RestorePlan, RestoreReport, RestoreTarget, StoredValue } from '../backup.js';
import { binaryCollation } from './collation.js';
import { copyValue, resetSequence } from './copy.js';
import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';
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
      // Memory for rebuilding the indexes in one sort each; the commit at the end is flushed as any other.
      await client.query(`set local maintenance_work_mem = '256MB'`);
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
      // Rows go in faster without the indexes, which are made again afterwards, the same.
      const { rows: indexes } = await client.query<{ name: string; tbl: string; def: string }>(`select i.indexrelid::regclass::text as name,
        i.indrelid::regclass::text as tbl, pg_get_indexdef(i.indexrelid) as def from pg_index i join pg_class c on c.oid = i.indrelid
        where c.relnamespace = current_schema()::regnamespace and not i.indisprimary
        and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`);
      for (const ix of indexes) await client.query(`drop index ${ix.name}`);
      await this.load(plan.rows, columns, counts, plan.schema);
      for (const ix of indexes) {
        try {
          await client.query(ix.def);
        } catch (e) {
          if ((e as { code?: string }).code !== '23505') throw e;
          throw invalidBackup(`table ${ix.tbl} has rows that repeat a value its index ${ix.name} keeps unique`);
        }
      }

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
      // Statistics for the planner now, not when autovacuum comes round: without them it takes each table for a few
      // rows and scans whole tables for a batch of ids (contact list on a just-copied 100k demo: 7.4 s, 2.1x SQLite).
      await client.query(`analyze ${[...new Set([...tables, ...await ourTablesPg(client)])].map(quote).join(', ')}`);
      return { rows: counts, migrated, indexed };
    } catch (e) {
      await client.query('rollback').catch(() => {});
      throw translatePgError(e, this.path);
    }
  }

  /**
   * Rows go into one COPY per table and set of columns, streamed as the backup's batches come: one round trip per
   * table rather than per batch.
   */
  private async load(batches: AsyncIterable<BackupRows>, columns: Map<string, Set<string>>, counts: Record<string, number>, schema: number) {
    let open: { table: string; keys: string; stream: CopyStreamQuery; done: Promise<void> } | undefined;
    const close = async () => {
      if (!open) return;
      const { stream, done, table } = open;
      open = undefined;
      stream.end();
      try {
        await done;
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code !== '23505' && code !== '23502' && code !== '22P02' && code !== '23514' && code !== '22003') throw e;
        throw invalidBackup(`table ${table} does not load: ${(e as Error).message}${(e as { detail?: string }).detail ? ` (${(e as { detail?: string }).detail})` : ''}`);
      }
    };
    try {
      for await (const { table, rows } of batches) {
        const known = columns.get(table);
        if (!known) throw invalidBackup(`table ${table} is not a table of schema ${schema}`);
        let n = counts[table] ?? 0;
        let chunk = '';
        for (const row of rows) {
          n += 1;
          if (row === null || typeof row !== 'object' || Array.isArray(row)) {
            throw invalidBackup(`table ${table}, row ${n}: ${describe(row)}, not an object of columns`);
          }
          const rowKeys = Object.keys(row);
          if (rowKeys.length === 0) throw invalidBackup(`table ${table}, row ${n}: no columns`);
          const signature = `${table}\u0000${rowKeys.join('\u0000')}`;
          if (open?.keys !== signature) {
            if (open && chunk) open.stream.write(chunk);
            chunk = '';
            await close();
            const unknown = rowKeys.find((k) => !known.has(k));
            if (unknown !== undefined) throw invalidBackup(`table ${table} has no column ${unknown} at schema ${schema}`);
            const stream = this.client.query(copyFrom(`copy ${quote(table)} (${rowKeys.map(quote).join(', ')}) from stdin`));
            const done = new Promise<void>((resolve, reject) => {
              stream.on('finish', resolve);
              stream.on('error', reject);
            });
            done.catch(() => {});
            open = { table, keys: signature, stream, done };
          }
          const values = Object.values(row);
          let line = '';
          for (let i = 0; i < values.length; i++) {
            const v = values[i];
            if (!storable(v)) throw invalidBackup(`table ${table}, row ${n}: column ${rowKeys[i]} holds ${describe(v)}; a backup holds text, numbers and null`);
            line += (i ? '\t' : '') + copyValue(v);
          }
          chunk += `${line}\n`;
        }
        if (open && chunk && !open.stream.write(chunk)) await new Promise((r) => open!.stream.once('drain', r));
        counts[table] = n;
      }
      await close();
    } catch (e) {
      if (open) {
        open.stream.destroy(e as Error);
        await open.done.catch(() => {});
      }
      throw e;
    }
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
