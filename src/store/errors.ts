import { isServerUrl } from './url.js';
import { translatePgError } from './postgres/errors.js';
import { translateSqliteError } from './sqlite/errors.js';

/**
 * The engine's errors that a user can cause (a locked or foreign file, a value taken meanwhile, a refused login), as
 * messages with a fix; anything else comes back as it was, an unexpected failure. Loads no driver.
 */
export function translateStoreError(e: unknown, path: string): unknown {
  return isServerUrl(path) ? translatePgError(e, path) : translateSqliteError(e, path);
}
