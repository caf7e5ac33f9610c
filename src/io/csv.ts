import { isUtf8 } from 'node:buffer';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { type CrmError, invalid } from '../errors.js';

export interface CsvRecord {
  record: Record<string, string>;
  /** 1-based line number in the file (the header is line 1) the record starts on. */
  line: number;
  /** What makes the record unreadable as a whole (bytes that are not text in the file's encoding), for the import to list. */
  problem?: string;
}

// In a file of their own so that `crm import`'s flags name them without loading the CSV reader.
import { ENCODINGS, type Encoding } from './encodings.js';

export { ENCODINGS, type Encoding };

export interface CsvOptions {
  /** The field separator; left out, the header line decides between , ; and tab (what it holds most of). */
  delimiter?: string;
  /** Left out: a byte-order mark decides, else UTF-16 when the text has a NUL beside every ASCII letter, else UTF-8. */
  encoding?: Encoding;
}

/**
 * Streams a CSV file's records by header name; `onHeader` sees the columns before the first record. The file is
 * decoded as it is read: a byte-order mark is honoured and dropped, and bytes that are not UTF-8 mark the record
 * they are in (never a silent U+FFFD).
 */
export async function* readCsv(path: string, options: CsvOptions, onHeader: (columns: string[]) => void): AsyncGenerator<CsvRecord> {
  for await (const batch of readCsvBatches(path, options, onHeader)) yield* batch;
}

/**
 * readCsv's records in batches, as many as one read of the file holds: an import of a million rows waits on a
 * promise per batch, not per row.
 */
export async function* readCsvBatches(path: string, options: CsvOptions, onHeader: (columns: string[]) => void): AsyncGenerator<CsvRecord[]> {
  const { encoding, skip } = await sniffEncoding(path, options.encoding);
  const invalid: number[] = [];
  const text = decode(createReadStream(path, { start: skip }), encoding, invalid)[Symbol.asyncIterator]();
  // The header line, to choose the delimiter from when none is given.
  let head = '';
  let next = await text.next();
  while (!next.done) {
    head += next.value;
    if (options.delimiter !== undefined || /[\r\n]/.test(head)) break;
    next = await text.next();
  }
  const delimiter = options.delimiter ?? sniffDelimiter(head);
  async function* rest(): AsyncGenerator<string> {
    if (head) yield head;
    if (next.done) return;
    for (let n = await text.next(); !n.done; n = await text.next()) yield n.value;
  }
  const problem = problemLines(invalid, encoding);
  const header = (columns: string[]) => {
    if (invalid.includes(1)) throw badHeader(encoding);
    onHeader(columns);
    return columns;
  };
  if (await isPlain(path, skip, encoding, delimiter)) {
    yield* plainRecords(rest(), delimiter, header, problem);
    return;
  }
  const parser = parse({
    bom: false, delimiter, skip_empty_lines: true, trim: true, relax_column_count: true,
    columns: header,
    // The lines are taken while the record is parsed (later the parser has read ahead). A record is named by the line
    // it starts on: the one after the previous record's last, past the empty lines skipped between them.
    on_record: (record: Record<string, string>, context: { lines: number; empty_lines: number }) => {
      const line = ended + 1 + context.empty_lines - skipped;
      ended = context.lines;
      skipped = context.empty_lines;
      return { record, line, end: context.lines };
    },
  });
  let ended = 1;
  let skipped = 0;
  Readable.from(rest(), { objectMode: false }).on('error', (e) => parser.destroy(e)).pipe(parser);
  try {
    for await (const { record, line, end } of parser as AsyncIterable<CsvRecord & { end: number }>) {
      const why = problem(line, end);
      yield [why ? { record, line, problem: why } : { record, line }];
    }
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('CSV_') || code === 'INVALID_OPENING_QUOTE')) throw malformed(code, e as Error & { lines?: number });
    throw e;
  }
}

/**
 * What makes the record on lines `line` to `end` unreadable, from the lines with bytes that are not text (`invalid`,
 * in order); asked of records in the order of the file.
 */
function problemLines(invalid: readonly number[], encoding: Encoding): (line: number, end: number) => string | undefined {
  let seen = 0; // how many invalid lines were passed
  return (line, end) => {
    while (seen < invalid.length && invalid[seen]! < line) seen += 1;
    return seen < invalid.length && invalid[seen]! <= end
      ? `the row holds bytes that are not ${encoding === 'utf-8' ? 'UTF-8' : encoding} text; save the file as UTF-8, or pass --encoding windows-1252 ` +
        '(what Excel and Outlook on Windows write)'
      : undefined;
  };
}

/**
 * Whether the file can be read by splitting lines at newlines and cells at the delimiter: no quote, so no cell spans
 * lines or holds the delimiter, and no carriage return, so every line ends at a newline. Such files (what programs
 * export) are most large ones; csv-parse reads the others. Only in encodings where those bytes mean only those
 * characters.
 */
async function isPlain(path: string, skip: number, encoding: Encoding, delimiter: string): Promise<boolean> {
  if ((encoding !== 'utf-8' && encoding !== 'windows-1252') || delimiter.length !== 1 || '"\r\n'.includes(delimiter)) return false;
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let at = skip; ;) {
      const { bytesRead } = await handle.read(buf, 0, buf.length, at);
      if (bytesRead === 0) return true;
      const part = buf.subarray(0, bytesRead);
      if (part.includes(0x22) || part.includes(0x0d)) return false;
      at += bytesRead;
    }
  } finally {
    await handle.close();
  }
}

/** What csv-parse's trim drops before a cell (after it, String.prototype.trimEnd's whitespace). */
const isPad = (c: number) => c === 0x20 || c === 0x09 || c === 0x0c;

/**
 * The cells of the line text[start, end) of a plain file (isPlain), trimmed as csv-parse trims them; null for a line
 * csv-parse skips as empty (no delimiter, nothing but padding).
 */
export function plainCells(text: string, start: number, end: number, delimiter: string): string[] | null {
  const cells: string[] = [];
  for (let at = start; ;) {
    let stop = text.indexOf(delimiter, at);
    if (stop === -1 || stop > end) stop = end;
    let from = at;
    while (from < stop && isPad(text.charCodeAt(from))) from += 1;
    if (stop === end && from === end && cells.length === 0) return null;
    cells.push(text.slice(from, stop).trimEnd());
    if (stop === end) return cells;
    at = stop + 1;
  }
}

/** The records of a plain file (isPlain), as csv-parse would give them, by the line each is on. */
async function* plainRecords(chunks: AsyncIterable<string>, delimiter: string, header: (columns: string[]) => string[],
  problem: (line: number, end: number) => string | undefined): AsyncGenerator<CsvRecord[]> {
  let columns: string[] | undefined;
  let line = 0;
  let carry = '';
  const take = (text: string, start: number, end: number, batch: CsvRecord[]) => {
    line += 1;
    const cells = plainCells(text, start, end, delimiter);
    if (cells === null) return;
    if (!columns) {
      columns = header(cells);
      return;
    }
    const record: Record<string, string> = {};
    for (let i = 0, n = Math.min(cells.length, columns.length); i < n; i++) record[columns[i]!] = cells[i]!;
    const why = problem(line, line);
    batch.push(why ? { record, line, problem: why } : { record, line });
  };
  for await (const chunk of chunks) {
    const text = carry + chunk;
    const batch: CsvRecord[] = [];
    let at = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', at)) {
      take(text, at, nl, batch);
      at = nl + 1;
    }
    carry = text.slice(at);
    if (batch.length) yield batch;
  }
  const batch: CsvRecord[] = [];
  if (carry !== '') take(carry, 0, carry.length, batch);
  if (batch.length) yield batch;
}

/** csv-parse's complaint about the file's form as one line naming where and how to fix it. */
function malformed(code: string, e: Error & { lines?: number }): CrmError {
  const where = e.lines ? `line ${e.lines}: ` : '';
  if (code === 'CSV_QUOTE_NOT_CLOSED') {
    return invalid('FILE', `${where}a quoted cell is never closed (the file ends inside quotes)`,
      'close the quote that opens the cell, or write a quote inside a cell as two ("")');
  }
  if (code === 'INVALID_OPENING_QUOTE') {
    return invalid('FILE', `${where}a quote stands inside a cell that does not start with one`,
      'quote the whole cell and write a quote inside it as two (""), or remove the quote');
  }
  if (code === 'CSV_INVALID_CLOSING_QUOTE') {
    return invalid('FILE', `${where}a quote ends a cell before its end`, 'quote the whole cell and write a quote inside it as two ("")');
  }
  return invalid('FILE', `${where}is not valid CSV (${e.message.replace(/\s+/g, ' ')})`, 'fix that line, or export the file again as CSV');
}

const badHeader = (encoding: Encoding) => invalid('FILE', `line 1 (the header) is not valid ${encoding === 'utf-8' ? 'UTF-8' : encoding} text`,
  'save the file as UTF-8, or pass --encoding windows-1252 (what Excel and Outlook on Windows write)');

/** The delimiter a header line uses: the most frequent of , ; and tab outside quotes (a comma when none is there). */
export function sniffDelimiter(text: string): string {
  const line = text.split(/\r?\n|\r/, 1)[0] ?? '';
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const [c, n] of counts) if (n > counts.get(best)!) best = c;
  return best;
}

async function sniffEncoding(path: string, given?: Encoding): Promise<{ encoding: Encoding; skip: number }> {
  const handle = await open(path, 'r');
  const head = Buffer.alloc(4);
  let n: number;
  try {
    ({ bytesRead: n } = await handle.read(head, 0, 4, 0));
  } finally {
    await handle.close();
  }
  const b = head.subarray(0, n);
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: given ?? 'utf-8', skip: given && given !== 'utf-8' ? 0 : 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: given ?? 'utf-16le', skip: given && given !== 'utf-16le' ? 0 : 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: given ?? 'utf-16be', skip: given && given !== 'utf-16be' ? 0 : 2 };
  if (given) return { encoding: given, skip: 0 };
  if (n === 4 && b[0] !== 0 && b[1] === 0 && b[2] !== 0 && b[3] === 0) return { encoding: 'utf-16le', skip: 0 };
  if (n === 4 && b[0] === 0 && b[1] !== 0 && b[2] === 0 && b[3] !== 0) return { encoding: 'utf-16be', skip: 0 };
  return { encoding: 'utf-8', skip: 0 };
}

/** Windows-1252's letters at 0x80-0x9F, where Latin-1 has control characters (Node's decoder treats the two alike). */
const CP1252 = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Text chunks of a byte stream. For UTF-8 the lines holding bytes that are not UTF-8 are added to `invalid` (in
 * order), before the chunk with them is yielded.
 */
async function* decode(input: AsyncIterable<Buffer>, encoding: Encoding, invalid: number[]): AsyncGenerator<string> {
  if (encoding === 'windows-1252') {
    for await (const chunk of input) yield chunk.toString('latin1').replace(/[\u0080-\u009f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80]!);
    return;
  }
  if (encoding !== 'utf-8') {
    const decoder = new TextDecoder(encoding);
    for await (const chunk of input) yield decoder.decode(chunk, { stream: true });
    yield decoder.decode();
    return;
  }
  let carry = Buffer.alloc(0);
  let line = 1;
  const check = (buf: Buffer) => {
    if (isUtf8(buf)) return;
    let at = 0;
    let lineAt = line;
    for (const offset of badUtf8(buf)) {
      for (; at < offset; at++) if (buf[at] === 0x0a) lineAt += 1;
      if (invalid.at(-1) !== lineAt) invalid.push(lineAt);
    }
  };
  for await (const chunk of input as AsyncIterable<Buffer>) {
    const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const cut = buf.length - incompleteTail(buf);
    carry = Buffer.from(buf.subarray(cut));
    const whole = buf.subarray(0, cut);
    check(whole);
    yield whole.toString('utf8');
    for (let at = whole.indexOf(0x0a); at !== -1; at = whole.indexOf(0x0a, at + 1)) line += 1;
  }
  if (carry.length) {
    check(carry);
    yield carry.toString('utf8');
  }
}

/** How many bytes at the end of `buf` start a UTF-8 sequence that the next chunk completes. */
function incompleteTail(buf: Buffer): number {
  for (let i = 1; i <= Math.min(3, buf.length); i++) {
    const b = buf[buf.length - i]!;
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > i ? i : 0;
  }
  return 0;
}

/** Offsets of the bytes that start no valid UTF-8 sequence (RFC 3629: no overlongs, surrogates or code points past U+10FFFF). */
export function badUtf8(b: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < b.length;) {
    const c = b[i]!;
    if (c < 0x80) {
      i += 1;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    const [lo, hi] = c === 0xe0 ? [0xa0, 0xbf] : c === 0xed ? [0x80, 0x9f] : c === 0xf0 ? [0x90, 0xbf] : c === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    let ok = n > 0 && i + n < b.length && b[i + 1]! >= lo && b[i + 1]! <= hi;
    for (let k = 2; ok && k <= n; k++) ok = (b[i + k]! & 0xc0) === 0x80;
    if (!ok) {
      out.push(i);
      i += 1;
    } else i += n + 1;
  }
  return out;
}

/** Copies standard input to a private temporary file (mode 0600, in a folder of its own) and returns its path. */
export async function spool(input: Readable): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'crm-import-'));
  const file = join(dir, 'stdin.csv');
  try {
    await pipeline(input, createWriteStream(file, { mode: 0o600 }));
  } catch (e) {
    // A pipe that broke half-way leaves no half of someone's data behind.
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  return file;
}
