import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { nativeBinding } from './addon.js';

/** The page cache of a load (KiB): fewer pages written out and read back mid-load. 64 MiB was no faster at --scale
 * 100000 (15-16 s either way) and cost 64 MiB more at its peak. */
const LOAD_CACHE_KIB = 16 * 1024;

/**
 * Fills a copy of the empty database `live` (at `path`) with `fill` and puts the copy in its place, for a load that
 * writes a whole database at once (the demo). The copy is private to this process until it is complete, so it is
 * written without a journal, without syncing every page and under an exclusive lock: a crash mid-way (power, kill,
 * disk full) leaves a stray file beside the database, never a half-made database at `path`; a failure removes it.
 * The copy is made with SQLite's backup, page for page, so the schema and settings are the live file's exactly.
 * `live` is closed when this returns: the file it had open was replaced.
 */
export async function loadBeside<T>(live: Database.Database, path: string, fill: (db: Database.Database) => T): Promise<T> {
  const temp = join(dirname(path), `.${basename(path)}.load-${randomBytes(6).toString('hex')}.tmp`);
  // Made here with mode 0600, as openSqlite makes a database: SQLite would create it with the umask's 0644.
  closeSync(openSync(temp, 'wx', 0o600));
  let db: Database.Database | undefined;
  try {
    await live.backup(temp);
    db = new Database(temp, { nativeBinding: nativeBinding() });
    withoutJournal(db);
    db.pragma('synchronous = OFF');
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma(`cache_size = -${LOAD_CACHE_KIB}`);
    // Sorting (an index built after its rows) spills runs to a temporary file: with temp_store = MEMORY SQLite's
    // sorter never spills, and sorts a million index keys as one list of separately allocated records, slower in
    // CPU than sorting runs that fit the processor's caches and merging them (see SORT_CACHE_KIB in bulk.ts).
    db.pragma('temp_store = FILE');
    const result = fill(db);
    // A database as openSqlite leaves one: in WAL mode (set in the header, so the next open finds it so).
    db.pragma('journal_mode = WAL');
    db.close();
    db = undefined;
    syncFile(temp);
    // The empty file's connection folds its WAL back and removes it and the -shm, which would belong to the old file.
    live.close();
    renameSync(temp, path);
    syncFile(dirname(path));
    return result;
  } catch (e) {
    db?.close();
    rmSync(temp, { force: true });
    throw e;
  }
}

/**
 * Turns the copy's journal off. The copy comes in WAL mode (the live file's header says so), and better-sqlite3 opens
 * every connection in SQLite's defensive mode, where `journal_mode = OFF` is refused without an error (the old mode
 * is the answer): the load ran in WAL mode, writing every page to the -wal file and copying it into the database
 * again at close (crm demo --scale 100000 spent 4 s more CPU). Defensive mode is lifted for this one pragma.
 */
function withoutJournal(db: Database.Database): void {
  db.unsafeMode(true);
  try {
    const mode = db.pragma('journal_mode = OFF', { simple: true });
    if (mode !== 'off') throw new Error(`SQLite kept the load's copy in journal mode ${String(mode)}`);
  } finally {
    db.unsafeMode(false);
  }
}

/** Forces a file (or a folder's entries, after a rename) to the disk. */
function syncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
