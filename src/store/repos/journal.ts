import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';
import type { ChangeNotes, Identity, JournalAction, JournalEntry, WriteMeta } from '../journal.js';
import { hasRows, readRows, readRowsOf, type RowImage, type Rows } from './row-images.js';
import { randomUuid } from '../uuid.js';

/** Records every write of one command under one change set, inside that command's transaction. */
export class Journal implements ChangeNotes {
  private changeSetId: number | undefined;
  private why: string | null = null;
  /** Records' rows as they were before this write first changed them (see touch). */
  private readonly before = new Map<string, Rows | null>();

  constructor(private readonly db: Kysely<DB>, private readonly meta: WriteMeta) {}

  /** When the change happens (ISO 8601). */
  get at(): string {
    return this.meta.at;
  }

  get actor(): string {
    return this.meta.actor;
  }

  /**
   * Stamp columns of a new row: created and last updated now, by the actor. An import gives the id and uuid a record
   * had where it was exported, when they are free here.
   */
  created(identity: Identity = {}) {
    return {
      ...(identity.id ? { id: identity.id } : {}), uuid: identity.uuid ?? randomUuid(), created_at: this.meta.at, updated_at: this.meta.at,
      created_by: this.meta.actor, updated_by: this.meta.actor,
    };
  }

  /** Stamp columns of a changed row. */
  updated() {
    return { updated_at: this.meta.at, updated_by: this.meta.actor };
  }

  async note(text: string): Promise<void> {
    this.why = text;
    if (this.changeSetId === undefined) return;
    await this.db.updateTable('change_set').set({ note: text }).where('id', '=', this.changeSetId).execute();
  }

  /**
   * Notes the rows of record `entity` #`id` as they are, before the repository changes them: the entry that journals
   * the change keeps them, so that an undo can put them back even when no earlier entry has them (a record made by a
   * migration, the demo or an older crm).
   */
  async touch(entity: string, id: number): Promise<void> {
    const key = `${entity}:${id}`;
    if (!this.before.has(key)) this.before.set(key, await readRows(this.db, entity, id));
  }

  /** The change set this write's entries go under (made on first use). */
  async changeSet(): Promise<number> {
    this.changeSetId ??= Number((await this.db.insertInto('change_set')
      .values({ at: this.meta.at, actor: this.meta.actor, command: this.meta.command, note: this.why })
      .returning('id').executeTakeFirstOrThrow()).id);
    return this.changeSetId;
  }

  /**
   * Journals a write to record `entity` #`entityId`: the snapshots history shows, and the record's rows as the write
   * left them (for an undo; `image` when the caller has them, as an undo and an order import do).
   */
  async record(entity: string, entityId: number, action: JournalAction, before: object | null, after: object | null, image?: RowImage) {
    const changeSetId = await this.changeSet();
    const key = `${entity}:${entityId}`;
    const touched = this.before.get(key);
    this.before.delete(key);
    const rows = image ?? (hasRows(entity)
      ? { after: await readRows(this.db, entity, entityId), ...(touched !== undefined ? { before: touched } : {}) } : null);
    await this.db.insertInto('journal').values({
      change_set_id: changeSetId, entity, entity_id: entityId, action,
      before: before === null ? null : JSON.stringify(before),
      after: after === null ? null : JSON.stringify(after),
      row_image: rows === null ? null : JSON.stringify(rows),
    }).execute();
  }

  /**
   * Journals records of `entity` that this write created, as `record` would one by one, with their rows read
   * set-wise and the entries inserted in batches (an order import's new customers).
   */
  async recordCreated(entity: string, records: readonly { id: number; after: object }[]): Promise<void> {
    if (!records.length) return;
    const changeSetId = await this.changeSet();
    const rows = await readRowsOf(this.db, entity, records.map((r) => r.id));
    // Seven values an entry: 500 entries stay far below either engine's limit of bound values in one statement.
    for (let i = 0; i < records.length; i += 500) {
      await this.db.insertInto('journal').values(records.slice(i, i + 500).map((r) => ({
        change_set_id: changeSetId, entity, entity_id: r.id, action: 'create', before: null, after: JSON.stringify(r.after),
        row_image: JSON.stringify({ after: rows.get(r.id)! }),
      }))).execute();
    }
  }
}

export async function historyOf(db: Kysely<DB>, entity: string, entityId: number): Promise<JournalEntry[]> {
  const rows = await db.selectFrom('journal').innerJoin('change_set', 'change_set.id', 'journal.change_set_id')
    .select(['journal.id', 'change_set_id', 'at', 'actor', 'command', 'note', 'entity', 'entity_id', 'action', 'before', 'after'])
    .where('entity', '=', entity).where('entity_id', '=', entityId).orderBy('journal.id').execute();
  return rows.map((r) => ({
    id: r.id, changeSet: r.change_set_id, at: r.at, actor: r.actor, command: r.command, entity: r.entity,
    entityId: r.entity_id, action: r.action as JournalAction,
    before: r.before === null ? null : JSON.parse(r.before), after: r.after === null ? null : JSON.parse(r.after),
    note: r.note,
  }));
}

/** The latest name a record had, for history of records that were deleted. */
export async function lastJournaledName(db: Kysely<DB>, entity: string, entityId: number): Promise<string | null> {
  const row = await db.selectFrom('journal').select(['before', 'after']).where('entity', '=', entity)
    .where('entity_id', '=', entityId).orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!row) return null;
  const snap = JSON.parse(row.after ?? row.before ?? 'null');
  return snap?.name ?? snap?.title ?? `#${entityId}`;
}
