import type { Context } from '../../context.js';
import { writeConfigValue } from '../../config/file.js';
import { settingRemoved } from '../../output/views/notices.js';
import { configKey } from './shared.js';
import type { ConfigInput } from './spec.js';

export async function run({ args: [key] }: ConfigInput<'unset'>, ctx: Context) {
  const k = configKey(key!);
  ctx.config; // a broken file is reported, not overwritten
  writeConfigValue(ctx.configPath, k, undefined);
  return { kind: 'none' as const, done: settingRemoved(k, ctx.configPath) };
}
