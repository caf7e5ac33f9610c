import { type Kysely, sql } from 'kysely';
import { isPostgres } from './dialect.js';

/**
 * History is insert-only, and the database itself holds to it (issue 17): a change set and its journal entries,
 * once written, are never updated or deleted, whatever program writes to the file. The one change a change set
 * takes after its insert is its note (why the command's writes were allowed, noted as the command runs).
 *
 * On PostgreSQL the team server enforces the same with grants (no UPDATE or DELETE on these tables for any crm
 * role), made by its own migrations; this one leaves PostgreSQL alone.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  const refuse = (what: string) => sql.raw(`select raise(abort, 'history is insert-only: ${what}')`);
  await sql`create trigger journal_no_update before update on journal begin ${refuse('a journal entry cannot be changed')}; end`.execute(db);
  await sql`create trigger journal_no_delete before delete on journal begin ${refuse('a journal entry cannot be deleted')}; end`.execute(db);
  await sql`create trigger change_set_no_update before update of id, at, actor, command on change_set
    begin ${refuse('a change set cannot be changed')}; end`.execute(db);
  await sql`create trigger change_set_no_delete before delete on change_set begin ${refuse('a change set cannot be deleted')}; end`.execute(db);
}
