import { resolve } from 'node:path';
import type { Context } from '../../context.js';
import { restoreFields } from '../../output/views/misc.js';
import { restored, restoreQuestion } from '../../output/views/notices.js';
import { record } from '../../output/view.js';
import type { DbInput } from './spec.js';

/** Replaces the database with a backup, in one step; the database is not opened (it may be what is broken). */
export async function run({ args: [file] }: DbInput<'restore'>, ctx: Context) {
  const location = ctx.dbLocation;
  const source = resolve(file!);
  await (await ctx.prompter()).confirm(...restoreQuestion(source, location.path));
  const { restoreDatabase } = await import('../../store/open.js');
  const report = await restoreDatabase(location, source, ctx.now);
  return record({ ...report }, restoreFields, { done: restored(report.file, report.database, report.backup) });
}
