import type { Kysely } from 'kysely';
import { withId, withStamps } from './dialect.js';

/**
 * Campaigns and their members (issue 18, analytics.md "Campaigns"): each member is treated or holdout, drawn when it
 * was targeted; touches and responses are dated on the member. Money is integer minor units, dates 'YYYY-MM-DD'.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withStamps(withId(db, db.schema.createTable('campaign'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull().unique())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('budget_minor', 'bigint')
    // What it really cost, once known: ROI uses it instead of the budget.
    .addColumn('cost_minor', 'bigint')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('window_days', 'integer', (c) => c.notNull())
    // Contacts left out when targeting because they opted out or are do-not-contact, over every target run.
    .addColumn('excluded', 'integer', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('uuid', 'text', (c) => c.notNull().unique())).execute();

  await withId(db, db.schema.createTable('campaign_member'))
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaign.id').onDelete('cascade'))
    // 'company:12' or 'contact:7': one row per record and campaign, whichever kind it is.
    .addColumn('member_key', 'text', (c) => c.notNull())
    .addColumn('company_id', 'integer', (c) => c.references('company.id').onDelete('cascade'))
    .addColumn('contact_id', 'integer', (c) => c.references('contact.id').onDelete('cascade'))
    .addColumn('arm', 'text', (c) => c.notNull())
    .addColumn('added_on', 'text', (c) => c.notNull())
    .addColumn('touched_on', 'text')
    .addColumn('responded_on', 'text')
    .addColumn('outcome', 'text')
    .execute();
  await db.schema.createIndex('campaign_member_key').on('campaign_member').columns(['campaign_id', 'member_key']).unique().execute();
  await db.schema.createIndex('campaign_member_contact').on('campaign_member').column('contact_id').execute();
  await db.schema.createIndex('campaign_member_company').on('campaign_member').column('company_id').execute();
}
