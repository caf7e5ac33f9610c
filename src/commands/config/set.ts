import type { Input } from '../../cli/action.js';
import type { Context } from '../../context.js';
import { writeConfigValue } from '../../config/file.js';
import { visible } from '../../domain/checks.js';
import { CONFIG_KEYS } from '../../domain/config.js';
import { invalid } from '../../errors.js';
import { configValueFields } from '../../output/views/misc.js';
import { settingSaved } from '../../output/views/notices.js';
import { record } from '../../output/view.js';
import { configKey } from './shared.js';

export async function run({ args: [key, raw] }: Input, ctx: Context) {
  const k = configKey(key!);
  const parsed = CONFIG_KEYS[k].parse(raw);
  if (!parsed.ok) {
    const [what, fix] = parsed.message.split('; ');
    throw invalid(k, `"${visible(raw!)}" ${what}`, fix);
  }
  writeConfigValue(ctx.configPath, k, parsed.value);
  return record({ key: k, value: parsed.value }, configValueFields, { done: settingSaved(k, ctx.configPath) });
}
