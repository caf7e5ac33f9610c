import { isUtf8 } from 'node:buffer';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { CrmError, invalid } from '../errors.js';

export interface CsvRecord {
  record: Record<string, string>;
  /** 1-based line number in the file (the header is line 1). */
  line: number;
}

/** Streams a CSV file's records by header name; `onHeader` sees the columns before the first record. */
export async function* readCsv(path: string, delimiter: string, onHeader: (columns: string[]) => void): AsyncGenerator<CsvRecord> {
  const parser = parse({
    bom: true, delimiter, skip_empty_lines: true, trim: true, relax_column_count: true,
    columns: (header: string[]) => {
      onHeader(header);
      return header;
    },
    // The line is taken while the record is parsed (later the parser has read ahead); cheaper than `info: true`.
    on_record: (record: Record<string, string>, context: { lines: number }) => ({ record, line: context.lines }),
  });
  let header: string[] = [];
  const checked = utf8Only();
  createReadStream(path).on('error', (e) => parser.destroy(e)).pipe(checked).on('error', (e) => parser.destroy(e)).pipe(parser);
  try {
    for await (const r of parser as AsyncIterable<CsvRecord>) {
      if (!header.length) header = Object.keys(r.record);
      yield r;
    }
  } catch (e) {
    if (e instanceof CrmError) throw e;
    if (e === NOT_UTF8) throw notUtf8(path, delimiter, header);
    const code = (e as { code?: unknown }).code;
    if (code === 'CSV_INVALID_OPTION_DELIMITER') throw invalid('--delimiter', `${JSON.stringify(delimiter)} cannot separate columns`, 'give one character, e.g. --delimiter ";" or --delimiter tab');
    if (typeof code === 'string' && (code.startsWith('CSV_') || code === 'INVALID_OPENING_QUOTE')) throw malformed(code, e as Error & { lines?: number });
    throw e;
  }
}

const NOT_UTF8 = new Error('not UTF-8');

/** Passes the bytes on while they are UTF-8; invalid bytes would otherwise become U+FFFD in silence. */
function utf8Only(): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        done(NOT_UTF8);
        return;
      }
      done(null, chunk);
    },
    flush(done) {
      try {
        decoder.decode();
        done();
      } catch {
        done(NOT_UTF8);
      }
    },
  });
}

/** Where the first invalid byte is (a second look at the file, only when it has one): its line and column. */
function notUtf8(path: string, delimiter: string, parsed: string[]): CrmError {
  const bytes = readFileSync(path);
  const firstLine = bytes.subarray(0, bytes.indexOf(0x0a) < 0 ? bytes.length : bytes.indexOf(0x0a));
  // The columns as parsed, or (when the bad byte came before the first record was) as the first line names them.
  const header = parsed.length ? parsed : splitBytes(firstLine, Buffer.from(delimiter)).map((c) => c.toString('utf8').trim().replace(/^"(.*)"$/, '$1'));
  let line = 1;
  let start = 0;
  let column: string | null = null;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    const text = bytes.subarray(start, i);
    if (!isUtf8(text)) {
      const cells = splitBytes(text, Buffer.from(delimiter));
      const at = cells.findIndex((c) => !isUtf8(c));
      column = line === 1 ? null : header[at] ?? `column ${at + 1}`;
      break;
    }
    line += 1;
    start = i + 1;
  }
  return invalid('FILE', `line ${line}${column === null ? '' : ` (${column})`}: is not UTF-8 text`,
    'save the file as UTF-8 (in a spreadsheet: CSV UTF-8) and import again');
}

function splitBytes(text: Buffer, sep: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let from = 0;
  for (let at = text.indexOf(sep); at >= 0; at = text.indexOf(sep, from)) {
    out.push(text.subarray(from, at));
    from = at + sep.length;
  }
  out.push(text.subarray(from));
  return out;
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
