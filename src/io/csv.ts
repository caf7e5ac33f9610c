import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';

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
  createReadStream(path).on('error', (e) => parser.destroy(e)).pipe(parser);
  for await (const r of parser as AsyncIterable<CsvRecord>) yield r;
}

/** Copies standard input to a private temporary file (mode 0600, in a folder of its own) and returns its path. */
export async function spool(input: Readable): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'crm-import-'));
  const file = join(dir, 'stdin.csv');
  await pipeline(input, createWriteStream(file, { mode: 0o600 }));
  return file;
}
