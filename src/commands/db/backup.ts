import { resolve } from 'node:path';
import type { Input } from '../../cli/action.js';
import type { Context } from '../../context.js';
import { backupPath } from '../../store/migrate.js';
import { backupTo } from '../../store/maintenance.js';
import { backupFields } from '../../output/views/misc.js';
import { backedUp } from '../../output/views/notices.js';
import { record } from '../../output/view.js';
import { conflict } from '../../errors.js';
import { existsSync } from 'node:fs';

export async function run({ args: [file] }: Input, ctx: Context) {
  const store = await ctx.store();
  const dest = file ? resolve(file) : backupPath(store.path, ctx.now);
  if (existsSync(dest)) throw conflict(`${dest} already exists`, 'name a new file; backups never overwrite');
  const bytes = backupTo(store, dest);
  return record({ path: dest, bytes }, backupFields, { done: backedUp(store.path, dest) });
}
