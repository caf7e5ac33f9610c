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

/** Where a part of a record lives: a table, the column holding the record's id, and any other column that says whose. */
interface Part {
  table: Table;
  column: string;
  also?: Record<string, unknown>;
}

const own = (table: Table): Part => ({ table, column: 'id' });
const tags = (entity: string): Part => ({ table: 'tag', column: 'entity_id', also: { entity } });

/** The record's own row first (inserted first, deleted last), then its children. */
const PARTS: Record<string, Part[]> = {
  company: [own('company'), tags('company')],
  contact: [own('contact'), { table: 'contact_email', column: 'contact_id' }, { table: 'contact_phone', column: 'contact_id' }, tags('contact')],
  deal: [own('deal'), { table: 'deal_stage_change', column: 'deal_id' }, tags('deal')],
  activity: [own('activity')],
  followup: [own('followup'), tags('followup')],
  order: [own('orders')],
  stage: [own('stage')],
  quota: [own('quota')],
  rfm_snapshot: [own('rfm_snapshot'), { table: 'rfm_snapshot_member', column: 'snapshot_id' }],
};

const whereOf = (part: Part, id: number): Record<string, unknown> => ({ [part.column]: id, ...part.also });

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
    rows[part.table] = await filtered(db.selectFrom(part.table).selectAll() as any, whereOf(part, id)).execute() as Record<string, unknown>[];
  }
  return rows[parts[0]!.table]!.length ? rows : null;
}

/**
 * The rows of many records of `entity` at once (what readRows gives for each id), read a table at a time over the ids'
 * range: an import that made 100,000 customers journals them in seconds, not minutes of two queries each.
 */
export async function readRowsOf(db: Kysely<DB>, entity: string, ids: readonly number[]): Promise<Map<number, Rows>> {
  const parts = PARTS[entity]!;
  const out = new Map<number, Rows>();
  if (!ids.length) return out;
  let lo = ids[0]!;
  let hi = lo;
  for (const id of ids) {
    if (id < lo) lo = id;
    if (id > hi) hi = id;
  }
  for (const id of ids) out.set(id, Object.fromEntries(parts.map((p) => [p.table, []])));
  for (const part of parts) {
    const found = await filtered(db.selectFrom(part.table).selectAll().where(part.column as any, '>=', lo).where(part.column as any, '<=', hi) as any,
      part.also ?? {}).execute() as Record<string, unknown>[];
    for (const row of found) out.get(Number(row[part.column]))?.[part.table]!.push(row);
  }
  return out;
}

/**
 * Makes record `entity` #`id` hold exactly `rows` (null: not exist). Its own row is updated in place when it stays,
 * so that what points at it keeps pointing at it; children are replaced.
 */
export async function writeRows(db: Kysely<DB>, entity: string, id: number, rows: Rows | null): Promise<void> {
  const parts = PARTS[entity];
  if (!parts) throw new Error(`no rows for ${entity}`);
  const [self, ...children] = parts;
  for (const part of children) await filtered(db.deleteFrom(part.table) as any, whereOf(part, id)).execute();
  const exists = (await filtered(db.selectFrom(self!.table).select('id' as any) as any, whereOf(self!, id)).executeTakeFirst()) !== undefined;
  const row = rows?.[self!.table]?.[0];
  if (!row) {
    if (exists) await filtered(db.deleteFrom(self!.table) as any, whereOf(self!, id)).execute();
    return;
  }
  if (exists) {
    const { id: _id, ...values } = row;
    await filtered(db.updateTable(self!.table).set(values as any) as any, whereOf(self!, id)).execute();
  } else {
    await db.insertInto(self!.table).values(row as any).execute();
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
