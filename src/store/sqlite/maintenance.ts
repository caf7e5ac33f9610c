import { statSync } from 'node:fs';
import type { IntegrityReport } from '../maintenance.js';
import { migrationStatus } from './migrate.js';
import type { SqliteHandle } from './open.js';

/** SQLite's own checks (integrity, foreign keys) plus ours: schema version and record counts. */
export async function checkSqlite(handle: SqliteHandle, path: string): Promise<IntegrityReport> {
  const { raw } = handle;
  const integrity = raw.prepare('pragma integrity_check').pluck().all() as string[];
  const fk = raw.prepare('pragma foreign_key_check').all().length;
  const status = await migrationStatus(handle);
  const count = (table: 'company' | 'contact') => raw.prepare(`select count(*) from ${table}`).pluck().get() as number;
  return {
    integrity, foreignKeyViolations: fk,
    migrationsApplied: status.applied, migrationsPending: status.pending,
    companies: count('company'), contacts: count('contact'),
    bytes: statSync(path).size,
  };
}
