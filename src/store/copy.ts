import type { BackupRows, RestoreReport, RestoreTarget } from './backup.js';
import type { Store } from './store.js';

/**
 * The whole database at `source` into `target` (another engine, or another file or server): every table's rows as
 * they are (ids, UUIDs, history, saved segmentations), the sequences, at the source's schema; the target's engine
 * loads them its fastest way (COPY on PostgreSQL) in one transaction, and rebuilds its search index.
 */
export async function copyDatabase(source: Store, target: RestoreTarget): Promise<RestoreReport> {
  return source.dump(async (dump) => {
    async function* rows(): AsyncIterable<BackupRows> {
      for (const table of dump.tables) {
        for await (const batch of table.rows()) yield { table: table.name, rows: batch.map((text) => JSON.parse(text)) };
      }
    }
    return target.restore({ schema: dump.schema, rows: rows(), sequences: () => dump.sequences });
  });
}
