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
  const parser = parse({
    bom: false, delimiter, skip_empty_lines: true, trim: true, relax_column_count: true,
    columns: (header: string[]) => {
      if (invalid.includes(1)) throw badHeader(encoding);
      onHeader(header);
      return header;
    },
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
  async function* rest(): AsyncGenerator<string> {
    if (head) yield head;
    if (next.done) return;
    for (let n = await text.next(); !n.done; n = await text.next()) yield n.value;
  }
  Readable.from(rest(), { objectMode: false }).on('error', (e) => parser.destroy(e)).pipe(parser);
  let seen = 0; // how many invalid lines were passed
  try {
    for await (const { record, line, end } of parser as AsyncIterable<CsvRecord & { end: number }>) {
      while (seen < invalid.length && invalid[seen]! < line) seen += 1;
      const problem = seen < invalid.length && invalid[seen]! <= end
        ? `the row holds bytes that are not ${encoding === 'utf-8' ? 'UTF-8' : encoding} text; save the file as UTF-8, or pass --encoding windows-1252 ` +
          '(what Excel and Outlook on Windows write)'
        : undefined;
      yield problem ? { record, line, problem } : { record, line };
    }
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('CSV_') || code === 'INVALID_OPENING_QUOTE')) throw malformed(code, e as Error & { lines?: number });
    throw e;
  }
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
    for (const b of whole) if (b === 0x0a) line += 1;
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
