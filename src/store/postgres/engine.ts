import { type CompiledQuery, type Kysely, sql, type SqlBool } from 'kysely';
import type { EngineSql } from '../repos/engine.js';
import type { DB } from '../schema.js';
import { PgSearchIndex } from './search.js';

/**
 * PostgreSQL's ways with what the shared repositories leave to the engine. node-postgres builds row objects fast
 * enough that a query's rows are read as they come and turned into arrays here.
 */
export function pgSql(db: Kysely<DB>): EngineSql {
  const rowsOf = async (query: { compile(): CompiledQuery }) => (await db.executeQuery<Record<string, unknown>>(query.compile())).rows;
  return {
    tuples: async (query, columns) => (await rowsOf(query)).map((r) => columns.map((c) => r[c])),
    columns: async (query, columns) => {
      const rows = await rowsOf(query);
      return columns.map((c) => rows.map((r) => r[c]));
    },
    search: new PgSearchIndex(db),
    contains: (column, text) => sql<SqlBool>`strpos(${sql.ref(column)}, ${text}) > 0`,
    unindexed: (column) => sql.ref(column),
  };
}
