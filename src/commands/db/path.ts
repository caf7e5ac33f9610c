import { existsSync } from 'node:fs';
import type { Context } from '../../context.js';
import { value } from '../../output/view.js';

export async function run(_: unknown, ctx: Context) {
  const { path, source } = ctx.dbLocation;
  return value({ path, source, exists: existsSync(path) }, path);
}
