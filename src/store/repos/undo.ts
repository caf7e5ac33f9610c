import { conflict, CrmError, notFound } from '../../errors.js';
import { activityEntry, companyEntry, contactEntry, dealEntry } from '../search-text.js';
import type { ChangeSetSummary, Undone } from '../undo.js';
import type { JournalAction } from '../journal.js';
import type { Companies } from './companies.js';
import { Repository, type Session } from './repository.js';
import { hasRows, readImportedOrders, readRows, type RowImage, type Rows, writeImportedOrders, writeRows } from './row-images.js';

interface Entry {
  id: number;
  entity: string;
  entity_id: number;
  action: string;
  before: string | null;
  after: string | null;
  row_image: string | null;
}

const INVERSE: Record<string, JournalAction> = { create: 'delete', delete: 'create', update: 'update', merge: 'update' };

/**
 * Undo, written once for every engine: a change set (one command's writes) is reverted from the journal, entry by
 * entry, newest first. Each entry's record is given back the rows it had just before that entry: the rows the entry
 * itself kept as "before" (an undo's own entries do), else the rows the record's previous entry left it with, else
 * (an entry that created it) none. The revert is journaled as a change set of its own, every entry with the rows it
 * replaced, so it can be undone in turn.
 */
export class Undo extends Repository {
  constructor(session: Session, private readonly companies: Companies) {
    super(session);
  }

  /** The most recent change sets, newest first: what `crm undo --list` shows. */
  async list(limit: number): Promise<ChangeSetSummary[]> {
    const sets = await this.db.selectFrom('change_set').select(['id', 'at', 'actor', 'command', 'note']).orderBy('id', 'desc').limit(limit).execute();
    if (!sets.length) return [];
    const counts = await this.db.selectFrom('journal').select(['change_set_id', this.db.fn.countAll<number>().as('n')])
      .where('change_set_id', 'in', sets.map((s) => s.id)).groupBy('change_set_id').execute();
    const n = new Map(counts.map((c) => [c.change_set_id, Number(c.n)]));
    return sets.map((s) => ({ id: s.id, at: s.at, actor: s.actor, command: s.command, note: s.note, records: n.get(s.id) ?? 0 }));
  }

  /** The latest change set `actor` made: what a bare `crm undo` reverts. */
  async latestOf(actor: string): Promise<number | undefined> {
    return (await this.db.selectFrom('change_set').select('id').where('actor', '=', actor)
      .where((eb) => eb.exists(eb.selectFrom('journal').select('journal.id').whereRef('journal.change_set_id', '=', 'change_set.id')))
      .orderBy('id', 'desc').limit(1).executeTakeFirst())?.id;
  }

  /** Reverts change set `id` inside the current write (its journal is the undo's change set). */
  async revert(id: number): Promise<Undone> {
    const set = await this.db.selectFrom('change_set').selectAll().where('id', '=', id).executeTakeFirst();
    if (!set) throw notFound(`no change set #${id}`, "list them with 'crm undo --list'");
    const entries = await this.db.selectFrom('journal').select(['id', 'entity', 'entity_id', 'action', 'before', 'after', 'row_image'])
      .where('change_set_id', '=', id).orderBy('id', 'desc').execute() as Entry[];
    if (!entries.length) throw notFound(`change set #${id} changed no record`, "list them with 'crm undo --list'");
    await this.refuseIfTouchedLater(id, entries);
    const mine = await this.j.changeSet();
    await this.j.note(`undoes change set #${id}: ${set.command}`);
    const touched = new Map<string, { entity: string; id: number }>();
    for (const e of entries) {
      if (e.entity === 'import') await this.revertImport(e, set.at);
      else await this.revertRecord(e);
      touched.set(`${e.entity}:${e.entity_id}`, { entity: e.entity, id: e.entity_id });
    }
    for (const t of touched.values()) await this.reindex(t.entity, t.id);
    return { changeSet: mine, undid: id, command: set.command, at: set.at, actor: set.actor, records: entries.length };
  }

  /** A record a later change set wrote too would lose that change: exit 4 naming the later change set. */
  private async refuseIfTouchedLater(id: number, entries: Entry[]): Promise<void> {
    for (const e of entries) {
      let later = this.db.selectFrom('journal').innerJoin('change_set', 'change_set.id', 'journal.change_set_id')
        .select(['change_set.id', 'change_set.command', 'journal.entity', 'journal.entity_id']).where('journal.change_set_id', '>', id);
      if (e.entity === 'import') {
        const { firstOrderId, lastOrderId } = JSON.parse(e.after ?? e.before ?? '{}') as { firstOrderId?: number; lastOrderId?: number };
        if (!firstOrderId || !lastOrderId) continue;
        later = later.where('journal.entity', '=', 'order').where('journal.entity_id', '>=', firstOrderId).where('journal.entity_id', '<=', lastOrderId);
      } else {
        later = later.where('journal.entity', '=', e.entity).where('journal.entity_id', '=', e.entity_id);
      }
      const hit = await later.orderBy('change_set.id').limit(1).executeTakeFirst();
      if (hit) {
        throw new CrmError('conflict', `change set #${id} cannot be undone: change set #${hit.id} (${hit.command}) changed ${hit.entity} #${hit.entity_id} after it`,
          `undo #${hit.id} first ('crm undo ${hit.id}'), or change the record by hand`, { laterChangeSet: hit.id });
      }
    }
  }

  /** The rows record `e` had just before entry `e`. */
  private async rowsBefore(e: Entry): Promise<Rows | null> {
    const own = e.row_image ? (JSON.parse(e.row_image) as RowImage) : null;
    if (own && own.before !== undefined) return own.before;
    if (e.action === 'create') return null;
    const previous = await this.db.selectFrom('journal').select(['row_image', 'action']).where('entity', '=', e.entity)
      .where('entity_id', '=', e.entity_id).where('id', '<', e.id).orderBy('id', 'desc').limit(1).executeTakeFirst();
    const image = previous?.row_image ? (JSON.parse(previous.row_image) as RowImage) : null;
    if (!image) {
      throw conflict(`${e.entity} #${e.entity_id} was last written before crm kept the rows an undo needs; this change cannot be undone`,
        'change the record back by hand (crm history shows what it was)');
    }
    return image.after;
  }

  private async revertRecord(e: Entry): Promise<void> {
    if (parse(e.before)?.forgotten || parse(e.after)?.forgotten) {
      throw conflict('this change set erased a person (crm contact forget); an erasure cannot be undone', 'add the person again if they come back');
    }
    if (!hasRows(e.entity)) {
      throw conflict(`change set entries of ${e.entity} cannot be undone`, e.entity === 'demo' ? 'remove the demo with crm demo --force' : 'change it back by hand');
    }
    const target = await this.rowsBefore(e);
    const current = await readRows(this.db, e.entity, e.entity_id);
    await writeRows(this.db, e.entity, e.entity_id, target);
    const action = current === null ? 'create' : target === null ? 'delete' : INVERSE[e.action] ?? 'update';
    await this.j.record(e.entity, e.entity_id, action, parse(e.after), parse(e.before), { before: current, after: target });
  }

  /** An order import's orders (ids in its summary) are taken away, or put back by the undo of that undo. */
  private async revertImport(e: Entry, at: string): Promise<void> {
    const summary = JSON.parse(e.after ?? e.before ?? '{}') as { firstOrderId?: number | null; lastOrderId?: number | null; at?: string };
    const { firstOrderId: first, lastOrderId: last } = summary;
    const written = summary.at ?? at;
    if (first && last) {
      const own = e.row_image ? (JSON.parse(e.row_image) as RowImage) : null;
      const current = await readImportedOrders(this.db, first, last, written);
      const target = own?.before ?? { orders: [] };
      await writeImportedOrders(this.db, first, last, written, target);
      await this.j.record('import', e.entity_id, INVERSE[e.action] ?? 'update', parse(e.after), parse(e.before) ?? { ...summary, at: written },
        { before: current, after: target });
    }
  }

  /** The search entry of a record an undo changed, as the repositories write it (or none, if it is gone). */
  private async reindex(entity: string, id: number): Promise<void> {
    const { search } = this.engine;
    const { linked } = this;
    if (entity === 'contact') {
      const c = await linked.contacts.get(id);
      if (c) await search.put('contact', id, contactEntry(c).title, contactEntry(c).body);
      else await search.remove('contact', id);
      await linked.deals.reindexContact(id);
      await linked.activities.reindexContact(id);
    } else if (entity === 'company') {
      const c = await this.companies.get(id);
      if (c) await search.put('company', id, companyEntry(c).title, companyEntry(c).body);
      else await search.remove('company', id);
      await linked.deals.reindexCompany(id);
      await linked.activities.reindexCompany(id);
    } else if (entity === 'deal') {
      const d = await linked.deals.get(id);
      if (d) await search.put('deal', id, dealEntry(d).title, dealEntry(d).body);
      else await search.remove('deal', id);
    } else if (entity === 'activity') {
      const a = await linked.activities.get(id);
      if (a) await search.put('activity', id, activityEntry(a).title, activityEntry(a).body);
      else await search.remove('activity', id);
    }
  }
}

const parse = (json: string | null): Record<string, unknown> | null => (json === null ? null : JSON.parse(json));
