import pg from 'pg';
import {
  Kysely, type KyselyPlugin, Migrator, OperationNodeTransformer, type OrderByItemNode, PostgresDialect, RawNode, sql,
  type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow,
} from 'kysely';
import { MIGRATION_NAMES } from '../../../migrations/names.js';
import { CrmError } from '../../errors.js';
import type { Env } from '../../io/terminal.js';
import type { MigrationReport } from '../maintenance.js';
import type { DB } from '../schema.js';
import { serverTarget, type ServerTarget } from './connect.js';
import { binaryCollation } from './collation.js';
import { translatePgError } from './errors.js';

/** Integers come back as numbers, as SQLite gives them: count(*) and bigint columns (int8), sums of them (numeric). */
const NUMBER_TYPES = new Set([20, 1700]);
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (NUMBER_TYPES.has(oid)) return (text: string) => Number(text);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

/** SQLite sorts NULL first ascending and last descending; PostgreSQL the other way. Every ORDER BY says SQLite's. */
class NullsLikeSqlite extends OperationNodeTransformer {
  protected override transformOrderByItem(node: OrderByItemNode): OrderByItemNode {
    const t = super.transformOrderByItem(node);
    if (t.nulls) return t;
    const desc = t.direction !== undefined && RawNode.is(t.direction) && t.direction.sqlFragments.join('').trim().toLowerCase() === 'desc';
    return { ...t, nulls: desc ? 'last' : 'first' };
  }
}

export class SqliteOrderPlugin implements KyselyPlugin {
  private readonly transformer = new NullsLikeSqlite();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.transformer.transformNode(args.node);
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

export interface PgHandle {
  client: pg.Client;
  db: Kysely<DB>;
  target: ServerTarget;
}

/** A Kysely over one client (what a command uses: one connection, like SQLite's). */
export function kyselyOn(client: pg.Client): Kysely<DB> {
  const one = Object.assign(client, { release: () => {} });
  return new Kysely<DB>({
    dialect: new PostgresDialect({ pool: { connect: async () => one, end: async () => {} } as never }),
    plugins: [new SqliteOrderPlugin()],
  });
}

/**
 * One query at a time on the connection: the repositories read in parallel (Promise.all), which one connection
 * would queue anyway, and node-postgres deprecates queueing. A COPY stream (a submittable) goes straight through.
 */
function serializeQueries(client: pg.Client): void {
  const original = client.query.bind(client) as (...args: unknown[]) => unknown;
  let tail: Promise<unknown> = Promise.resolve();
  (client as { query: unknown }).query = (...args: unknown[]) => {
    if (typeof (args[0] as { submit?: unknown })?.submit === 'function') return original(...args);
    const run = tail.then(() => original(...args));
    tail = run.catch(() => {});
    return run;
  };
}

/** Connects to the server `url` names, with libpq's conventions read from `env`. */
export async function connectPg(url: string, env: Env): Promise<PgHandle> {
  const target = serverTarget(url, env);
  const client = new pg.Client({ ...target.config, types });
  // A connection lost later (server restart) surfaces on the next query; an unhandled 'error' event would crash.
  client.on('error', () => {});
  serializeQueries(client);
  try {
    await client.connect();
  } catch (e) {
    throw translatePgError(e, target.shown);
  }
  return { client, db: kyselyOn(client), target };
}

/** A key of our own for pg_advisory_xact_lock: two first runs of crm on one database migrate one after the other. */
const MIGRATION_LOCK = 0x63726d; // "crm"

export async function appliedMigrations(db: Kysely<DB>): Promise<string[] | null> {
  const { rows } = await sql<{ t: string | null }>`select to_regclass('kysely_migration')::text as t`.execute(db);
  if (!rows[0]?.t) return null;
  return (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)).rows.map((r) => r.name);
}

/**
 * Brings the schema up to date, all of it in one transaction under an advisory lock: a second crm starting at the
 * same moment waits for the lock, then finds the work done.
 */
export async function migratePg(handle: PgHandle): Promise<MigrationReport> {
  const { client, db, target } = handle;
  const names = MIGRATION_NAMES;
  const done = await appliedMigrations(db);
  if (done && done.length === names.length) return { applied: [], backup: null };
  if (done && done.some((n) => !names.includes(n))) {
    throw new CrmError('database', `${target.shown} was written by a newer crm (it has migrations this crm does not know)`,
      'upgrade crm to use this database');
  }
  if (!done) {
    const { rows } = await client.query<{ n: number }>(`select count(*) as n from pg_tables where schemaname = current_schema()`);
    if (rows[0]!.n > 0) {
      throw new CrmError('database', `${target.shown} holds tables of another program, not crm's`,
        'point --db at an empty database made for crm (createdb crm), or at a crm database');
    }
  }
  await client.query('begin');
  try {
    await client.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const migrator = await pgMigrator(db);
    const { error, results = [] } = await migrator.migrateToLatest();
    if (error) throw error;
    await binaryCollation(db);
    await client.query('commit');
    return { applied: results.filter((r) => r.status === 'Success').map((r) => r.migrationName), backup: null };
  } catch (e) {
    await client.query('rollback').catch(() => {});
    throw translatePgError(e, target.shown);
  }
}

/**
 * The migrator inside our own transaction, its tables in the current schema by name: Kysely looks for them across
 * every schema, and a copy kept by a restore (crm_before_restore_...) must not count.
 */
export async function pgMigrator(db: Kysely<DB>): Promise<Migrator> {
  const { rows: [s] } = await sql<{ s: string }>`select current_schema() as s`.execute(db);
  // Loaded only here, when one is to run: an open of a current schema does without their code.
  const { migrations } = await import('../../../migrations/index.js');
  return new Migrator({ db, provider: { getMigrations: async () => migrations }, disableTransactions: true, migrationTableSchema: s!.s });
}

export async function migrationStatusPg(db: Kysely<DB>): Promise<{ applied: string[]; pending: string[] }> {
  const done = (await appliedMigrations(db)) ?? [];
  return { applied: done, pending: MIGRATION_NAMES.filter((n) => !done.includes(n)) };
}
