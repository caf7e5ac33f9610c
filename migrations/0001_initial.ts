import { type Kysely, sql } from 'kysely';
import { isPostgres, withId, withStamps } from './dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  await withStamps(withId(db, db.schema.createTable('company'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('domain', 'text')
    .addColumn('industry', 'text')
    .addColumn('size', 'integer')
    .addColumn('address', 'text')
    .addColumn('wallet_minor', 'bigint')
    .addColumn('currency', 'text')
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('external_id', 'text')).execute();
  await db.schema.createIndex('company_name_key').on('company').column('name_key').execute();
  await db.schema.createIndex('company_domain').on('company').column('domain').execute();
  await db.schema.createIndex('company_external_id').on('company').column('external_id').execute();

  await withStamps(withId(db, db.schema.createTable('contact'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('company_id', 'integer', (c) => c.references('company.id').onDelete('set null'))
    .addColumn('role', 'text')
    .addColumn('reports_to_id', 'integer', (c) => c.references('contact.id').onDelete('set null'))
    .addColumn('source', 'text')
    .addColumn('lifecycle', 'text', (c) => c.notNull())
    .addColumn('consent', 'text', (c) => c.notNull())
    .addColumn('do_not_contact', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('wallet_minor', 'bigint')
    .addColumn('currency', 'text')
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('external_id', 'text')).execute();
  for (const column of ['name_key', 'company_id', 'reports_to_id', 'owner', 'external_id']) {
    await db.schema.createIndex(`contact_${column}`).on('contact').column(column).execute();
  }

  await db.schema.createTable('contact_email')
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contact.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_email_pk', ['contact_id', 'email'])
    .execute();
  await db.schema.createIndex('contact_email_email').on('contact_email').column('email').unique().execute();

  await db.schema.createTable('contact_phone')
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contact.id').onDelete('cascade'))
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_phone_pk', ['contact_id', 'phone'])
    .execute();

  await db.schema.createTable('tag')
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('tag_pk', ['entity', 'entity_id', 'tag'])
    .execute();
  await db.schema.createIndex('tag_by_name').on('tag').columns(['entity', 'tag']).execute();

  // One change set per write command: the unit a later `crm undo` reverts.
  await withId(db, db.schema.createTable('change_set'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('command', 'text', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('journal'))
    .addColumn('change_set_id', 'integer', (c) => c.notNull().references('change_set.id'))
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .execute();
  await db.schema.createIndex('journal_entity').on('journal').columns(['entity', 'entity_id']).execute();

  if (!isPostgres(db)) {
    // rowid = id * 8 + kind code, so a record's entry is replaced by rowid without scanning the index.
    await sql`create virtual table search_index using fts5(
      kind unindexed, ref_id unindexed, title, body, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
  } else {
    // PostgreSQL keeps each record's title, body and words as FTS5 would tokenize them (with the count of them), and
    // src/store/postgres/search.ts matches and ranks them exactly as FTS5 does.
    await sql`create table search_index (
      rowid bigint primary key, kind text not null, ref_id integer not null, title text not null, body text not null,
      words text not null, tokens integer not null)`.execute(db);
    await sql`create index search_index_kind on search_index (kind, rowid)`.execute(db);
  }
}
