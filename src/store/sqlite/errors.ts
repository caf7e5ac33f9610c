import { CrmError } from '../../errors.js';

export const notADatabase = (path: string, why = 'not a SQLite file') =>
  new CrmError('database', `${path} is not a crm database (${why})`,
    'point --db or CRM_DB at a crm database file, or at a path where a new one may be created');

/** Maps the driver's errors a user can cause to messages with a fix; anything else stays unexpected. */
export function translateSqliteError(e: unknown, path: string): unknown {
  const code = (e as { code?: string }).code;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return notADatabase(path);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new CrmError('locked', `the database ${path} stayed locked by another writer past the busy timeout`,
      'try again in a moment, or wait longer with CRM_BUSY_TIMEOUT=MILLISECONDS');
  }
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    // A concurrent writer got there first (the commands check before writing).
    return new CrmError('conflict', `that value is already taken: ${(e as Error).message.replace(/^UNIQUE constraint failed: /, '')}`,
      'run the command again to see the current state');
  }
  if (code === 'SQLITE_FULL' || code?.startsWith('SQLITE_IOERR')) {
    // The transaction rolled back: the database holds what it held before the command.
    return new CrmError('database', `the disk holding ${path} is full (or failing); nothing was changed`,
      'free some space on it and run the command again');
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM') {
    return new CrmError('database', `cannot open the database ${path} for writing`,
      'check the file and folder permissions, or pass another path with --db');
  }
  return e;
}
