import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CrmError } from '../errors.js';
import { CONFIG_KEYS, type Config, isConfigKey } from '../domain/config.js';
import { problem } from '../domain/check.js';
import { FolderError, makeFolders } from '../io/folders.js';

/** Reads the config file; a missing file is an empty config, a broken one is an error naming the file. */
export function readConfig(path: string): Config {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw e;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new CrmError('usage', `config file ${path} is not valid JSON`, `fix it, or remove it and use 'crm config set'`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new CrmError('usage', `config file ${path} must hold a JSON object`, `fix it, or remove it and use 'crm config set'`);
  }
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!isConfigKey(key)) continue; // keys from newer versions are kept on disk, ignored here
    const parsed = CONFIG_KEYS[key].schema.safeParse(value);
    if (!parsed.success) {
      // The file is the problem here, not a value typed: name the key and the way to set it right.
      throw new CrmError('usage', `config file ${path}: "${key}" ${problem(CONFIG_KEYS[key].schema, value)!.what}`,
        `run 'crm config set ${key} VALUE' with a valid value`);
    }
    config[key] = parsed.data;
  }
  return config as Config;
}

/** Writes atomically (temp file + rename) so a crash never leaves half a config. */
export function writeConfigValue(path: string, key: string, value: unknown | undefined): void {
  let raw: Record<string, unknown> = {};
  try {
    raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') readConfig(path); // throws the precise error
  }
  if (value === undefined) delete raw[key];
  else raw[key] = value;
  try {
    makeFolders(dirname(path), 0o700);
  } catch (e) {
    if (!(e instanceof FolderError)) throw e;
    throw new CrmError('usage', `cannot create the folder ${e.folder} for the config file ${path} (${e.code})`,
      'set XDG_CONFIG_HOME to a folder you can write to');
  }
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(raw, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, path);
}
