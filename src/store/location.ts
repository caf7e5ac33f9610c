import { defaultDbPath, expandHome } from '../config/paths.js';
import { CrmError } from '../errors.js';
import type { Env } from '../io/terminal.js';
import { resolve } from 'node:path';

export type DbSource = 'flag' | 'env' | 'config' | 'default';

export interface DbLocation {
  path: string;
  source: DbSource;
}

/** How the user named the database, as messages should say it. */
export const SOURCE_NAMES: Record<DbSource, string> = { flag: '--db', env: 'CRM_DB', config: 'config "db"', default: 'the default location' };

/**
 * product.md: --db > CRM_DB > config "db" > $XDG_DATA_HOME/crm/crm.db. An empty CRM_DB counts as unset, as an empty
 * variable usually does; an empty --db is a mistake (an unset shell variable in `--db "$DB"`), never a fall back.
 */
export function locateDb(flag: string | undefined, env: Env, configured: string | undefined): DbLocation {
  const pick = (path: string, source: DbSource): DbLocation => ({ path: resolve(expandHome(path, env)), source });
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
