import { existsSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { FieldProblem, type RowSchema } from '../../domain/row-schema.js';
import { CrmError, invalid } from '../../errors.js';
import { type CsvRecord, readCsv, spool } from '../csv.js';
import { progress } from '../progress.js';
import { checkHeader, type ColumnMap, mapColumns } from './columns.js';

/** Bad rows listed one per line before the error; the error counts them all. */
const MAX_LISTED = 20;

/** Records of a file with the line each ends on; `onHeader` sees the columns before the first record (and may refuse them). */
export type RecordReader = (path: string, onHeader: (columns: string[]) => void) => AsyncIterable<CsvRecord>;

export const csvRecords = (delimiter: string): RecordReader => (path, onHeader) => readCsv(path, delimiter, onHeader);

/** Finds the existing record a row means, against the records as they are and as earlier rows of the import left them. */
export interface RowMatcher<Row, Match> {
  /** The match, or what is wrong with the row (no such record, several). */
  match(row: Row): Match | FieldProblem | Promise<Match | FieldProblem>;
}

/** Writes matched rows, or in a dry run counts what writing them would do. */
export interface RowWriter<Row, Match, Result> {
  preview(row: Row, match: Match): void | Promise<void>;
  /** Called only while every row so far was good: the first bad row stops the writing, not the checking. */
  write(row: Row, match: Match): void | Promise<void>;
  /** After the last row, when every row was good: the import's result; inside the transaction, so it may journal. */
  finish(rows: number): Promise<Result>;
}

export type ImportTarget<Row, Match, Result> = RowMatcher<Row, Match> & RowWriter<Row, Match, Result>;

export interface ImportRun<F extends string, Row, Match, Result> {
  /** The file as the user named it; '-' is standard input. */
  file: string;
  stdin: Readable;
  schema: RowSchema<F, Row>;
  /** `--map field=Column` flags. */
  maps?: readonly string[];
  /** Columns by field that a preset (an export's layout) names, under --map. */
  preset?: Partial<Record<F, string>>;
  read: RecordReader;
  dryRun: boolean;
  /** What a record of the file is, in progress and in the error that counts bad ones: rows (a CSV's), or cards (a vCard's). */
  unit?: string;
  /** Where a terminal is shown progress. */
  progress: Writable & { isTTY?: boolean };
  /**
   * Calls `pass` with the matcher and writer exactly once: for a dry run over the records as they are; otherwise
   * inside one transaction, which commits when `pass` returns and rolls back when it throws, so bad input never
   * half-writes.
   */
  session: (pass: (target: ImportTarget<Row, Match, Result>) => Promise<Result>) => Promise<Result>;
}

/**
 * Imports a file in one streaming pass: every row is read, checked by the schema and matched; while all are good
 * each is written (a dry run writes nothing). Rows never sit in memory. Bad rows are listed by line and field, at
 * the end, in one error that says nothing was imported.
 */
export async function runImport<F extends string, Row, Match, Result>(run: ImportRun<F, Row, Match, Result>): Promise<Result> {
  const columns = mapColumns(run.schema, run.maps, run.preset);
  // Standard input goes to a private file first, so the write transaction never waits on a slow pipe.
  const fromStdin = run.file === '-';
  const path = fromStdin ? await spool(run.stdin) : resolve(run.file);
  try {
    if (!existsSync(path) || statSync(path).isDirectory()) {
      throw invalid('FILE', `${run.file} is not a readable file`, 'give a CSV file path, or - for standard input');
    }
    return await run.session((target) => pass(run, columns, path, target));
  } finally {
    if (fromStdin) rmSync(dirname(path), { recursive: true, force: true });
  }
}

async function pass<F extends string, Row, Match, Result>(
  run: ImportRun<F, Row, Match, Result>, map: ColumnMap<F>, path: string, target: ImportTarget<Row, Match, Result>,
): Promise<Result> {
  const { schema, dryRun } = run;
  const listed: string[] = [];
  let header = false;
  let bad = 0;
  let total = 0;
  const unit = run.unit ?? 'rows';
  const meter = progress(run.progress, dryRun ? 'checking' : 'importing', unit);
  const describe = (p: FieldProblem) => (p.named ? `${p.problem} (${map.column[p.field as F]})` : `${p.field} (${map.column[p.field as F]}) ${p.problem}`);
  for await (const { record, line } of run.read(path, (columns) => {
    checkHeader(columns, map, schema);
    header = true;
  })) {
    total += 1;
    meter.tick(total);
    const checked = schema.parse((f) => (record[map.column[f]] ?? '').trim());
    let problems: FieldProblem[] | null = 'problems' in checked ? checked.problems : null;
    if ('row' in checked) {
      // A matcher or writer that answers at once is not awaited: a microtask per row is measurable over a million.
      let found = target.match(checked.row);
      if (found instanceof Promise) found = await found;
      if (found instanceof FieldProblem) problems = [found];
      else {
        const done = dryRun ? target.preview(checked.row, found) : bad === 0 ? target.write(checked.row, found) : undefined;
        if (done instanceof Promise) await done;
      }
    }
    if (problems) {
      bad += 1;
      for (const p of problems) if (listed.length < MAX_LISTED) listed.push(`line ${line}: ${describe(p)}`);
    }
  }
  if (!header) {
    throw invalid('FILE', `${run.file === '-' ? 'standard input' : run.file} is empty`,
      `the first line must name the columns: ${schema.required.map((f) => map.column[f]).join(', ')}`);
  }
  meter.done(total);
  if (bad > 0) {
    throw new CrmError('validation', `${bad} of ${total} ${unit} are invalid; nothing was imported`, `fix the ${unit} listed above and import again`,
      { errors: listed, lines: listed });
  }
  return target.finish(total);
}
