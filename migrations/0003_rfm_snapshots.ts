import type { Kysely } from 'kysely';
import { withId } from './dialect.js';

/** Saved RFM segmentations (the RAD method's dynamic update): `crm report rfm --save NAME` and `--compare NAME`. */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('rfm_snapshot'))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('bins', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createTable('rfm_snapshot_member')
    .addColumn('snapshot_id', 'integer', (c) => c.notNull().references('rfm_snapshot.id').onDelete('cascade'))
    .addColumn('customer', 'text', (c) => c.notNull())
    .addColumn('segment', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('rfm_snapshot_member_pk', ['snapshot_id', 'customer'])
    .execute();
}
