import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { nativeBinding } from './addon.js';

/** The page cache of a load (KiB): fewer pages written out and read back mid-load. 64 MiB was no faster at --scale
 * 100000 (15-16 s either way) and cost 64 MiB more at its peak. */
export const LOAD_CACHE_KIB = 16 * 1024;

/**
 * The page cache (KiB) while the indexes are built, which is also the size of the sorted runs SQLite's sorter
 * writes out and merges: runs of 1-2 MiB sort in the processor's caches. The four order indexes at --scale 100000
 * took 2.3-3.0 s of CPU so, against 4.3-4.8 s sorted whole in memory (16 MiB cache, temp_store = MEMORY); 4 MiB and
 * more were slower again.
 */
export const SORT_CACHE_KIB = 2048;

/**
 * Fills a copy of the empty database `live` (at `path`) with `fill` and puts the copy in its place, for a load that
 * writes a whole database at once (the demo). The copy is private to this process until it is complete, so it is
 * written without a journal, without syncing every page and under an exclusive lock: a crash mid-way (power, kill,
 * disk full) leaves a stray file beside the database, never a half-made database at `path`; a failure removes it.
 * The copy is made with SQLite's backup, page for page, so the schema and settings are the live file's exactly.
 * `fill` may ask for more such copies (`side`), to fill on another thread and copy tables from: they are removed
 * when the load ends, however it ends. `live` is closed when this returns: the file it had open was replaced.
 */
export async function loadBeside<T>(live: Database.Database, path: string,
  fill: (db: Database.Database, side: () => Promise<string>) => T | Promise<T>): Promise<T> {
  const made: string[] = [];
  const copy = async () => {
    const file = join(dirname(path), `.${basename(path)}.load-${randomBytes(6).toString('hex')}.tmp`);
    // Made here with mode 0600, as openSqlite makes a database: SQLite would create it with the umask's 0644.
    closeSync(openSync(file, 'wx', 0o600));
    made.push(file);
    await live.backup(file);
    return file;
  };
  let db: Database.Database | undefined;
  try {
    const temp = await copy();
    db = new Database(temp, { nativeBinding: nativeBinding() });
    forLoading(db, LOAD_CACHE_KIB);
    const result = await fill(db, copy);
    // A database as openSqlite leaves one: in WAL mode (set in the header, so the next open finds it so).
    db.pragma('journal_mode = WAL');
    db.close();
    db = undefined;
    syncFile(temp);
    // The empty file's connection folds its WAL back and removes it and the -shm, which would belong to the old file.
    live.close();
    renameSync(temp, path);
    made.splice(made.indexOf(temp), 1);
    syncFile(dirname(path));
    return result;
  } finally {
    db?.close();
    for (const file of made) rmSync(file, { force: true });
  }
}

/**
 * Sets up a connection to a private copy for a load: no journal, no syncing, an exclusive lock, a page cache of
 * `cacheKib`. The copy comes in WAL mode (the live file's header says so), and better-sqlite3 opens every
 * connection in SQLite's defensive mode, where `journal_mode = OFF` is refused without an error (the old mode is
 * the answer): the load ran in WAL mode, writing every page to the -wal file and copying it into the database again
 * at close (crm demo --scale 100000 spent 4 s more CPU). Defensive mode is lifted for this one pragma.
 * Sorting (an index built after its rows) spills runs to a temporary file: with temp_store = MEMORY SQLite's sorter
 * never spills, and sorts a million index keys as one list of separately allocated records, slower in CPU than
 * sorting runs that fit the processor's caches and merging them (see SORT_CACHE_KIB).
 * Self-contained (it refers to nothing outside itself): the side thread runs it from its text (side-thread.ts).
 */
export function forLoading(db: Database.Database, cacheKib: number): void {
  db.unsafeMode(true);
  try {
    const mode = db.pragma('journal_mode = OFF', { simple: true });
    if (mode !== 'off') throw new Error(`SQLite kept the load's copy in journal mode ${String(mode)}`);
  } finally {
    db.unsafeMode(false);
  }
  for (const setting of ['synchronous = OFF', 'locking_mode = EXCLUSIVE', `cache_size = -${cacheKib}`, 'temp_store = FILE']) db.pragma(setting);
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
