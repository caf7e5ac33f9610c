import type { Context } from '../../context.js';
import { CONFIG_DEFAULTS, CONFIG_KEYS, type ConfigKey, isConfigKey, isShared, type Setting } from '../../domain/config.js';
import { rejected } from '../../domain/check.js';
import { CrmError, notPermitted } from '../../errors.js';
import type { Tx } from '../../store/store.js';

export function configKey(key: string): ConfigKey {
  if (!isConfigKey(key)) throw rejected('KEY', key, `is not a setting; use one of: ${Object.keys(CONFIG_KEYS).join(', ')}`);
  return key;
}

export interface Effective {
  value: Setting;
  source: string;
  /** A config-file value the database's overrides (shared settings only). */
  ignored?: Setting;
}

/** The value in force for a key and where it comes from: what `config get` and `config list` show. */
export async function effective(key: ConfigKey, ctx: Context): Promise<Effective> {
  if (isShared(key)) {
    const shared = await ctx.shared();
    const source = shared.source[key];
    const value = source === 'default' ? (CONFIG_DEFAULTS[key as keyof typeof CONFIG_DEFAULTS] ?? null) : shared.values[key];
    const ignored = shared.ignored[key] as Setting | undefined;
    return ignored === undefined ? { value, source } : { value, source, ignored };
  }
  const file = ctx.config[key];
  switch (key) {
    case 'user':
      return { value: ctx.user, source: ctx.env.CRM_USER ? 'env CRM_USER' : file ? 'config' : 'login name' };
    case 'db': {
      const { path, source } = ctx.dbLocation;
      return { value: path, source: source === 'env' ? 'env CRM_DB' : source };
    }
    default:
      return file !== undefined
        ? { value: file, source: 'config' }
        : { value: CONFIG_DEFAULTS[key as keyof typeof CONFIG_DEFAULTS] ?? null, source: 'default' };
  }
}

/** Runs a write of a shared setting; a team server's refusal (not an admin) says which setting and whom to ask. */
export async function sharedWrite(ctx: Context, key: ConfigKey, fn: (tx: Tx) => Promise<unknown>): Promise<void> {
  try {
    await ctx.write(fn);
  } catch (e) {
    if (!(e instanceof CrmError) || e.code !== 'not_permitted') throw e;
    throw notPermitted(`${key} is shared by everyone on ${(await ctx.store()).path}: only an admin may change it`,
      'ask an admin of the team (crm team list shows who) to run crm config set');
  }
}
