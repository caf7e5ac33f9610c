import type { Kysely } from 'kysely';

/**
 * Repeating follow-ups remember their series (issue 13): the date the series counts from and this occurrence's date
 * in it, so a monthly repeat on the 31st stays on month ends and a snooze moves one occurrence, not the series.
 * A change set can carry a note saying why a write was allowed (a consent override), shown by `crm history`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('followup').addColumn('series_anchor', 'text').execute();
  await db.schema.alterTable('followup').addColumn('series_due', 'text').execute();
  // Existing series start where they stand: the best guess of their day that the old schema kept.
  await db.updateTable('followup').set((eb) => ({ series_anchor: eb.ref('due_date'), series_due: eb.ref('due_date') }))
    .where('repeat_every', 'is not', null).execute();
  await db.schema.alterTable('change_set').addColumn('note', 'text').execute();
}
