import { existsSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { FieldProblem, type RowSchema } from '../../domain/row-schema.js';
import { CrmError, invalid } from '../../errors.js';
import type { ColumnSource } from '../../domain/imports/presets.js';
import { type CsvOptions, type CsvRecord, readCsvBatches, spool } from '../csv.js';
import { progress } from '../progress.js';
import { type BoundColumns, checkHeader, type ColumnMap, mapColumns } from './columns.js';

/** Bad rows listed one per line before the error; the error counts them all. */
const MAX_LISTED = 20;

/**
 * Records of a file with the line each starts on, in batches (a promise per row is measurable over a million);
 * `onHeader` sees the columns before the first record (and may refuse them).
 */
export type RecordReader = (path: string, onHeader: (columns: string[]) => void) => AsyncIterable<readonly CsvRecord[]>;

/** A CSV file's records; the delimiter and encoding are found from the file where not given. */
export const csvRecords = (options: CsvOptions | string = {}): RecordReader => (path, onHeader) =>
  readCsvBatches(path, typeof options === 'string' ? { delimiter: options } : options, onHeader);

/** Finds the existing record a row means, against the records as they are and as earlier rows of the import left them. */
export interface RowMatcher<Row, Match> {
  /** The match, or what is wrong with the row (no such record, several); `line` is where the row ends in the file. */
  match(row: Row, line: number): Match | FieldProblem | Promise<Match | FieldProblem>;
}

/** Writes matched rows, or in a dry run counts what writing them would do. */
export interface RowWriter<Row, Match, Result> {
  preview(row: Row, match: Match, line: number): void | Promise<void>;
  /** Called only while every row so far was good: the first bad row stops the writing, not the checking. */
  write(row: Row, match: Match, line: number): void | Promise<void>;
  /** After the last row, when every row was good: the import's result; inside the transaction, so it may journal. */
  finish(rows: number): Promise<Result>;
}

/**
 * Problems a target finds only after the last row (a reference to a row further down the file that never came),
 * thrown from `finish`: the import lists them by line and column like the others, and nothing is imported.
 */
export class LateProblems extends Error {
  constructor(readonly problems: { line: number; problem: FieldProblem }[]) {
    super(`${problems.length} rows are invalid`);
  }
}

export type ImportTarget<Row, Match, Result> = RowMatcher<Row, Match> & RowWriter<Row, Match, Result>;

export interface ImportRun<F extends string, Row, Match, Result> {
  /** The file as the user named it; '-' is standard input. */
  file: string;
  stdin: Readable;
  schema: RowSchema<F, Row>;
  /** `--map field=Column` flags. */
  maps?: readonly string[];
  /** Where a preset (another product's export) keeps each field; --map wins over it. */
  preset?: Partial<Record<F, ColumnSource>>;
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
  let bound: BoundColumns<F> | undefined;
  const describe = (p: FieldProblem) => {
    const column = bound!.label(p.field as F);
    return p.named ? `${p.problem} (${column})` : `${p.field} (${column}) ${p.problem}`;
  };
  for await (const batch of run.read(path, (columns) => {
    bound = checkHeader(columns, map, schema);
    header = true;
  })) {
    for (const { record, line, problem } of batch) {
      total += 1;
      meter.tick(total);
      if (problem) {
        bad += 1;
        if (listed.length < MAX_LISTED) listed.push(`line ${line}: ${problem}`);
        continue;
      }
      const checked = schema.parse((f) => bound!.read(record, f));
      let problems: FieldProblem[] | null = 'problems' in checked ? checked.problems : null;
      if ('row' in checked) {
        // A matcher or writer that answers at once is not awaited: a microtask per row is measurable over a million.
        let found = target.match(checked.row, line);
        if (found instanceof Promise) found = await found;
        if (found instanceof FieldProblem) problems = [found];
        else {
          const done = dryRun ? target.preview(checked.row, found, line) : bad === 0 ? target.write(checked.row, found, line) : undefined;
          if (done instanceof Promise) await done;
        }
      }
      if (problems) {
        bad += 1;
        for (const p of problems) if (listed.length < MAX_LISTED) listed.push(`line ${line}: ${describe(p)}`);
      }
    }
  }
  if (!header) {
    throw invalid('FILE', `${run.file === '-' ? 'standard input' : run.file} is empty`,
      `the first line must name the columns: ${schema.required.map((f) => map.sources[f].flatMap((a) => a.columns).join(' or ')).join(', ')}`);
  }
  meter.done(total);
  if (bad > 0) {
    throw new CrmError('validation', `${bad} of ${total} ${unit} are invalid; nothing was imported`, `fix the ${unit} listed above and import again`,
      { errors: listed, lines: listed });
  }
  try {
    return await target.finish(total);
  } catch (e) {
    if (!(e instanceof LateProblems)) throw e;
    const lines = e.problems.slice(0, MAX_LISTED).map(({ line, problem }) => `line ${line}: ${describe(problem)}`);
    const rows = new Set(e.problems.map((p) => p.line)).size;
    throw new CrmError('validation', `${rows} of ${total} ${unit} are invalid; nothing was imported`, `fix the ${unit} listed above and import again`,
      { errors: lines, lines });
  }
}
