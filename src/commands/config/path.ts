import { existsSync } from 'node:fs';
import type { Context } from '../../context.js';
import { value } from '../../output/view.js';

export async function run(_: unknown, ctx: Context) {
  return value({ path: ctx.configPath, exists: existsSync(ctx.configPath) }, ctx.configPath);
}
