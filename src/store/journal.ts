/** Who writes, when and with what command line: one change set of the journal. */
export interface WriteMeta {
  actor: string;
  /** ISO 8601 instant of the write. */
  at: string;
  /** The command line that made the change, for history and a later undo. */
  command: string;
}

/** The id and uuid a new record takes instead of the next id and a new uuid (an import keeps an export's). */
export interface Identity {
  id?: number | null;
  uuid?: string | null;
}

export type JournalAction = 'create' | 'update' | 'delete' | 'merge';

export interface JournalEntry {
  id: number;
  changeSet: number;
  at: string;
  actor: string;
  command: string;
  entity: string;
  entityId: number;
  action: JournalAction;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** Why the write was allowed, when it needed saying (a consent override). */
  note: string | null;
}

/**
 * What a command may add to the journal of its write: why it was allowed. Every record written is journaled by the
 * store itself.
 */
export interface ChangeNotes {
  /** Notes why this command's writes were allowed (a consent override); history shows it beside each of them. */
  note(text: string): Promise<void>;
}
