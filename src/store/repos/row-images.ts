import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';

/**
 * A record's rows as the database holds them: its own row and the rows that belong to it alone (emails, phones,
 * tags, stage history, snapshot members), by table. The journal keeps one with each entry (journal.row_image), so
 * that an undo puts a record back exactly as it was (id, UUID, links, children), on every engine: the rows are read
 * and written with Kysely only.
 */
export type Rows = Record<string, Record<string, unknown>[]>;

/** What a journal entry keeps: the rows after it (none: the record is gone), and in an undo's entries also before. */
export interface RowImage {
  after: Rows | null;
  before?: Rows | null;
}

type Table = keyof DB & string;

/** Where a part of a record lives: a table, and the columns that say which rows are the record's. */
interface Part {
  table: Table;
  where: (id: number) => Record<string, unknown>;
}

/** The record's own row first (inserted first, deleted last), then its children. */
const PARTS: Record<string, Part[]> = {
  company: [{ table: 'company', where: (id) => ({ id }) }, { table: 'tag', where: (id) => ({ entity: 'company', entity_id: id }) }],
  contact: [
    { table: 'contact', where: (id) => ({ id }) }, { table: 'contact_email', where: (id) => ({ contact_id: id }) },
    { table: 'contact_phone', where: (id) => ({ contact_id: id }) }, { table: 'tag', where: (id) => ({ entity: 'contact', entity_id: id }) },
  ],
  deal: [
    { table: 'deal', where: (id) => ({ id }) }, { table: 'deal_stage_change', where: (id) => ({ deal_id: id }) },
    { table: 'tag', where: (id) => ({ entity: 'deal', entity_id: id }) },
  ],
  activity: [{ table: 'activity', where: (id) => ({ id }) }],
  followup: [{ table: 'followup', where: (id) => ({ id }) }, { table: 'tag', where: (id) => ({ entity: 'followup', entity_id: id }) }],
  order: [{ table: 'orders', where: (id) => ({ id }) }],
  stage: [{ table: 'stage', where: (id) => ({ id }) }],
  quota: [{ table: 'quota', where: (id) => ({ id }) }],
  rfm_snapshot: [{ table: 'rfm_snapshot', where: (id) => ({ id }) }, { table: 'rfm_snapshot_member', where: (id) => ({ snapshot_id: id }) }],
};

/** Whether records of `entity` have rows an undo can put back. */
export const hasRows = (entity: string): boolean => entity in PARTS;

function filtered<Q extends { where: (...args: any[]) => Q }>(q: Q, where: Record<string, unknown>): Q {
  let out = q;
  for (const [column, value] of Object.entries(where)) out = out.where(column, '=', value);
  return out;
}

/** The rows of record `entity` #`id` as they are now; null when it has none (deleted). */
export async function readRows(db: Kysely<DB>, entity: string, id: number): Promise<Rows | null> {
  const parts = PARTS[entity];
  if (!parts) return null;
  const rows: Rows = {};
  for (const part of parts) {
    rows[part.table] = await filtered(db.selectFrom(part.table).selectAll() as any, part.where(id)).execute() as Record<string, unknown>[];
  }
  return rows[parts[0]!.table]!.length ? rows : null;
}

/**
 * Makes record `entity` #`id` hold exactly `rows` (null: not exist). Its own row is updated in place when it stays,
 * so that what points at it keeps pointing at it; children are replaced.
 */
export async function writeRows(db: Kysely<DB>, entity: string, id: number, rows: Rows | null): Promise<void> {
  const parts = PARTS[entity];
  if (!parts) throw new Error(`no rows for ${entity}`);
  const [own, ...children] = parts;
  for (const part of children) await filtered(db.deleteFrom(part.table) as any, part.where(id)).execute();
  const exists = (await filtered(db.selectFrom(own!.table).select('id' as any) as any, own!.where(id)).executeTakeFirst()) !== undefined;
  const row = rows?.[own!.table]?.[0];
  if (!row) {
    if (exists) await filtered(db.deleteFrom(own!.table) as any, own!.where(id)).execute();
    return;
  }
  if (exists) {
    const { id: _id, ...values } = row;
    await filtered(db.updateTable(own!.table).set(values as any) as any, own!.where(id)).execute();
  } else {
    await db.insertInto(own!.table).values(row as any).execute();
  }
  for (const part of children) {
    const list = rows?.[part.table] ?? [];
    if (list.length) await db.insertInto(part.table).values(list as any).execute();
  }
}

/** The orders an order import wrote (ids first..last, made by it): its rows, for an undo of the import. */
export async function readImportedOrders(db: Kysely<DB>, first: number, last: number, at: string): Promise<Rows> {
  return { orders: await db.selectFrom('orders').selectAll().where('id', '>=', first).where('id', '<=', last)
    .where('source', '=', 'import').where('created_at', '=', at).orderBy('id').execute() as Record<string, unknown>[] };
}

/** Puts an order import's orders back (`rows`) or takes them away (`rows` empty), ids first..last. */
export async function writeImportedOrders(db: Kysely<DB>, first: number, last: number, at: string, rows: Rows): Promise<void> {
  await db.deleteFrom('orders').where('id', '>=', first).where('id', '<=', last).where('source', '=', 'import')
    .where('created_at', '=', at).execute();
  const list = rows.orders ?? [];
  for (let i = 0; i < list.length; i += 500) await db.insertInto('orders').values(list.slice(i, i + 500) as any).execute();
}
