import { CompiledQuery, type Kysely } from 'kysely';

/**
 * Runs a Kysely select and returns each row as an array of `columns`, in order.
 *
 * Why: better-sqlite3 spends ~2 µs per value building row objects, so 10,000 contacts cost ~60 ms and as much
 * again in garbage collection. Having SQLite write each row as one JSON array and parsing them all with a single
 * JSON.parse is ~4x faster (measured in bench/run.mjs). PostgreSQL has json_build_array for the same trick.
 */
export async function selectTuples<DB>(
  db: Kysely<DB>,
  query: { compile(): CompiledQuery },
  columns: readonly string[],
): Promise<unknown[][]> {
  const { sql, parameters } = query.compile();
  const list = columns.map((c) => `"${c}"`).join(', ');
  // The outer select adds no ORDER BY, so SQLite's flattener keeps the inner query's order.
  const { rows } = await db.executeQuery<{ t: string }>(
    CompiledQuery.raw(`select json_array(${list}) as t from (${sql})`, [...parameters]));
  return rows.length ? JSON.parse(`[${rows.map((r) => r.t).join(',')}]`) as unknown[][] : [];
}

/**
 * A select as one array per column: SQLite aggregates every column of the one scan into a JSON array, and a single
 * JSON.parse reads them all. better-sqlite3 then makes one row instead of one per record and no array per row is
 * built: 100,000 contacts take ~40 ms instead of ~130.
 */
export async function selectColumns<DB>(
  db: Kysely<DB>,
  query: { compile(): CompiledQuery },
  columns: readonly string[],
): Promise<unknown[][]> {
  const { sql, parameters } = query.compile();
  const list = columns.map((c) => `json_group_array("${c}")`).join(', ');
  const { rows } = await db.executeQuery<{ t: string }>(
    CompiledQuery.raw(`select json_array(${list}) as t from (${sql})`, [...parameters]));
  return JSON.parse(rows[0]!.t) as unknown[][];
}

/**
 * One column of a select as one JSON array, in the select's order. SQLite never flattens a subquery that has an ORDER
 * BY into an aggregate query (its flattening rule 16), so the rows reach json_group_array in that order.
 */
export async function selectOrdered<DB>(
  db: Kysely<DB>,
  query: { compile(): CompiledQuery },
  column: string,
): Promise<unknown[]> {
  const { sql, parameters } = query.compile();
  const { rows } = await db.executeQuery<{ t: string }>(
    CompiledQuery.raw(`select json_group_array("${column}") as t from (${sql})`, [...parameters]));
  return JSON.parse(rows[0]!.t) as unknown[];
}
