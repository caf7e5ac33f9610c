import { CrmError } from '../errors.js';

/**
 * What is wrong with one field of a row being imported. The import adds the line and the column the field was read
 * from: `line 3: date (InvoiceDate) "2026-02-30" is not a date; use YYYY-MM-DD`.
 */
export class FieldProblem<F extends string = string> {
  constructor(
    readonly field: F,
    readonly problem: string,
    /**
     * The problem names the field itself, as the shared field checks word theirs ("amount: ..."): then the column
     * follows it instead (`line 5: amount: "ten" is not an amount (Total)`).
     */
    readonly named = false,
  ) {}
}

/** A shared field check's refusal (a CrmError, which names the field) as a problem of `field`; a bug is thrown on. */
export function problemOf<F extends string>(field: F, e: unknown): FieldProblem<F> {
  if (e instanceof CrmError) return new FieldProblem(field, e.message, true);
  throw e;
}

export type RowCheck<F extends string, Row> = { row: Row } | { problems: FieldProblem<F>[] };

/**
 * One kind of import's rows: which fields they have, which of those the file must have a column for, and a pure check
 * of one row. Reading the file, mapping columns, line numbers and collecting problems are the import runner's
 * (src/io/import/runner.ts).
 */
export interface RowSchema<F extends string, Row> {
  /** Every field, each read from the column of its own name unless `--map field=Column` (or a preset) names another. */
  readonly fields: readonly F[];
  /**
   * Fields whose column the file must have. Another field's column may be missing (its cells read as empty), unless
   * --map names it: then the file must have that column.
   */
  readonly required: readonly F[];
  /** `--map` examples for hints, e.g. ['customer=CustomerID', 'date=InvoiceDate']. */
  readonly mapExamples: readonly string[];
  /** The row as typed fields, or what is wrong with it; `cell` is a field's text, trimmed ('' when empty or absent). */
  parse(cell: (field: F) => string): RowCheck<F, Row>;
}
