import { createReadStream, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Context } from '../../context.js';
import { checkHeader, unreadable } from '../../domain/backup.js';
import { conflict, CrmError, notFound, usageError } from '../../errors.js';
import { type DocumentEvent, documentEvents, JsonStreamError } from '../../io/json-stream.js';
import { backupSections, notEmpty, notEmptyHint, restored, restoreFields } from '../../output/views/backup.js';
import { record } from '../../output/view.js';
import type { BackupRows } from '../../store/backup.js';
import { schemaVersion } from '../../store/maintenance.js';
import { openRestoreTarget } from '../../store/open.js';
import type { ImportInput } from './spec.js';

/**
 * Restores a backup into an empty database (or, with --force, over one), streaming: the header is read and checked
 * first, then the rows go into the database as they are parsed, all in one transaction.
 */
export async function run({ args: [file], opts }: ImportInput<'backup'>, ctx: Context) {
  const name = file === '-' ? 'standard input' : file;
  const events = documentEvents(file === '-' ? ctx.streams.stdin : openFile(file))[Symbol.asyncIterator]();
  const read = async (): Promise<DocumentEvent | undefined> => {
    const next = await events.next();
    return next.done ? undefined : next.value;
  };
  const fields: Record<string, unknown> = {};
  const explained = (e: unknown) => {
    if (e instanceof JsonStreamError) return unreadable(file, e);
    // The engine's complaints about rows name the table and row; the file is named here.
    if (e instanceof CrmError && e.code === 'validation' && !e.message.startsWith(name)) return new CrmError(e.code, `${name}: ${e.message}`, e.hint, e.details);
    return e;
  };

  let first: DocumentEvent | undefined;
  let header;
  try {
    for (first = await read(); first?.kind === 'field'; first = await read()) fields[first.key] = first.value;
    header = checkHeader(fields, file, schemaVersion);
    if (!first) throw new CrmError('validation', `${name} has no tables`, 'restore a file written by crm export backup');
  } catch (e) {
    await events.return?.(undefined);
    throw explained(e);
  }

  async function* rows(): AsyncIterable<BackupRows> {
    for (let e: DocumentEvent | undefined = first; e; e = await read()) {
      if (e.kind === 'field') fields[e.key] = e.value;
      else yield { table: e.table, rows: e.kind === 'rows' ? e.rows : [] };
    }
  }

  const target = await openRestoreTarget(ctx.dbLocation, ctx.busyTimeoutMs, ctx.env);
  let failed = true;
  try {
    const holdings = await target.holdings();
    const replaced = Object.keys(holdings).length > 0;
    if (replaced && !opts.force) throw conflict(notEmpty(target.path, holdings), notEmptyHint);
    const copy = replaced ? await target.keepCopy(ctx.now) : null;
    const report = await target.restore({ schema: header.schema, rows: rows(), sequences: () => fields.sequences });
    failed = false;
    const result = { path: target.path, file: file === '-' ? '-' : resolve(file), schema: header.schema, exportedAt: header.exportedAt,
      exportedBy: header.exportedBy, migrated: report.migrated, replaced, copy, rows: report.rows, indexed: report.indexed };
    return record(result, restoreFields, { sections: backupSections, done: restored(result) });
  } catch (e) {
    throw explained(e);
  } finally {
    target.close(failed);
    await events.return?.(undefined);
  }
}

function openFile(file: string) {
  let isFile: boolean;
  try {
    isFile = statSync(file).isFile();
  } catch {
    throw notFound(`${file}: no such file`, 'name a backup written by crm export backup, or - for standard input');
  }
  if (!isFile) throw usageError(`${file} is not a file`, 'name a backup written by crm export backup, or - for standard input');
  return createReadStream(file, { highWaterMark: 1 << 20 });
}
