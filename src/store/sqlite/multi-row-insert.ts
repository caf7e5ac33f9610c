import type Database from 'better-sqlite3';

/** Writes `rows` rows whose values are the first rows * width of `values` (an array the caller reuses). */
export type RowsWriter = (values: unknown[], rows: number) => void;

/**
 * One table's insert: `head` is `insert into t (a, b, c)`, `row` the placeholders of one row, `(?, ?, @c)`: `width`
 * `?`s for the values of each row, and named ones for values the same in every row (`fixed`), bound once a statement.
 */
export interface InsertInto { head: string; row: string; width: number; fixed?: Record<string, unknown> }

/** Rows a multi-row VALUES statement takes: more makes SQLite slower, fewer makes more calls. */
export const ROWS_PER_STATEMENT = 100;

/**
 * Collects rows into batches for a writer (a prepared multi-row statement: sqliteRows): a load of a million orders
 * makes a hundredth of the calls, and the rows are written in the order they were added (ids as one by one).
 */
export class MultiRowInsert {
  private readonly values: unknown[];
  private filled = 0;

  /**
   * Rows that refer to rows of `after` (an order's lines) are written after those, so the rows reach the writer
   * in the order they were added, across tables too.
   */
  constructor(private readonly write: RowsWriter, private readonly width: number, private readonly after?: MultiRowInsert,
    private readonly size = ROWS_PER_STATEMENT) {
    this.values = new Array<unknown>(width * size);
  }

  /** Adds one row (its `width` values); written when the batch is full or at `flush`. */
  add(row: readonly unknown[]): void {
    let k = this.filled * this.width;
    for (let i = 0; i < this.width; i++) this.values[k++] = row[i];
    if (++this.filled === this.size) this.flush();
  }

  /** Writes the rows still waiting. */
  flush(): void {
    if (this.filled === 0) return;
    this.after?.flush();
    this.write(this.values, this.filled);
    this.filled = 0;
  }
}

/**
 * A writer into `db` with prepared multi-row statements, one per number of rows met (a full batch, a last one). Each
 * value is converted on its way into SQLite (strings to UTF-8, twice copied): a value written once a statement
 * instead of once a row (an order's stamps and currency) saved a fifth of the orders' CPU at --scale 100000.
 */
export function sqliteRows(db: Database.Database, { head, row, width, fixed }: InsertInto): RowsWriter {
  const statements = new Map<number, Database.Statement>();
  return (values, rows) => {
    let statement = statements.get(rows);
    if (!statement) {
      statement = db.prepare(`${head} values ${Array.from({ length: rows }, () => row).join(', ')}`);
      statements.set(rows, statement);
    }
    const rowValues = values.length === rows * width ? values : values.slice(0, rows * width);
    if (fixed) statement.run(rowValues, fixed);
    else statement.run(rowValues);
  };
}
