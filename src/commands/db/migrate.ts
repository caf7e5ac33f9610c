import type { Context } from '../../context.js';
import { schemaVersion } from '../../store/maintenance.js';
import { migrateFields } from '../../output/views/misc.js';
import { migrated } from '../../output/views/notices.js';
import { record } from '../../output/view.js';

/** Opening the store already migrates; this reports what that did. */
export async function run(_: unknown, ctx: Context) {
  const store = await ctx.store();
  const { applied, backup } = store.migration;
  return record({ applied, backup, version: schemaVersion }, migrateFields, { done: migrated(applied.length, backup) });
}
