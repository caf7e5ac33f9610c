import { type Kysely, sql } from 'kysely';
import { isPostgres, withId } from './dialect.js';

/**
 * History is insert-only, and the database itself holds to it (issue 17): a change set and its journal entries, once
 * written, are never updated or deleted, whatever program writes to the file. The one change a change set takes
 * after its insert is its note (why the command's writes were allowed, noted as the command runs). And each journal
 * entry keeps its record's rows (row_image), which `crm undo` puts back. The one exception is an erasure (`crm contact
 * forget`): while one is in progress, the person's values in history are replaced by a tombstone.
 *
 * On PostgreSQL the team server enforces the same with grants (no UPDATE or DELETE on these tables for any crm
 * role), made by its own migrations; this one leaves PostgreSQL alone.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // The rows a journal entry left its record as (and, for an undo's own entries, the rows it replaced), so that
  // `crm undo` can put a record back exactly: id, UUID, links, children. Domain snapshots (before, after) stay what
  // history shows; these are for the store alone.
  await db.schema.alterTable('journal').addColumn('row_image', 'text').execute();
  // `crm contact forget`: each erasure (when, by whom; never whom), and the suppression list of erased emails (a salted
  // hash each), consulted before a person is added again. An erasure in progress is the one writer history lets in:
  // it replaces the person's values in history with a tombstone.
  await withId(db, db.schema.createTable('erasure'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('in_progress', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createTable('suppression')
    .addColumn('salt', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull().primaryKey())
    .addColumn('erasure_id', 'integer', (c) => c.notNull().references('erasure.id')).execute();
  if (isPostgres(db)) return;
  const refuse = (what: string) => sql.raw(`select raise(abort, 'history is insert-only: ${what}')`);
  const unlessErasing = sql.raw('when not exists (select 1 from erasure where in_progress = 1)');
  await sql`create trigger journal_no_update before update on journal ${unlessErasing}
    begin ${refuse('a journal entry cannot be changed')}; end`.execute(db);
  await sql`create trigger journal_no_delete before delete on journal begin ${refuse('a journal entry cannot be deleted')}; end`.execute(db);
  await sql`create trigger change_set_no_update before update of id, at, actor, command on change_set ${unlessErasing}
    begin ${refuse('a change set cannot be changed')}; end`.execute(db);
  await sql`create trigger change_set_no_delete before delete on change_set begin ${refuse('a change set cannot be deleted')}; end`.execute(db);
}
