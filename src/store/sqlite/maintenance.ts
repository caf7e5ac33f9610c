import { statSync } from 'node:fs';
import type { Store } from '../store.js';
import { backupSqlite, LATEST, migrationStatus } from './migrate.js';

export interface IntegrityReport {
  integrity: string[];
  foreignKeyViolations: number;
  migrationsApplied: string[];
  migrationsPending: string[];
  companies: number;
  contacts: number;
  bytes: number;
}

/** SQLite's own checks plus ours: schema version and record counts. */
export async function checkIntegrity(store: Store): Promise<IntegrityReport> {
  const integrity = store.raw.prepare('pragma integrity_check').pluck().all() as string[];
  const fk = store.raw.prepare('pragma foreign_key_check').all().length;
  const status = await migrationStatus(store);
  const count = (table: 'company' | 'contact') => store.raw.prepare(`select count(*) from ${table}`).pluck().get() as number;
  return {
    integrity, foreignKeyViolations: fk,
    migrationsApplied: status.applied, migrationsPending: status.pending,
    companies: count('company'), contacts: count('contact'),
    bytes: statSync(store.path).size,
  };
}

export function backupTo(store: Store, dest: string): number {
  backupSqlite(store.raw, dest);
  return statSync(dest).size;
}

export const schemaVersion = LATEST;
