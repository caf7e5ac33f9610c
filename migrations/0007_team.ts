import { type Kysely, sql } from 'kysely';
import { binaryCollation } from '../src/store/postgres/collation.js';
import { isPostgres } from './dialect.js';

/**
 * The team (issue 16, product.md "Team server"): a roster on every engine, shared settings in the database, and on
 * PostgreSQL the roles, grants and row-level security that make the server itself enforce who may change what.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Who is on the team and in which role. On SQLite a list of names (no passwords); on PostgreSQL each is a login role.
  await db.schema.createTable('team_member')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  // Settings the whole team shares (segment map, base currency and rates, fiscal year, lost reasons), each a JSON value.
  await db.schema.createTable('setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
  if (isPostgres(db)) await teamSecurity(db);
}

/** Tables whose rows a person owns, the column naming the owner, and the one naming the record in messages. */
const OWNED: [table: string, owner: string, name: string][] = [
  ['company', 'owner', 'name'], ['contact', 'owner', 'name'], ['deal', 'owner', 'title'], ['followup', 'owner', 'title'],
  ['activity', 'created_by', 'summary'], ['orders', 'created_by', 'reference'],
];
const RECORDS = ['company', 'contact', 'contact_email', 'contact_phone', 'tag', 'deal', 'deal_stage_change', 'activity', 'followup',
  'orders', 'rfm_snapshot', 'rfm_snapshot_member', 'search_index'];
const ADMIN_ONLY = ['stage', 'quota', 'setting', 'team_member'];

/**
 * Three group roles: crm_rep changes own records, crm_manager everyone's, crm_admin also stages, quotas, settings and
 * the team. History (change_set, journal) is insert-only for all of them. Row-level security and a trigger per owned
 * table hold it in psql too; the trigger's error names the record's owner, and crm shows it as exit 5.
 */
async function teamSecurity(db: Kysely<any>): Promise<void> {
  // Policies pin the types of the columns they name: text columns get SQLite's binary collation first.
  await binaryCollation(db);
  for (const role of ['crm_rep', 'crm_manager', 'crm_admin']) {
    await sql.raw(`do $$ begin if not exists (select 1 from pg_roles where rolname = '${role}') then create role ${role} nologin; end if; end $$`).execute(db);
  }
  const all = 'crm_rep, crm_manager, crm_admin';
  const { rows: [s] } = await sql<{ s: string }>`select current_schema() as s`.execute(db);
  const schema = `"${s!.s}"`;
  await sql.raw(`grant usage on schema ${schema} to ${all}`).execute(db);
  await sql.raw(`grant select on all tables in schema ${schema} to ${all}`).execute(db);
  await sql.raw(`grant usage, select on all sequences in schema ${schema} to ${all}`).execute(db);
  await sql.raw(`grant insert, update, delete on ${RECORDS.join(', ')} to ${all}`).execute(db);
  await sql.raw(`grant insert, update, delete on ${ADMIN_ONLY.join(', ')} to crm_admin`).execute(db);
  // History: added to, never changed (a change set's note is written by the command that makes it).
  await sql.raw(`grant insert on change_set, journal to ${all}`).execute(db);
  await sql.raw(`grant update (note) on change_set to ${all}`).execute(db);

  await sql.raw(`create or replace function crm_may_change(owner text) returns boolean language sql stable as $$
    select owner = current_user or pg_has_role(current_user, 'crm_manager', 'member') or pg_has_role(current_user, 'crm_admin', 'member')
      or not pg_has_role(current_user, 'crm_rep', 'member') $$`).execute(db);
  await sql.raw(`create or replace function crm_guard_owner() returns trigger language plpgsql as $$
    declare
      was text; now_ text; label text;
    begin
      if tg_op <> 'INSERT' then
        was := to_jsonb(old) ->> tg_argv[0];
        if not crm_may_change(was) then
          label := coalesce(to_jsonb(old) ->> tg_argv[1], '#' || (to_jsonb(old) ->> 'id'));
          raise exception using errcode = '42501', message = format('%s "%s" belongs to %s; a rep changes only their own records', tg_argv[2], label, was),
            hint = format('ask %s or a manager to make the change', was);
        end if;
      end if;
      if tg_op <> 'DELETE' then
        now_ := to_jsonb(new) ->> tg_argv[0];
        if not crm_may_change(now_) then
          raise exception using errcode = '42501', message = format('a rep writes %s records only as their own, not as %s', tg_argv[2], now_),
            hint = 'leave out --owner, or ask a manager';
        end if;
        return new;
      end if;
      return old;
    end $$`).execute(db);
  for (const [table, owner, name] of OWNED) {
    const noun = table === 'orders' ? 'order' : table === 'followup' ? 'follow-up' : table;
    await sql.raw(`create trigger crm_guard_owner before insert or update or delete on ${table} for each row
      execute function crm_guard_owner('${owner}', '${name}', '${noun}')`).execute(db);
    await sql.raw(`alter table ${table} enable row level security`).execute(db);
    await sql.raw(`create policy crm_read on ${table} for select using (true)`).execute(db);
    await sql.raw(`create policy crm_insert on ${table} for insert with check (crm_may_change(${owner}))`).execute(db);
    await sql.raw(`create policy crm_update on ${table} for update using (true) with check (crm_may_change(${owner}))`).execute(db);
    await sql.raw(`create policy crm_delete on ${table} for delete using (crm_may_change(${owner}))`).execute(db);
  }
  // Each change set is written by its author: nobody records changes in someone else's name.
  await sql.raw(`alter table change_set enable row level security`).execute(db);
  await sql.raw(`create policy crm_read on change_set for select using (true)`).execute(db);
  await sql.raw(`create policy crm_author on change_set for insert with check (actor = current_user or not pg_has_role(current_user, 'crm_rep', 'member'))`).execute(db);
  await sql.raw(`create policy crm_note on change_set for update using (actor = current_user) with check (actor = current_user)`).execute(db);
}
