import type { MatchedBy } from './match.js';

/** The kinds of record `crm import` and `crm export` move. */
export const IMPORT_KINDS = ['companies', 'contacts', 'deals', 'activities', 'followups', 'orders'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** One row's record in the summary: where it is in the file, which record, and how it was matched. */
export interface Outcome {
  line: number;
  /** Null for a record a dry run would create. */
  id: number | null;
  name: string;
  matchedBy?: MatchedBy;
}

/** What an import did, or in a dry run would do: counts and the records behind them. */
export interface ImportSummary {
  file: string;
  kind: ImportKind;
  preset: string | null;
  dryRun: boolean;
  update: boolean;
  rows: number;
  counts: { created: number; updated: number; skipped: number; companiesCreated: number };
  created: Outcome[];
  updated: Outcome[];
  /** Matched records left as they were: without --update, or with nothing to change. */
  skipped: Outcome[];
  /** Companies that contact or deal rows named and that did not exist. */
  companiesCreated: Outcome[];
}

/** Counts outcomes while an import runs. */
export class Tally {
  readonly created: Outcome[] = [];
  readonly updated: Outcome[] = [];
  readonly skipped: Outcome[] = [];
  readonly companiesCreated: Outcome[] = [];

  summary(kind: ImportKind, o: { file: string; preset: string | null; dryRun: boolean; update: boolean }, rows: number): ImportSummary {
    return {
      file: o.file, kind, preset: o.preset, dryRun: o.dryRun, update: o.update, rows,
      counts: { created: this.created.length, updated: this.updated.length, skipped: this.skipped.length, companiesCreated: this.companiesCreated.length },
      created: this.created, updated: this.updated, skipped: this.skipped, companiesCreated: this.companiesCreated,
    };
  }
}


const STAMPS = ['createdAt', 'updatedAt', 'createdBy', 'updatedBy'] as const;

/**
 * The columns `crm export` writes that `crm import` does not read: what crm works out (status, weighted amount,
 * stale, overdue, ...) and the stamps, which an import sets itself: created and updated now, by whoever imports.
 */
export const EXPORT_ONLY: Record<ImportKind, readonly string[]> = {
  companies: STAMPS,
  contacts: STAMPS,
  deals: ['weightedAmount', 'stale', 'stageChangedAt', 'lastActivityAt', ...STAMPS],
  activities: ['loggedBy', ...STAMPS],
  followups: ['overdue', 'daysOverdue', ...STAMPS],
  orders: STAMPS,
};
