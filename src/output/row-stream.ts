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

/** How a row becomes its compact JSON. */
export type Json = (row: unknown) => string;

export function rowText(format: RowFormat, columns: Column[], pretty: boolean): RowText {
  const json = JSON.stringify;
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

/**
 * Rows a source wrote as their compact JSON and joined itself, `count` of them with the separator asked for between
 * two, as one text or as its UTF-8 bytes: such a batch goes to stdout as it is.
 */
export interface JoinedRows {
  count: number;
  text: string | Uint8Array;
}

/** Batches of rows as JSON text, each joined by `separator`. */
export type JoinedTexts = (separator: string) => AsyncIterable<JoinedRows>;

/** The forms that write rows given as JSON text as they are: compact JSON and NDJSON. */
export type JoinedFormat = 'json' | 'ndjson';

/**
 * Writes `texts` to `out` as rowText(format, [], false) writes the same rows, batch by batch, waiting whenever `out`
 * is full; returns how many rows there were. Nothing is written before the first batch, as with writeRows.
 */
export async function writeJoined(out: Writable, texts: JoinedTexts, format: JoinedFormat): Promise<number> {
  const separator = format === 'json' ? ',' : '\n';
  let pending = format === 'json' ? '[' : '';
  let count = 0;
  for await (const { count: n, text } of texts(separator)) {
    if (n === 0) continue;
    if (count > 0) pending += separator;
    count += n;
    await put(out, pending);
    pending = '';
    await put(out, text);
  }
  await put(out, pending + (format === 'json' ? ']\n' : count > 0 ? '\n' : ''));
  return count;
}

/** Writes `chunk` to `out` (nothing if it is empty), waiting until `out` can take more. */
async function put(out: Writable, chunk: string | Uint8Array): Promise<void> {
  if (chunk.length > 0 && !out.write(chunk)) await drained(out);
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
    await put(out, piece);
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
