import { MIGRATION_NAMES } from '../../migrations/names.js';

/** What opening the database did to its schema. */
export interface MigrationReport {
  applied: string[];
  /** The copy taken before migrating a database that held data. */
  backup: string | null;
}

/** The engine's own consistency checks plus ours: schema version and record counts. */
export interface IntegrityReport {
  /** ['ok'] when the engine found nothing wrong, else what it found. */
  integrity: string[];
  foreignKeyViolations: number;
  migrationsApplied: string[];
  migrationsPending: string[];
  companies: number;
  contacts: number;
  bytes: number;
}

export const schemaVersion = MIGRATION_NAMES.length;
