import type { Context } from '../../context.js';
import { writeConfigValue } from '../../config/file.js';
import { isShared } from '../../domain/config.js';
import { settingRemoved, sharedRemoved } from '../../output/views/notices.js';
import { configKey, sharedWrite } from './shared.js';
import type { ConfigInput } from './spec.js';

export async function run({ args: [key] }: ConfigInput<'unset'>, ctx: Context) {
  const k = configKey(key!);
  ctx.config; // a broken file is reported, not overwritten
  if (!isShared(k)) {
    writeConfigValue(ctx.configPath, k, undefined);
    return { kind: 'none' as const, done: settingRemoved(k, ctx.configPath) };
  }
  // Back to the default means the database's value and a config file's from before settings were shared both go.
  const shared = await ctx.shared();
  const inFile = shared.source[k] === 'config' || shared.ignored[k] !== undefined;
  // A value only in the file needs no write (which a rep on a team server could not make).
  if (shared.source[k] === 'database') await sharedWrite(ctx, k, (tx) => tx.settings.remove(k));
  if (inFile) writeConfigValue(ctx.configPath, k, undefined);
  return { kind: 'none' as const, done: sharedRemoved(k, (await ctx.store()).path, inFile ? ctx.configPath : null) };
}
