import { createHash, randomBytes } from 'node:crypto';
import type { Contact } from '../../domain/contact.js';
import { Repository } from './repository.js';

/** The value history keeps where an erased person's was. */
export const FORGOTTEN = '[forgotten]';

/** What an erasure did, for the command to report (never who was erased). */
export interface Erased {
  erasure: number;
  at: string;
  by: string;
  deals: number;
  activities: number;
  followups: number;
  orders: number;
  reports: number;
  /** Campaign memberships removed: a forgotten person is in no target group, treated or holdout. */
  campaignMemberships: number;
  historyEntries: number;
}

const hashOf = (salt: string, email: string) => createHash('sha256').update(`${salt}\n${email.trim().toLowerCase()}`).digest('hex');

/**
 * The right to be forgotten, written once for every engine: a person is erased from every table (the contact, their
 * emails, phones and tags, snapshot memberships, the search index) and from history (their own entries become a
 * tombstone, their name, emails and phones in other entries and command lines become "[forgotten]"); deals,
 * activities, follow-ups and orders keep their amounts and dates but lose the person. Their emails go on a
 * suppression list as salted hashes. The engine then scrubs the freed bytes from its files (Store.compact).
 */
export class Forget extends Repository {
  async forget(contact: Contact): Promise<Erased> {
    const { deals, activities, followups, contacts } = this.linked;
    const { id } = contact;
    const at = this.j.at;
    const by = this.j.actor;
    const erasure = Number((await this.db.insertInto('erasure').values({ at, actor: by, in_progress: 1 }).returning('id').executeTakeFirstOrThrow()).id);
    for (const email of contact.emails) {
      const salt = randomBytes(16).toString('hex');
      await this.db.insertInto('suppression').values({ salt, hash: hashOf(salt, email), erasure_id: erasure }).execute();
    }
    // Everything that pointed at the person stays, without them (each change journaled, under the tombstone rule below).
    const reports = await contacts.reportsOf(id);
    for (const p of await contacts.getMany(reports)) await contacts.update(p, { ...p, reportsToId: null });
    const moved = {
      deals: await deals.relink('contact_id', id, null),
      activities: await activities.relink('contact_id', id, null),
      followups: await followups.relink('contact_id', id, null),
      orders: await this.detachOrders(id),
    };
    await this.db.deleteFrom('rfm_snapshot_member').where('customer', '=', `contact:${id}`).execute();
    const campaignMemberships = Number((await this.db.deleteFrom('campaign_member').where('contact_id', '=', id).executeTakeFirst()).numDeletedRows);
    await contacts.erase(contact);
    const historyEntries = await this.scrubHistory(contact, { forgotten: true, erasure, at, by });
    await this.db.updateTable('erasure').set({ in_progress: 0 }).where('id', '=', erasure).execute();
    return { erasure, at, by, ...moved, reports: reports.length, campaignMemberships, historyEntries };
  }

  /** Whether `email` belongs to a person who was erased. */
  async isSuppressed(email: string): Promise<boolean> {
    return (await this.checker())(email);
  }

  /** The suppression list read once, as a check of one email (for an import's many cards). */
  async checker(): Promise<(email: string) => boolean> {
    const rows = await this.db.selectFrom('suppression').select(['salt', 'hash']).execute();
    return (email) => rows.some((r) => hashOf(r.salt, email) === r.hash);
  }

  /** A person's orders stay revenue, of nobody. */
  private async detachOrders(id: number): Promise<number> {
    const ids = (await this.db.selectFrom('orders').select('id').where('contact_id', '=', id).execute()).map((r) => r.id);
    for (const orderId of ids) {
      await this.j.touch('order', orderId);
      await this.db.updateTable('orders').set({ contact_id: null, ...this.j.updated() }).where('id', '=', orderId).execute();
      await this.j.record('order', orderId, 'update', { id: orderId, customer: FORGOTTEN }, { id: orderId, customer: null });
    }
    return ids.length;
  }

  /**
   * The person's own history entries become the tombstone; in every other entry and command line their name,
   * emails and phones become "[forgotten]". Returns how many entries changed.
   */
  private async scrubHistory(c: Contact, tombstone: object): Promise<number> {
    // What identifies or describes them: name, emails, phones, external id and the notes kept about them.
    const values = [c.name, ...c.emails, ...c.phones, ...(c.externalId ? [c.externalId] : []), ...(c.notes ? [c.notes] : [])]
      .filter((v) => v.length >= 2);
    const own = JSON.stringify(tombstone);
    let changed = 0;
    const entries = await this.db.selectFrom('journal').select(['id', 'entity', 'entity_id', 'before', 'after', 'row_image']).execute();
    for (const e of entries) {
      const mine = e.entity === 'contact' && e.entity_id === c.id;
      const next = mine
        ? { before: e.before === null ? null : own, after: e.after === null ? null : own, row_image: null }
        : { before: scrubJson(e.before, values), after: scrubJson(e.after, values), row_image: scrubJson(e.row_image, values) };
      if (next.before !== e.before || next.after !== e.after || next.row_image !== e.row_image) {
        await this.db.updateTable('journal').set(next).where('id', '=', e.id).execute();
        changed += 1;
      }
    }
    for (const s of await this.db.selectFrom('change_set').select(['id', 'command', 'note']).execute()) {
      const command = scrubText(s.command, values);
      const note = s.note === null ? null : scrubText(s.note, values);
      if (command !== s.command || note !== s.note) await this.db.updateTable('change_set').set({ command, note }).where('id', '=', s.id).execute();
    }
    return changed;
  }
}

/** In JSON text: every string value that is, or holds, one of `values` (as JSON writes it). */
function scrubJson(json: string | null, values: string[]): string | null {
  if (json === null) return null;
  let out = json;
  for (const v of values) out = out.split(JSON.stringify(v).slice(1, -1)).join(FORGOTTEN);
  return out;
}

/** In a command line: every occurrence, quoted or not. */
function scrubText(text: string, values: string[]): string {
  let out = text;
  for (const v of values) out = out.split(JSON.stringify(v)).join(FORGOTTEN).split(v).join(FORGOTTEN);
  return out;
}
