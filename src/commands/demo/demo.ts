import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../../config/paths.js';
import type { Context } from '../../context.js';
import { demoData, demoScale } from '../../domain/demo.js';
import { check, count } from '../../domain/fields.js';
import { conflict } from '../../errors.js';
import { demoFields } from '../../output/views/misc.js';
import { demoDataFound, demoTry } from '../../output/views/notices.js';
import { record } from '../../output/view.js';
import { demoContents, removeDatabase } from '../../store/open.js';
import type { DemoInput } from './spec.js';

export async function run({ opts }: DemoInput, ctx: Context) {
  // An empty --scale asks for the small demo: a few dozen contacts.
  const scale = opts.scale === '' ? null : check(demoScale, opts.scale, '--scale');
  const seed = check(count, opts.seed, '--seed');
  // The demo never touches your data: it gets its own file unless you name one with --db, and it replaces a file
  // only when all it holds is what a demo wrote (or you say --force).
  const chosen = ctx.global.db !== undefined;
  const location = chosen ? ctx.dbLocation : { path: join(dataDir(ctx.env), 'demo.db'), source: 'default' as const };
  const { path } = location;
  if (existsSync(path)) {
    const found = opts.force ? undefined : await demoContents(location);
    const yours = found && (found.changes > 0 || found.segmentations.length > 0 || (found.records && !found.demo));
    if (found && yours) throw conflict(`${path} holds data the demo did not write: ${demoDataFound(found)}`, 'pass --force to replace it, losing that data, or name another file with --db');
    if (!found || found.demo) await removeDatabase(location);
  }
  ctx.useDatabase(location);
  const store = await ctx.store();
  if (await store.holdsRecords()) {
    throw conflict(`${path} already holds data; the demo fills only an empty database`, 'name a new file with --db, or pass --force to replace it');
  }
  const { currency, fiscalYearStart } = (await ctx.shared()).values;
  const data = demoData({ now: ctx.now, seed, scale, currency, fyStart: fiscalYearStart });
  const counts = await store.bulkLoad(data, { actor: ctx.user, at: ctx.now.toISOString(), command: ctx.commandLine });
  // No timing in the output: it is not data, and it would make the same demo print differently on every run
  // (npm run bench times the demo from outside).
  return record({ path, ...counts, try: demoTry(path) }, demoFields);
}
