import { existsSync } from 'node:fs';
import type { Context } from '../../context.js';
import { conflict, notFound, usageError } from '../../errors.js';
import { backupSections, holdingsText } from '../../output/views/backup.js';
import { copyFields } from '../../output/views/misc.js';
import { copied, copyTargetHint, copyTargetNotEmpty } from '../../output/views/notices.js';
import { record } from '../../output/view.js';
import { copyDatabase } from '../../store/copy.js';
import { type DbLocation, locateDb } from '../../store/location.js';
import { openRestoreTarget, openStore } from '../../store/open.js';
import type { Store } from '../../store/store.js';
import type { DbInput } from './spec.js';

/**
 * The whole database into an empty one, in one transaction: a laptop's file up to a team server (--to), or a
 * server's data down into a file (--from). Ids, UUIDs, history and saved segmentations come along as they are.
 */
export async function run({ opts }: DbInput<'copy'>, ctx: Context) {
  if ((opts.to === undefined) === (opts.from === undefined)) {
    throw usageError('crm db copy needs one of --to DB or --from DB', 'e.g. crm db copy --to postgres://alice@db.example.com/crm');
  }
  const flag = opts.to !== undefined ? '--to' : '--from';
  const given = (opts.to ?? opts.from)!;
  if (given.trim() === '') throw usageError(`${flag}: an empty value names no database`, 'give a file path or a postgres:// URL');
  const other: DbLocation = { ...locateDb(given, ctx.env, undefined), source: 'flag' };
  const [from, to] = opts.to !== undefined ? [ctx.dbLocation, other] : [other, ctx.dbLocation];
  if ((from.url ?? from.path) === (to.url ?? to.path)) throw usageError(`${flag}: ${other.path} is this database itself`, 'name another database to copy to or from');
  if (!from.url && !existsSync(from.path)) throw notFound(`${from.path}: no such database to copy from`, 'name an existing crm database file or a postgres:// URL');

  const own = from !== ctx.dbLocation;
  const source: Store = own ? await openStore(from, ctx.now, ctx.busyTimeoutMs, ctx.env) : await ctx.store();
  try {
    const target = await openRestoreTarget(to, ctx.busyTimeoutMs, ctx.env);
    let failed = true;
    try {
      const holdings = await target.holdings();
      if (Object.keys(holdings).length) throw conflict(copyTargetNotEmpty(to.path, holdingsText(holdings)), copyTargetHint);
      const report = await copyDatabase(source, target);
      failed = false;
      const total = Object.values(report.rows).reduce((a, b) => a + b, 0);
      const result = { from: from.path, to: to.path, migrated: report.migrated, total, rows: report.rows, indexed: report.indexed };
      return record(result, copyFields, { sections: backupSections, done: copied(from.path, to.path, total) });
    } finally {
      target.close(failed);
    }
  } finally {
    if (own) source.close();
  }
}
