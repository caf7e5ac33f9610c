import type { Context } from '../../context.js';
import { writeConfigValue } from '../../config/file.js';
import { CONFIG_KEYS, isShared } from '../../domain/config.js';
import { check } from '../../domain/check.js';
import { configValueFields } from '../../output/views/misc.js';
import { settingSaved, settingShared } from '../../output/views/notices.js';
import { record } from '../../output/view.js';
import { configKey, sharedWrite } from './shared.js';
import type { ConfigInput } from './spec.js';

export async function run({ args: [key, raw] }: ConfigInput<'set'>, ctx: Context) {
  const k = configKey(key!);
  const value = check<unknown>(CONFIG_KEYS[k].schema, raw, k);
  if (isShared(k)) {
    await sharedWrite(ctx, k, (tx) => tx.settings.set(k, value));
    return record({ key: k, value }, configValueFields, { done: settingShared(k, (await ctx.store()).path) });
  }
  writeConfigValue(ctx.configPath, k, value);
  return record({ key: k, value }, configValueFields, { done: settingSaved(k, ctx.configPath) });
}
