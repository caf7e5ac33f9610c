import { nameKey } from '../reference.js';

/**
 * How an import finds the record a row means (docs: `crm help import`). Pure: the store hands over the keys of the
 * records there are, the import adds those it writes, and these rules pick.
 */

/** What identifies a record, or a row, for matching. Emails are compared in lower case, names by nameKey. */
export interface Keys {
  uuid?: string | null;
  name?: string | null;
  emails?: readonly string[];
  domain?: string | null;
  externalId?: string | null;
  /** Names match only within the same scope: a deal's title within its company (null: none). */
  scope?: number | null;
}

export type MatchedBy = 'uuid' | 'id' | 'email' | 'domain' | 'externalId' | 'name' | 'content' | 'reference';

/** One record, or several (the row is ambiguous), or none (null). */
export type Found = { id: number; by: MatchedBy } | { ids: number[]; by: MatchedBy } | null;

interface Entry {
  id: number;
  name: string | null;
  scope: number | null;
  emails: Set<string>;
  domains: Set<string>;
  externalIds: Set<string>;
  /** The uuids rows of this import gave the record: a row with another uuid means another record. */
  fileUuids: Set<string>;
}

const add = <K>(map: Map<K, Set<number>>, key: K, id: number) => {
  const ids = map.get(key);
  if (ids) ids.add(id);
  else map.set(key, new Set([id]));
};

/**
 * The records of one kind by every key a row may name them with. A row is matched by, in this order:
 * 1. its uuid (a crm export names every record by it);
 * 2. an email (contacts), a domain (companies) or an external id: these identify, so several records behind one
 *    row is an ambiguity, not a guess;
 * 3. its exact name (case, width and spacing folded), among the records it does not contradict: a namesake with
 *    other emails, another domain or external id is someone else, and so is a record that a row of this import
 *    gave another uuid. A uuid the database does not know contradicts nothing there: it is another database's.
 */
export class RecordIndex {
  private readonly entries = new Map<number, Entry>();
  private readonly byUuid = new Map<string, number>();
  private readonly byEmail = new Map<string, Set<number>>();
  private readonly byDomain = new Map<string, Set<number>>();
  private readonly byExternal = new Map<string, Set<number>>();
  private readonly byName = new Map<string, Set<number>>();

  /** A record as it is stored, or as this import wrote it (`fromFile`: its uuid came from the row). */
  add(record: Keys & { id: number }, opts: { fromFile?: boolean } = {}): void {
    const entry: Entry = {
      id: record.id, name: null, scope: record.scope ?? null, emails: new Set(), domains: new Set(), externalIds: new Set(),
      fileUuids: new Set(),
    };
    this.entries.set(record.id, entry);
    if (record.uuid) this.byUuid.set(record.uuid, record.id);
    this.claim(record.id, { ...record, uuid: opts.fromFile ? record.uuid : null });
  }

  /** A row now names the record: its keys find the record for the rest of the import (an update may add some). */
  claim(id: number, keys: Keys): void {
    const entry = this.entries.get(id);
    if (!entry) throw new Error(`no record #${id} in the index`);
    if (keys.uuid) {
      this.byUuid.set(keys.uuid, id);
      entry.fileUuids.add(keys.uuid);
    }
    if (keys.name) {
      entry.name = keys.name;
      add(this.byName, nameKey(keys.name), id);
    }
    if (keys.scope !== undefined) entry.scope = keys.scope;
    for (const e of keys.emails ?? []) {
      entry.emails.add(e.toLowerCase());
      add(this.byEmail, e.toLowerCase(), id);
    }
    if (keys.domain) {
      entry.domains.add(keys.domain);
      add(this.byDomain, keys.domain, id);
    }
    if (keys.externalId) {
      entry.externalIds.add(keys.externalId);
      add(this.byExternal, keys.externalId, id);
    }
  }

  has(id: number): boolean {
    return this.entries.has(id);
  }

  get(id: number): { id: number; name: string | null } | undefined {
    const e = this.entries.get(id);
    return e && { id: e.id, name: e.name };
  }

  find(row: Keys): Found {
    if (row.uuid) {
      const id = this.byUuid.get(row.uuid);
      if (id !== undefined) return { id, by: 'uuid' };
    }
    const strong: [MatchedBy, Map<string, Set<number>>, readonly string[]][] = [
      ['email', this.byEmail, (row.emails ?? []).map((e) => e.toLowerCase())],
      ['domain', this.byDomain, row.domain ? [row.domain] : []],
      ['externalId', this.byExternal, row.externalId ? [row.externalId] : []],
    ];
    for (const [by, map, keys] of strong) {
      const ids = new Set(keys.flatMap((k) => [...map.get(k) ?? []]));
      if (ids.size) return one([...ids], by);
    }
    if (!row.name) return null;
    const named = [...this.byName.get(nameKey(row.name)) ?? []].map((id) => this.entries.get(id)!)
      .filter((e) => e.name !== null && nameKey(e.name) === nameKey(row.name!) && (row.scope === undefined || e.scope === row.scope)
        && !contradicts(e, row));
    return named.length ? one(named.map((e) => e.id), 'name') : null;
  }
}

/**
 * The record a reference in a row names (a contact's company, a deal's contact, ...): by its uuid when the database
 * knows it, else by its text: an id (12 or #12), else exactly an email, domain or external id, else exactly a name.
 * Never a part of a name: a file's "Acme" must not quietly become "Acme GmbH".
 */
export function findRef(index: RecordIndex, ref: { uuid: string | null; text: string | null }): Found {
  if (ref.uuid) {
    const found = index.find({ uuid: ref.uuid });
    if (found) return found;
  }
  if (!ref.text) return null;
  const id = /^#?(\d{1,15})$/.exec(ref.text);
  if (id) return index.has(Number(id[1])) ? { id: Number(id[1]), by: 'id' } : null;
  return index.find({ emails: ref.text.includes('@') ? [ref.text] : [], domain: ref.text.toLowerCase(), externalId: ref.text })
    ?? index.find({ name: ref.text });
}

const one = (ids: number[], by: MatchedBy): Found => (ids.length === 1 ? { id: ids[0]!, by } : { ids: ids.sort((a, b) => a - b), by });

/** Whether a record with this name is plainly someone else than the row: the keys they both have differ. */
function contradicts(e: Entry, row: Keys): boolean {
  const differ = (mine: Set<string>, theirs: readonly string[]) => mine.size > 0 && theirs.length > 0 && !theirs.some((k) => mine.has(k));
  return differ(e.fileUuids, row.uuid ? [row.uuid] : []) || differ(e.emails, (row.emails ?? []).map((x) => x.toLowerCase()))
    || differ(e.domains, row.domain ? [row.domain] : []) || differ(e.externalIds, row.externalId ? [row.externalId] : []);
}

/**
 * Records without a name (activities, follow-ups, orders) by what they say (type, time and summary; customer, date
 * and amount): the n-th row with a key is the n-th record with it, so a file that holds two equal calls imports two,
 * and importing it again finds both.
 */
export class KeyQueue {
  private readonly queues = new Map<string, number[]>();
  private readonly keyOf = new Map<number, string>();

  add(key: string, id: number): void {
    const q = this.queues.get(key);
    if (q) q.push(id);
    else this.queues.set(key, [id]);
    this.keyOf.set(id, key);
  }

  /** The next record with this key not yet taken. */
  take(key: string): number | undefined {
    const id = this.queues.get(key)?.shift();
    if (id !== undefined) this.keyOf.delete(id);
    return id;
  }

  /** A record matched another way (by uuid): no later row takes it by its key. */
  remove(id: number): void {
    const key = this.keyOf.get(id);
    if (key === undefined) return;
    const q = this.queues.get(key)!;
    q.splice(q.indexOf(id), 1);
    this.keyOf.delete(id);
  }
}
