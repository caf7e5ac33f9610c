import type { Context } from '../../context.js';
import { CONFIG_KEYS, type ConfigKey } from '../../domain/config.js';
import { configColumns, settingText } from '../../output/views/misc.js';
import { list } from '../../output/view.js';
import { effective } from './shared.js';

export async function run(_: unknown, ctx: Context) {
  const rows = [];
  for (const key of Object.keys(CONFIG_KEYS) as ConfigKey[]) {
    const e = await effective(key, ctx);
    rows.push({ key, ...e, text: settingText(e.value), help: CONFIG_KEYS[key].help });
  }
  return list(rows, configColumns);
}
