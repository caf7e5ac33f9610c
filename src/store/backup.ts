/**
 * The whole database as rows, for a backup that another engine or another machine restores exactly
 * (`crm export backup`, `crm import backup`). The engine reads and writes; the document's format is the domain's
 * (domain/backup.ts).
 */

/** A stored value as a backup keeps it: text, an integer (a bigint past 2^53), a number, or NULL. */
export type StoredValue = string | number | bigint | null;

/**
 * One table of a dump: its columns, and its rows in order, in batches, each row the text of a JSON object of its
 * columns (integers with all their digits, past 2^53 too; text exactly; NULL as null). The engine writes the JSON:
 * SQLite's json_object does it in half the time that reading values into JavaScript and writing them again takes.
 */
export interface TableDump {
  name: string;
  columns: readonly string[];
  rows(): AsyncIterable<string[]>;
}

/** A consistent snapshot of every table of ours. */
export interface Dump {
  /** How many migrations the database has had. */
  schema: number;
  /** Per table, the last id handed out (a deleted record's id is not handed out again). */
  sequences: Record<string, number>;
  tables: readonly TableDump[];
}

/** Rows of one table, as a backup document gives them (checked by the engine as it loads them). */
export interface BackupRows {
  table: string;
  rows: unknown[];
}

export interface RestorePlan {
  /** The schema the backup was written at: the database is made at that schema, loaded, then migrated. */
  schema: number;
  rows: AsyncIterable<BackupRows>;
  /** The backup's sequences, asked for once every row is loaded. */
  sequences(): unknown;
}

export interface RestoreReport {
  /** Rows loaded per table. */
  rows: Record<string, number>;
  /** The migrations that brought the backup from its schema to this crm's. */
  migrated: string[];
  /** Records in the rebuilt search index. */
  indexed: number;
}

/** A database about to be restored into, opened without migrating it. */
export interface RestoreTarget {
  readonly path: string;
  /** Whether opening it made the file (a failed restore removes it again). */
  readonly created: boolean;
  /**
   * What it holds of ours, per table with rows: records, history, saved segmentations. The stages a new database
   * starts with are not counted (a backup replaces them).
   */
  holdings(): Promise<Record<string, number>>;
  /** A copy of the database as it is, before a forced restore replaces it; returns its path. */
  keepCopy(now: Date): Promise<string>;
  /**
   * Replaces everything of ours with the backup, in one transaction: the schema is made anew at the backup's, its
   * rows loaded, the migrations run up to this crm's, the sequences set and the search index rebuilt. Any error
   * rolls it all back.
   */
  restore(plan: RestorePlan): Promise<RestoreReport>;
  /** Closes it; after a failure, a file this open made is removed. */
  close(failed: boolean): void;
}
