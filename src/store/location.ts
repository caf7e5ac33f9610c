import { defaultDbPath, expandHome } from '../config/paths.js';
import { CrmError } from '../errors.js';
import type { Env } from '../io/terminal.js';
import { resolve } from 'node:path';
import { serverTarget } from './postgres/connect.js';
import { isServerUrl, redactUrl } from './url.js';

export { isServerUrl, redactUrl };

export type DbSource = 'flag' | 'env' | 'config' | 'default';

export interface DbLocation {
  /** A file path, or a server's URL as messages may show it: without its password. */
  path: string;
  source: DbSource;
  /** A team server (postgres://...): the URL as given, password and all, for the driver only; never printed. */
  url?: string;
}

/** How the user named the database, as messages should say it. */
export const SOURCE_NAMES: Record<DbSource, string> = { flag: '--db', env: 'CRM_DB', config: 'config "db"', default: 'the default location' };

/**
 * product.md: --db > CRM_DB > config "db" > $XDG_DATA_HOME/crm/crm.db. An empty CRM_DB counts as unset, as an empty
 * variable usually does; an empty --db is a mistake (an unset shell variable in `--db "$DB"`), never a fall back.
 * A postgres:// URL is kept as it is (a path would be resolved against the working folder).
 */
export function locateDb(flag: string | undefined, env: Env, configured: string | undefined): DbLocation {
  const pick = (path: string, source: DbSource): DbLocation => (isServerUrl(path)
    ? { path: redactUrl(path), source, url: path.trim() }
    : { path: resolve(expandHome(path, env)), source });
  if (flag !== undefined) {
    if (flag.trim() === '') {
      throw new CrmError('usage', '--db: an empty path names no database',
        'give a file path, or leave --db out to use CRM_DB, config "db" or the default', { field: '--db' });
    }
    return pick(flag, 'flag');
  }
  if (env.CRM_DB?.trim()) return pick(env.CRM_DB, 'env');
  if (configured) return pick(configured, 'config');
  return pick(defaultDbPath(env), 'default');
}

/**
 * Who the database says you are: on a team server the login (the URL's user, PGUSER, or your login name), which
 * CRM_USER cannot change; undefined for a file, where CRM_USER and config "user" decide.
 */
export function serverLogin(location: DbLocation, env: Env): string | undefined {
  return location.url ? serverTarget(location.url, env).user : undefined;
}
