import { type Kysely, sql } from 'kysely';

/**
 * Every text column of ours compares byte by byte (COLLATE "C", SQLite's binary collation), whatever locale the
 * server's database was made with: lists sort and name prefixes match the same on both engines. Run after every
 * migration (in its transaction), so a column a later migration adds is made so too.
 */
export async function binaryCollation(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ table_name: string; column_name: string }>`select table_name, column_name
    from information_schema.columns where table_schema = current_schema() and data_type = 'text'
    and table_name not like 'kysely%' and coalesce(collation_name, '') <> 'C' order by table_name, ordinal_position`.execute(db);
  const byTable = new Map<string, string[]>();
  for (const r of rows) byTable.set(r.table_name, [...(byTable.get(r.table_name) ?? []), r.column_name]);
  for (const [table, columns] of byTable) {
    await sql`alter table ${sql.table(table)} ${sql.join(columns.map((c) => sql`alter column ${sql.ref(c)} type text collate "C"`))}`
      .execute(db);
  }
}
