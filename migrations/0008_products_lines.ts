import type { Kysely } from 'kysely';
import { withId, withStamps } from './dialect.js';

/**
 * Products and the lines of an order (issue 18): an invoice imported with its lines has the amount of their sum; a
 * cancellation's lines have negative quantities. An order without lines is as before. Money is integer minor units.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withStamps(withId(db, db.schema.createTable('product'))
    .addColumn('code', 'text', (c) => c.notNull())
    // Codes match ignoring case and surrounding spaces ("85123a" is 85123A).
    .addColumn('code_key', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('price_minor', 'bigint')
    .addColumn('currency', 'text')
    .addColumn('uuid', 'text', (c) => c.notNull().unique())).execute();

  await withId(db, db.schema.createTable('order_line'))
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'integer', (c) => c.notNull().references('product.id'))
    .addColumn('description', 'text')
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('unit_price_minor', 'bigint', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('order_line_order').on('order_line').columns(['order_id', 'position']).unique().execute();
  await db.schema.createIndex('order_line_product').on('order_line').column('product_id').execute();
}
