import { defaultDbPath, expandHome } from '../config/paths.js';
import type { Env } from '../io/terminal.js';
import { resolve } from 'node:path';

export type DbSource = 'flag' | 'env' | 'config' | 'default';

export interface DbLocation {
  path: string;
  source: DbSource;
}

/** product.md: --db > CRM_DB > config "db" > $XDG_DATA_HOME/crm/crm.db. */
export function locateDb(flag: string | undefined, env: Env, configured: string | undefined): DbLocation {
  const pick = (path: string, source: DbSource): DbLocation => ({ path: resolve(expandHome(path, env)), source });
  if (flag) return pick(flag, 'flag');
  if (env.CRM_DB) return pick(env.CRM_DB, 'env');
  if (configured) return pick(configured, 'config');
  return pick(defaultDbPath(env), 'default');
}
