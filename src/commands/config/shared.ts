import type { Context } from '../../context.js';
import { CONFIG_DEFAULTS, CONFIG_KEYS, type ConfigKey, isConfigKey, type Setting } from '../../domain/config.js';
import { rejected } from '../../domain/check.js';

export function configKey(key: string): ConfigKey {
  if (!isConfigKey(key)) throw rejected('KEY', key, `is not a setting; use one of: ${Object.keys(CONFIG_KEYS).join(', ')}`);
  return key;
}

/** The value in force for a key and where it comes from: what `config get` and `config list` show. */
export function effective(key: ConfigKey, ctx: Context): { value: Setting; source: string } {
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
