import { resolve } from 'node:path';
import type { Context } from '../../context.js';
import { BACKUP_FORMAT, BACKUP_VERSION, documentEnd, documentStart, rowsText, tableEnd, tableStart } from '../../domain/backup.js';
import { usageError } from '../../errors.js';
import { fileSink, streamSink } from '../../io/sink.js';
import { backupSections, exportedOut, exportedTo, exportFields } from '../../output/views/backup.js';
import { record } from '../../output/view.js';
import type { ExportInput } from './spec.js';

/** Writes the backup document as the rows are read: the database is never in memory, however large. */
export async function run({ opts }: ExportInput<'backup'>, ctx: Context) {
  if (opts.output !== undefined && opts.output.trim() === '') throw usageError('--output: an empty path names no file', 'give a file path, or leave --output out to write to standard output');
  const path = opts.output === undefined ? undefined : resolve(opts.output);
  const store = await ctx.store();
  const sink = path === undefined ? streamSink(ctx.streams.stdout) : fileSink(path);
  const rows: Record<string, number> = {};
  let schema = 0;
  let bytes: number;
  try {
    await store.dump(async (dump) => {
      schema = dump.schema;
      const header = { format: BACKUP_FORMAT, version: BACKUP_VERSION, schema, exportedAt: ctx.now.toISOString(), exportedBy: ctx.user } as const;
      await sink.write(documentStart(header, dump.sequences));
      for (const [i, table] of dump.tables.entries()) {
        await sink.write(tableStart(table.name, i === 0));
        let n = 0;
        for await (const batch of table.rows()) {
          await sink.write(rowsText(batch, n === 0));
          n += batch.length;
        }
        rows[table.name] = n;
        await sink.write(tableEnd(n));
      }
      await sink.write(documentEnd);
    });
    bytes = await sink.finish();
  } catch (e) {
    sink.abandon();
    throw e;
  }
  if (path === undefined) return { kind: 'none', done: exportedOut(rows) } as const;
  return record({ path, bytes, format: BACKUP_FORMAT, version: BACKUP_VERSION, schema, rows }, exportFields,
    { sections: backupSections, done: exportedTo(path, rows) });
}
