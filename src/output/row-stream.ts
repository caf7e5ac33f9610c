import type { Writable } from 'node:stream';
import { quietWithoutIds } from '../errors.js';
import { csvQuote, machineColumns, plainCell, spreadsheetCell, tsvClean } from './cells.js';
import type { Column } from './view.js';

/**
 * Rows written as they come, for lists too long to hold as one string (100,000 contacts are ~60 MB of JSON, and
 * ten times that as objects). The text is byte for byte what the whole-list renderers make of the same rows: a list
 * can switch to streaming without any script noticing.
 *
 * Use: `await writeRows(stdout, batches, rowText(format, columns, pretty))`, where `batches` yields arrays of rows in
 * order. A report that wraps its rows in an object writes its own head and tail around the rows of `rowText`.
 */

/** The forms rows stream in: the machine formats, and `ids` for -q. Tables measure their columns and cannot. */
export type RowFormat = 'json' | 'ndjson' | 'csv' | 'tsv' | 'plain' | 'ids';

export interface RowText {
  /** What comes before the first row. */
  head: string;
  /** Row number `index` (from 0) with what separates it from the row before. */
  row(row: unknown, index: number): string;
  /** What comes after the last of `count` rows. */
  tail(count: number): string;
}

/**
 * Lines joined by line breaks, ending with one unless there are none: what the renderers' `line(rows.join('\n'))`
 * gives for a whole list.
 */
function lines(head: string | undefined, cells: (row: unknown) => string): RowText {
  return {
    head: head ?? '',
    row: (row, index) => (index > 0 || head !== undefined ? '\n' : '') + cells(row),
    tail: (count) => (count > 0 || head !== undefined ? '\n' : ''),
  };
}

/** How a row becomes its compact JSON: JSON.stringify, or nothing for rows given as that text already. */
export type Json = (row: unknown) => string;

const asGiven: Json = (row) => row as string;

/** `texts`: the rows are given as their JSON text, which only compact JSON and NDJSON can write as it is. */
export function rowText(format: RowFormat, columns: Column[], pretty: boolean, texts = false): RowText {
  if (texts && !(format === 'ndjson' || (format === 'json' && !pretty))) throw new Error(`rows given as JSON text are written only as compact JSON or NDJSON, not ${pretty ? 'indented ' : ''}${format}`);
  const json = texts ? asGiven : JSON.stringify;
  switch (format) {
    case 'json': {
      const array = jsonArray(pretty, 0, json);
      return { ...array, tail: (n) => `${array.tail(n)}\n` };
    }
    case 'ndjson':
      return lines(undefined, json);
    case 'ids':
      return lines(undefined, (r) => {
        const id = (r as { id?: unknown }).id;
        if (id === undefined) throw quietWithoutIds();
        return id === null ? '' : String(id);
      });
    case 'plain': {
      const cols = machineColumns(columns);
      return lines(undefined, (r) => cols.map((c) => tsvClean(plainCell(c, r))).join('\t'));
    }
    case 'csv':
    case 'tsv': {
      const cols = machineColumns(columns);
      const [sep, quote] = format === 'csv' ? [',', csvQuote] : ['\t', tsvClean];
      return lines(cols.map((c) => quote(c.key)).join(sep), (r) => cols.map((c) => quote(spreadsheetCell(c, r))).join(sep));
    }
  }
}

/**
 * An array as JSON.stringify(value, null, pretty ? 2 : undefined) lays it out `depth` levels inside a document,
 * with no line break after it.
 */
export function jsonArray(pretty: boolean, depth: number, json: Json = JSON.stringify): RowText {
  if (!pretty) return { head: '[', row: (r, i) => `${i ? ',' : ''}${json(r)}`, tail: () => ']' };
  const outer = `\n${'  '.repeat(depth)}`;
  const inner = `${outer}  `;
  return { head: '[', row: (r, i) => `${i ? ',' : ''}${inner}${JSON.stringify(r, null, 2).replaceAll('\n', inner)}`, tail: (n) => (n ? `${outer}]` : ']') };
}

/**
 * A record whose field `key` holds rows made as they are written, as JSON.stringify(data, null, pretty ? 2 :
 * undefined) would write the record with the rows as an array in that field; `rows` goes to `writeRows`.
 */
export function jsonAround(data: Record<string, unknown>, key: string, pretty: boolean): RowText {
  const mark = `\u0000rows of ${key}\u0000`;
  const whole = JSON.stringify({ ...data, [key]: mark }, null, pretty ? 2 : undefined);
  const marked = JSON.stringify(mark);
  // The first place the mark is: the fields before it are the report's own, which no name reaches.
  const at = whole.indexOf(marked);
  const array = jsonArray(pretty, 1);
  return { head: whole.slice(0, at) + array.head, row: array.row, tail: (n) => `${array.tail(n)}${whole.slice(at + marked.length)}\n` };
}

/** Text is handed to the stream in pieces of about this many characters: few writes, little held. */
const PIECE = 1 << 16;

/**
 * Writes `batches` to `out` in `text`'s form, waiting whenever `out` is full; returns how many rows there were.
 * Nothing is written before the first batch has arrived, so a read that fails at once prints nothing; one that fails
 * later throws after a part was written, and the caller's error (and exit code) says the output is incomplete.
 */
export async function writeRows(out: Writable, batches: AsyncIterable<readonly unknown[]>, text: RowText): Promise<number> {
  let pending = text.head;
  let count = 0;
  const flush = async () => {
    const piece = pending;
    pending = '';
    if (piece !== '' && !out.write(piece)) await drained(out);
  };
  for await (const batch of batches) {
    for (const row of batch) {
      pending += text.row(row, count);
      count += 1;
      if (pending.length >= PIECE) await flush();
    }
  }
  pending += text.tail(count);
  await flush();
  return count;
}

/** Resolves when `out` can take more; rejects if it fails first (a closed pipe). */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (e?: Error) => {
      out.off('drain', done);
      out.off('error', done);
      if (e) reject(e);
      else resolve();
    };
    out.on('drain', done);
    out.on('error', done);
  });
}
