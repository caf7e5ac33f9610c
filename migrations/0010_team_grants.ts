import { type Kysely, sql } from 'kysely';
import { binaryCollation } from '../src/store/postgres/collation.js';
import { isPostgres } from './dialect.js';

/**
 * Products, order lines and campaigns (0008, 0009) came after the team's grants (0007), so on a team server only the
 * table owner could read them: a rep's `crm campaign list` or an order import with lines was refused. They get the
 * grants of the records they belong to, and a campaign is owned like a deal: its owner, a manager or an admin changes it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  // Policies pin the types of the columns they name: text columns get SQLite's binary collation first (as in 0007).
  await binaryCollation(db);
  const all = 'crm_rep, crm_manager, crm_admin';
  const { rows: [s] } = await sql<{ s: string }>`select current_schema() as s`.execute(db);
  const schema = `"${s!.s}"`;
  const tables = ['product', 'order_line', 'campaign', 'campaign_member'];
  await sql.raw(`grant select, insert, update, delete on ${tables.join(', ')} to ${all}`).execute(db);
  await sql.raw(`grant usage, select on all sequences in schema ${schema} to ${all}`).execute(db);
  // As 0007 does for every owned table: the trigger names the owner in its refusal, the policies hold it in psql.
  await sql.raw(`create trigger crm_guard_owner before insert or update or delete on campaign for each row
    execute function crm_guard_owner('owner', 'name', 'campaign')`).execute(db);
  await sql.raw('alter table campaign enable row level security').execute(db);
  await sql.raw('create policy crm_read on campaign for select using (true)').execute(db);
  await sql.raw('create policy crm_insert on campaign for insert with check (crm_may_change(owner))').execute(db);
  await sql.raw('create policy crm_update on campaign for update using (true) with check (crm_may_change(owner))').execute(db);
  await sql.raw('create policy crm_delete on campaign for delete using (crm_may_change(owner))').execute(db);
}
