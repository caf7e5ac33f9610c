import type pg from 'pg';
import type { Dump, TableDump } from '../backup.js';
import { TABLES } from '../schema.js';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const isEngineTable = (name: string) => /^(kysely_|search_index)/.test(name);

/** The tables of ours the database holds: those of schema.ts in their order, then any other. */
export async function ourTablesPg(client: pg.Client): Promise<string[]> {
  const found = (await client.query<{ t: string }>(`select tablename as t from pg_tables where schemaname = current_schema() order by tablename`))
    .rows.map((r) => r.t).filter((t) => !isEngineTable(t));
  const known = TABLES.filter((t) => found.includes(t)) as string[];
  return [...known, ...found.filter((t) => !known.includes(t))];
}

export async function columnsOfPg(client: pg.Client, table: string): Promise<string[]> {
  return (await client.query<{ c: string }>(`select column_name as c from information_schema.columns
    where table_schema = current_schema() and table_name = $1 order by ordinal_position`, [table])).rows.map((r) => r.c);
}

/** The order rows are read in: by id where there is one (SQLite's rowid order), else by every column. */
async function orderOf(client: pg.Client, table: string, columns: readonly string[]): Promise<string> {
  if (columns.includes('id')) return '"id"';
  const { rows } = await client.query<{ a: string }>(`select a.attname as a from pg_index i
    cross join lateral unnest(i.indkey) with ordinality as k(n, o) join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.n
    where i.indrelid = $1::regclass and i.indisprimary order by k.o`, [table]);
  return (rows.length ? rows.map((r) => r.a) : columns).map(quote).join(', ');
}

const BATCH = 2000;

/**
 * Runs `fn` over one repeatable-read snapshot: writers carry on, the dump sees the database as it was. Rows come as
 * JSON objects written by the server (row_to_json), fetched from a cursor a batch at a time.
 */
export async function dumpPg<T>(client: pg.Client, fn: (dump: Dump) => Promise<T>): Promise<T> {
  await client.query('begin isolation level repeatable read read only');
  try {
    const names = await ourTablesPg(client);
    const schema = Number((await client.query({ text: 'select count(*) from kysely_migration', rowMode: 'array' })).rows[0]![0]);
    const sequences: Record<string, number> = {};
    let cursors = 0;
    const tables: TableDump[] = [];
    for (const name of names) {
      const columns = await columnsOfPg(client, name);
      if (columns.includes('id')) {
        const { rows: [s] } = await client.query<{ seq: string | null }>(`select pg_get_serial_sequence($1, 'id') as seq`, [name]);
        if (s?.seq) {
          const { rows: [v] } = await client.query<{ last_value: number; is_called: boolean }>(`select last_value, is_called from ${s.seq}`);
          if (v!.is_called) sequences[name] = Number(v!.last_value);
        }
      }
      const order = await orderOf(client, name, columns);
      tables.push({
        name, columns,
        rows: async function* () {
          const cursor = `crm_dump_${++cursors}`;
          await client.query(`declare ${cursor} no scroll cursor for select row_to_json(t)::text from (select ${columns.map(quote).join(', ')}
            from ${quote(name)} order by ${order}) t`);
          try {
            for (;;) {
              const { rows } = await client.query<[string]>({ text: `fetch ${BATCH} from ${cursor}`, rowMode: 'array' });
              if (rows.length) yield rows.map((r) => r[0]);
              if (rows.length < BATCH) break;
            }
          } finally {
            await client.query(`close ${cursor}`);
          }
        },
      });
    }
    return await fn({ schema, sequences, tables });
  } finally {
    await client.query('commit');
  }
}
