import { resolve } from 'node:path';
import type { Context } from '../../context.js';
import { backupFields } from '../../output/views/misc.js';
import { backedUp } from '../../output/views/notices.js';
import { record } from '../../output/view.js';
import { conflict } from '../../errors.js';
import { existsSync } from 'node:fs';
import type { DbInput } from './spec.js';

export async function run({ args: [file] }: DbInput<'backup'>, ctx: Context) {
  const store = await ctx.store();
  const dest = file ? resolve(file) : store.backupPath(ctx.now);
  if (existsSync(dest)) throw conflict(`${dest} already exists`, 'name a new file; backups never overwrite');
  const bytes = await store.backup(dest);
  return record({ path: dest, bytes }, backupFields, { done: backedUp(store.path, dest) });
}
