/** A change set as `crm undo --list` shows it. */
export interface ChangeSetSummary {
  id: number;
  at: string;
  actor: string;
  command: string;
  note: string | null;
  /** How many journal entries (records written) it has. */
  records: number;
}

/** What an undo did: the change set it made, and the one it reverted. */
export interface Undone {
  changeSet: number;
  undid: number;
  command: string;
  at: string;
  actor: string;
  records: number;
}
