import { type Kysely, sql, type SqlBool } from 'kysely';
import type { EngineSql } from '../repos/engine.js';
import type { DB } from '../schema.js';
import { contactTexts } from './contact-texts.js';
import { Fts5Index } from './search.js';
import { selectColumns, selectOrdered, selectTuples } from './tuples.js';

/** SQLite's ways with what the shared repositories leave to the engine. */
export function sqliteSql(db: Kysely<DB>): EngineSql {
  return {
    tuples: (query, columns) => selectTuples(db, query, columns),
    columns: (query, columns) => selectColumns(db, query, columns),
    ordered: (query, column) => selectOrdered(db, query, column),
    search: new Fts5Index(db),
    // instr, not LIKE: no wildcards to escape.
    contains: (column, text) => sql<SqlBool>`instr(${sql.ref(column)}, ${text}) > 0`,
    unindexed: (column) => sql`+${sql.ref(column)}`,
    scansForLongLists: false,
    contactTexts: (ids, size, separator) => contactTexts(db, ids, size, separator),
  };
}
