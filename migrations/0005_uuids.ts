import { type Kysely, sql } from 'kysely';
import { isPostgres } from './dialect.js';

/** The records that carry a stable UUID (product.md): vCard and iCalendar UIDs, backups and copies use it. */
export const UUID_TABLES = ['company', 'contact', 'stage', 'deal', 'activity', 'followup', 'orders', 'quota'] as const;

/**
 * Every record gets a stable UUID, which never changes while the record lives: exports name records by it, so a
 * re-import updates instead of duplicating, and a database copied to a server keeps it. Existing rows get a
 * random version-4 UUID; new rows get one from the store when they are written.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // SQLite has no UUID function: a version-4 UUID from random bytes, with the version and variant bits set.
  const v4 = isPostgres(db) ? sql`gen_random_uuid()::text` : sql`lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
    substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' ||
    hex(randomblob(6)))`;
  for (const table of UUID_TABLES) {
    await db.schema.alterTable(table).addColumn('uuid', 'text').execute();
    await db.updateTable(table).set({ uuid: v4 }).execute();
    await db.schema.createIndex(`${table}_uuid`).on(table).column('uuid').unique().execute();
  }
}
