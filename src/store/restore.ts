/** What `crm db restore` did: which file now is the database, at which schema, and where the replaced one went. */
export interface RestoreReport {
  file: string;
  database: string;
  /** The restored file's schema version; an older one is migrated when the database is next opened. */
  schema: number;
  /** The backup of the database it replaced (none when there was none). */
  backup: string | null;
}
