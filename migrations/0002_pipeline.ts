import type { Kysely } from 'kysely';
import { withId, withStamps } from './dialect.js';

/** Stages, deals with stage history, activities, follow-ups, orders and quotas; the default pipeline. */
export async function up(db: Kysely<any>): Promise<void> {
  await withStamps(withId(db, db.schema.createTable('stage'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull().unique())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('probability', 'integer', (c) => c.notNull())
    .addColumn('forecast_category', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('rotting_days', 'integer')).execute();

  await withStamps(withId(db, db.schema.createTable('deal'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_key', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('stage_id', 'integer', (c) => c.notNull().references('stage.id'))
    .addColumn('probability', 'integer')
    .addColumn('forecast_category', 'text')
    .addColumn('expected_close', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('stage_changed_at', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('company_id', 'integer', (c) => c.references('company.id').onDelete('set null'))
    .addColumn('contact_id', 'integer', (c) => c.references('contact.id').onDelete('set null'))
    .addColumn('source', 'text')
    .addColumn('next_step', 'text')
    .addColumn('lost_reason', 'text')).execute();
  for (const column of ['title_key', 'stage_id', 'owner', 'company_id', 'contact_id', 'expected_close']) {
    await db.schema.createIndex(`deal_${column}`).on('deal').column(column).execute();
  }

  // Stage names are kept as they were, so history outlives a renamed or removed stage.
  await withId(db, db.schema.createTable('deal_stage_change'))
    .addColumn('deal_id', 'integer', (c) => c.notNull().references('deal.id').onDelete('cascade'))
    .addColumn('from_stage_id', 'integer', (c) => c.references('stage.id').onDelete('set null'))
    .addColumn('to_stage_id', 'integer', (c) => c.references('stage.id').onDelete('set null'))
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deal_stage_change_deal').on('deal_stage_change').columns(['deal_id', 'at']).execute();

  await withStamps(withId(db, db.schema.createTable('activity'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('direction', 'text')
    .addColumn('satisfaction', 'integer')
    .addColumn('contact_id', 'integer', (c) => c.references('contact.id').onDelete('set null'))
    .addColumn('company_id', 'integer', (c) => c.references('company.id').onDelete('set null'))
    .addColumn('deal_id', 'integer', (c) => c.references('deal.id').onDelete('set null'))).execute();
  for (const column of ['at', 'contact_id', 'company_id', 'deal_id', 'created_by']) {
    await db.schema.createIndex(`activity_${column}`).on('activity').column(column).execute();
  }

  await withStamps(withId(db, db.schema.createTable('followup'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_key', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('due_time', 'text')
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('repeat_every', 'integer')
    .addColumn('repeat_unit', 'text')
    .addColumn('notes', 'text')
    .addColumn('contact_id', 'integer', (c) => c.references('contact.id').onDelete('set null'))
    .addColumn('company_id', 'integer', (c) => c.references('company.id').onDelete('set null'))
    .addColumn('deal_id', 'integer', (c) => c.references('deal.id').onDelete('set null'))).execute();
  await db.schema.createIndex('followup_due').on('followup').columns(['status', 'due_date']).execute();
  await db.schema.createIndex('followup_title_key').on('followup').column('title_key').execute();

  // "order" is an SQL keyword; the table of orders is "orders".
  await withStamps(withId(db, db.schema.createTable('orders'))
    .addColumn('company_id', 'integer', (c) => c.references('company.id'))
    .addColumn('contact_id', 'integer', (c) => c.references('contact.id'))
    .addColumn('ordered_on', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('deal_id', 'integer', (c) => c.references('deal.id').onDelete('set null'))
    // How the order came in: manual, win (recorded by crm deal win; a reopen takes it back), import, demo.
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('manual'))).execute();
  await db.schema.createIndex('orders_company').on('orders').columns(['company_id', 'ordered_on']).execute();
  await db.schema.createIndex('orders_contact').on('orders').columns(['contact_id', 'ordered_on']).execute();
  await db.schema.createIndex('orders_reference').on('orders').column('reference').unique().execute();

  await withStamps(withId(db, db.schema.createTable('quota'))
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addUniqueConstraint('quota_owner_period', ['owner', 'period'])).execute();

  const at = new Date().toISOString();
  const stages: [string, number, string, string, number | null][] = [
    ['Lead', 10, 'pipeline', 'open', 30], ['Qualified', 25, 'pipeline', 'open', 21],
    ['Proposal', 50, 'best-case', 'open', 14], ['Negotiation', 75, 'commit', 'open', 14],
    ['Won', 100, 'closed', 'won', null], ['Lost', 0, 'omitted', 'lost', null],
  ];
  await db.insertInto('stage').values(stages.map(([name, probability, forecast_category, outcome, rotting_days], i) => ({
    name, name_key: name.toLowerCase(), position: i + 1, probability, forecast_category, outcome, rotting_days,
    created_at: at, updated_at: at, created_by: 'crm', updated_by: 'crm',
  }))).execute();
}
