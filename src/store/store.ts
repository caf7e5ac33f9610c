import type { DemoData } from '../domain/demo.js';
import type { Dump } from './backup.js';
import type { LoadCounts } from './bulk.js';
import type { CustomerNames } from './customer-names.js';
import type { CustomerValues } from './customer-value.js';
import type { ChangeNotes, JournalEntry, WriteMeta } from './journal.js';
import type { IntegrityReport, MigrationReport } from './maintenance.js';
import type { OrderImport } from './order-import.js';
import type { Activities } from './repos/activities.js';
import type { Companies } from './repos/companies.js';
import type { Contacts } from './repos/contacts.js';
import type { Deals } from './repos/deals.js';
import type { Followups } from './repos/followups.js';
import type { Orders } from './repos/orders.js';
import type { Owned } from './repos/owned.js';
import type { Products } from './repos/products.js';
import type { Campaigns } from './repos/campaigns.js';
import type { Quotas } from './repos/quotas.js';
import type { References } from './repos/references.js';
import type { ReportData } from './repos/report-data.js';
import type { Settings } from './repos/settings.js';
import type { Stages } from './repos/stages.js';
import type { Team } from './repos/team.js';
import type { Transfer } from './repos/transfer.js';
import type { Search } from './search.js';
import type { Undo } from './repos/undo.js';
import type { Forget } from './repos/forget.js';

/**
 * The records as every engine serves them. Outside a transaction the repositories read; inside one (Store.write)
 * they also write, and journal every record they change. Nothing here names the engine or its driver: a command
 * runs the same on SQLite and on PostgreSQL.
 */
export interface Repos {
  readonly companies: Companies;
  readonly contacts: Contacts;
  readonly refs: References;
  readonly stages: Stages;
  readonly deals: Deals;
  readonly activities: Activities;
  readonly followups: Followups;
  readonly orders: Orders;
  readonly owned: Owned;
  readonly quotas: Quotas;
  readonly products: Products;
  readonly campaigns: Campaigns;
  readonly reports: ReportData;
  /** The roster (and on a team server its login roles). */
  readonly team: Team;
  /** The settings the team shares (currency, rates, fiscal year, lost reasons). */
  readonly settings: Settings;
  readonly search: Search;
  /** What imports and exports read in bulk: every record's keys, every record's uuid. */
  readonly transfer: Transfer;
  /** Change sets: the recent ones, and reverting one (inside a write, which is the undo's own change set). */
  readonly undo: Undo;
  /** The right to be forgotten: erasing a person (inside a write), and the suppression list of erased emails. */
  readonly forget: Forget;
  /** The customer-value reports' scans over every order, and their saved segmentations. */
  readonly customerValue: CustomerValues;
  /** Every customer's name and external id, packed: for reports that name up to every customer. */
  readonly customerNames: CustomerNames;
  /** Inside a write: what the command adds to its change set. */
  readonly journal?: ChangeNotes;
  /** Starts an order import: the customer keys are read once; inside a write it also writes. */
  importOrders(): Promise<OrderImport>;
  history(entity: string, id: number): Promise<JournalEntry[]>;
  /** The latest name a record had, for history of records that were deleted. */
  lastName(entity: string, id: number): Promise<string | null>;
}

/** The repositories of one write: one transaction, one change set in the journal. */
export interface Tx extends Repos {
  readonly journal: ChangeNotes;
}

/** An open database. */
export interface Store extends Repos {
  /** Where the database is, as messages name it. */
  readonly path: string;
  /** Whether this open made it (there was none before). */
  readonly created: boolean;
  /** What opening it did to the schema. */
  readonly migration: MigrationReport;
  /**
   * Runs `fn` as one transaction and one journal change set. A concurrent writer waits (up to the busy timeout) for
   * the whole write rather than failing half-way; any error rolls everything back.
   */
  write<T>(meta: WriteMeta, fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Whether any company, contact, deal or order is stored. */
  holdsRecords(): Promise<boolean>;
  /**
   * Writes a whole data set (the demo's) into an empty database in one transaction, journaled as one change set: the
   * repositories' per-record journal would make a million orders take minutes. Record i of each list becomes id i + 1.
   * The store is closed afterwards: SQLite builds the file beside the database and moves it into place.
   */
  bulkLoad(data: DemoData, meta: WriteMeta): Promise<LoadCounts>;
  /**
   * Runs `fn` over a consistent snapshot of every table of ours (a backup document's content), read as `fn` asks for
   * the rows: a million orders are never in memory at once. Writers carry on meanwhile.
   */
  dump<T>(fn: (dump: Dump) => Promise<T>): Promise<T>;
  check(): Promise<IntegrityReport>;
  /**
   * Scrubs deleted bytes from the engine's files (after an erasure): on SQLite the search index is merged, the WAL
   * folded in and emptied, and the file rewritten without free pages (deletes already overwrite with zeros).
   */
  compact(): Promise<void>;
  /** Where a backup taken `now` goes unless the user names a file. */
  backupPath(now: Date): string;
  /** A consistent copy of the live database at `dest`; returns its size in bytes. */
  backup(dest: string): Promise<number>;
  close(): void;
}
