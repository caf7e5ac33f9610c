import type { Context } from '../../context.js';
import { dbCheckFields } from '../../output/views/misc.js';
import { checked } from '../../output/views/notices.js';
import { record } from '../../output/view.js';

export async function run(_: unknown, ctx: Context) {
  const store = await ctx.store();
  const report = await store.check();
  const ok = report.integrity.length === 1 && report.integrity[0] === 'ok' && report.foreignKeyViolations === 0 &&
    report.migrationsPending.length === 0;
  if (!ok) ctx.exitCode = 1;
  return record({ path: store.path, ok, ...report }, dbCheckFields, { done: checked(ok) });
}
