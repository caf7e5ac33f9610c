import type { RestoreTarget } from './backup.js';
import type { DemoContents } from './bulk.js';
import type { Env } from '../io/terminal.js';
import type { DbLocation } from './location.js';
import type { RestoreReport } from './restore.js';
import type { Store } from './store.js';

// Where an engine is chosen. Each engine's module is loaded only when used: SQLite for a file, PostgreSQL (the team
// server) for a postgres:// URL.

/**
 * Opens the database at `location`, creating and migrating it as needed. `env` holds libpq's variables (PGHOST,
 * PGPASSWORD, ...) for a server.
 */
export async function openStore(location: DbLocation, now: Date, busyTimeoutMs?: number, env: Env = process.env): Promise<Store> {
  if (location.url) {
    const { openPgStore } = await import('./postgres/store.js');
    return openPgStore(location.url, env, busyTimeoutMs);
  }
  const { openSqliteStore } = await import('./sqlite/store.js');
  return openSqliteStore(location, now, busyTimeoutMs);
}

/**
 * What the database at `location` holds, read without migrating or writing anything, so that `crm demo` can refuse
 * to replace your data and leave the file exactly as it was.
 */
export async function demoContents(location: DbLocation, env: Env = process.env): Promise<DemoContents> {
  if (location.url) {
    const { connectPg } = await import('./postgres/open.js');
    const { demoContentsPg } = await import('./postgres/bulk.js');
    const { client } = await connectPg(location.url, env);
    try {
      return await demoContentsPg(client);
    } finally {
      void client.end().catch(() => {});
    }
  }
  const { demoContents: read } = await import('./sqlite/bulk.js');
  return read(location.path);
}

/** Deletes the database at `location` (the demo replacing its own). */
export async function removeDatabase(location: DbLocation): Promise<void> {
  const { removeSqlite } = await import('./sqlite/bulk.js');
  removeSqlite(location.path);
}

/**
 * Opens the database at `location` for `crm import backup`, as it is (not migrated: a backup brings its own schema),
 * creating the file if there is none.
 */
export async function openRestoreTarget(location: DbLocation, busyTimeoutMs?: number, env: Env = process.env): Promise<RestoreTarget> {
  if (location.url) {
    const { openPgRestore } = await import('./postgres/restore.js');
    return openPgRestore(location.url, env);
  }
  const { openSqliteRestore } = await import('./sqlite/backup.js');
  return openSqliteRestore(location, busyTimeoutMs);
}

/** Puts the backup `file` in place of the database at `location`, atomically, after checking it is crm's (`crm db restore`). */
export async function restoreDatabase(location: DbLocation, file: string, now: Date): Promise<RestoreReport> {
  const { restoreSqlite } = await import('./sqlite/restore.js');
  return restoreSqlite(location.path, file, now);
}
