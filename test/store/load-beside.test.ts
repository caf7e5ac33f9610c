import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { type DemoData, demoData } from '../../src/domain/demo.js';
import { loadBeside } from '../../src/store/sqlite/load-beside.js';
import { migrate } from '../../src/store/sqlite/migrate.js';
import { rebuildSearch } from '../../src/store/sqlite/reindex.js';
import { openSqlite } from '../../src/store/sqlite/open.js';
import { openSqliteStore } from '../../src/store/sqlite/store.js';

const NOW = new Date('2026-03-11T10:30:00Z');

/** A new, migrated, empty database, as crm demo finds the file it fills. */
async function emptyDatabase() {
  const folder = mkdtempSync(join(tmpdir(), 'crm-load-'));
  const path = join(folder, 'demo.db');
  const handle = openSqlite(path);
  await migrate(handle, path, NOW);
  return { folder, path, live: handle.raw };
}

const companies = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('select name from company order by id').pluck().all();
  } finally {
    db.close();
  }
};

describe('a whole-database load built beside the file', () => {
  it('puts the filled copy in place: private, in WAL mode, nothing left beside it, the old connection closed', async () => {
    const { folder, path, live } = await emptyDatabase();
    const result = await loadBeside(live, path, (db) => {
      db.prepare("insert into company (name, name_key, owner, created_at, updated_at, created_by, updated_by) values ('Acme', 'acme', 'alice', 'x', 'x', 'a', 'a')").run();
      return 'filled';
    });
    expect(result).toBe('filled');
    expect(live.open).toBe(false);
    expect(readdirSync(folder)).toEqual(['demo.db']);
    expect(companies(path)).toEqual(['Acme']);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const db = new Database(path, { readonly: true });
    expect([db.pragma('journal_mode', { simple: true }), db.pragma('user_version', { simple: true })]).toEqual(['wal', expect.any(Number)]);
    expect(db.prepare('select count(*) from stage').pluck().get()).toBe(6);
    db.close();
  });

  it('fills the copy without a journal, whatever journal the live file keeps', async () => {
    const { path, live } = await emptyDatabase();
    expect(live.pragma('journal_mode', { simple: true })).toBe('wal');
    const seen = await loadBeside(live, path, (db) => [db.pragma('journal_mode', { simple: true }), db.pragma('locking_mode', { simple: true })]);
    expect(seen).toEqual(['off', 'exclusive']);
  });

  it('leaves the database as it was, and no half-made file beside it, when the load fails', async () => {
    const { folder, path, live } = await emptyDatabase();
    const load = loadBeside(live, path, (db) => {
      db.prepare("insert into company (name, name_key, owner, created_at, updated_at, created_by, updated_by) values ('Half', 'half', 'alice', 'x', 'x', 'a', 'a')").run();
      throw new Error('disk full');
    });
    await expect(load).rejects.toThrow('disk full');
    expect(live.open).toBe(true);
    expect(companies(path)).toEqual([]);
    live.close();
    expect(readdirSync(folder).filter((f) => !/^demo\.db(-wal|-shm)?$/.test(f))).toEqual([]);
  });
});

describe('crm demo\'s load on SQLite', () => {
  const plan = { now: NOW, seed: 1, scale: 200, currency: 'EUR' };
  const meta = { actor: 'alice', at: NOW.toISOString(), command: 'crm demo' };

  it('writes every record with the UUIDs drawn in turn, the orders\' lines after their orders', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'crm-load-'));
    const path = join(folder, 'demo.db');
    const counts = await (await openSqliteStore({ path, source: 'flag' }, NOW)).bulkLoad(demoData(plan), meta);
    expect(counts).toMatchObject({ contacts: 200, orders: 2000 });
    expect(readdirSync(folder)).toEqual(['demo.db']);
    // The UUIDs in the order they were drawn: companies, contacts, deals, activities, follow-ups, orders, quotas.
    const db = new Database(path, { readonly: true });
    const drawn = ['company', 'contact', 'deal', 'activity', 'followup', 'orders', 'quota'].flatMap((t) => db.prepare(`select uuid from ${t} order by id`).pluck().all());
    const lines = db.prepare('select count(*) from order_line').pluck().get();
    db.close();
    const uuid = demoData(plan).uuid;
    expect(drawn).toEqual(drawn.map(() => uuid()));
    expect(lines).toBeGreaterThan(2000);
  });

  it('writes the search index a rebuild from the records writes, whole', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'crm-load-'));
    const path = join(folder, 'demo.db');
    await (await openSqliteStore({ path, source: 'flag' }, NOW)).bulkLoad(demoData(plan), meta);
    const db = new Database(path);
    const entries = () => db.prepare('select rowid, kind, ref_id, title, body from search_index order by rowid').raw().all();
    db.prepare("insert into search_index (search_index) values ('integrity-check')").run();
    const written = entries();
    db.transaction(() => rebuildSearch(db))();
    const rebuilt = entries();
    db.close();
    expect(written).toHaveLength(200 + 40 + 20 + 100);
    expect(written).toEqual(rebuilt);
  });

  it('leaves the empty database in place and no file beside it when the load fails mid-way', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'crm-load-'));
    const path = join(folder, 'demo.db');
    const data = demoData(plan);
    const orders = data.orders;
    // The 1,500th order has no amount: the insert fails (NOT NULL) after many rows were written.
    data.orders = function* broken() {
      let n = 0;
      for (const o of orders()) yield ++n === 1500 ? { ...o, amountMinor: null as unknown as number } : o;
    };
    const store = await openSqliteStore({ path, source: 'flag' }, NOW);
    await expect(store.bulkLoad(data, meta)).rejects.toThrow(/NOT NULL constraint failed: orders.amount_minor/);
    expect(await store.holdsRecords()).toBe(false);
    store.close();
    expect(companies(path)).toEqual([]);
    expect(readdirSync(folder).filter((f) => !/^demo\.db(-wal|-shm)?$/.test(f))).toEqual([]);
  });

  it('leaves the empty database in place and no file beside it when the second thread fails', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'crm-load-'));
    const path = join(folder, 'demo.db');
    const data = demoData(plan);
    // Contacts are written by the second thread: the 150th has no owner, and its insert fails (NOT NULL) there.
    data.contacts[149] = { ...data.contacts[149]!, owner: null as unknown as string };
    const store = await openSqliteStore({ path, source: 'flag' }, NOW);
    await expect(store.bulkLoad(data, meta)).rejects.toThrow("the demo's second thread failed: NOT NULL constraint failed: contact.owner");
    expect(await store.holdsRecords()).toBe(false);
    store.close();
    expect(companies(path)).toEqual([]);
    expect(readdirSync(folder).filter((f) => !/^demo\.db(-wal|-shm)?$/.test(f))).toEqual([]);
  });

  it.each([
    ['a contact reporting to one who is not there (checked on the second thread)', (data: DemoData) => {
      data.contacts[10] = { ...data.contacts[10]!, reportsTo: data.contacts.length };
    }, /the demo's second thread failed: the demo wrote 1 rows pointing at no record \(the first: \{"table":"contact","rowid":11,"parent":"contact"/],
    ['an order of a contact that is not there (checked as the orders are made)', (data: DemoData) => {
      const orders = data.orders;
      data.orders = function* stray() {
        let n = 0;
        for (const o of orders()) yield ++n === 700 ? { ...o, company: null, contact: data.contacts.length + 5 } : o;
      };
    }, 'the demo wrote 1 rows pointing at no record (the first: {"table":"orders","rowid":700,"parent":"contact"})'],
    ['a line of a product that is not there, and an order of a deal that is not there', (data: DemoData) => {
      const orders = data.orders;
      data.orders = function* stray() {
        let n = 0;
        for (const o of orders()) {
          n += 1;
          if (n === 40) yield { ...o, deal: data.deals.length };
          else if (o.lines && n > 40) yield { ...o, lines: o.lines.map((l) => ({ ...l, product: 1.5 })) };
          else yield o;
        }
      };
    }, /^the demo wrote (?!1 )\d+ rows pointing at no record \(the first: \{"table":"orders","rowid":40,"parent":"deal"\}\)$/],
  ])('refuses %s, and leaves the empty database', async (_what, spoil, error) => {
    const folder = mkdtempSync(join(tmpdir(), 'crm-load-'));
    const path = join(folder, 'demo.db');
    const data = demoData(plan);
    spoil(data);
    const store = await openSqliteStore({ path, source: 'flag' }, NOW);
    await expect(store.bulkLoad(data, meta)).rejects.toThrow(error);
    expect(await store.holdsRecords()).toBe(false);
    store.close();
    expect(readdirSync(folder).filter((f) => !/^demo\.db(-wal|-shm)?$/.test(f))).toEqual([]);
  });

  it('gives each side file only to the load that asked for it, and removes them all, filled or failed', async () => {
    const { folder, path, live } = await emptyDatabase();
    const sides: string[] = [];
    const load = loadBeside(live, path, async (db, side) => {
      sides.push(await side(), await side());
      expect(new Set([db.name, ...sides]).size).toBe(3);
      expect(sides.map((f) => statSync(f).mode & 0o777)).toEqual([0o600, 0o600]);
      throw new Error('disk full');
    });
    await expect(load).rejects.toThrow('disk full');
    live.close();
    expect(readdirSync(folder).filter((f) => !/^demo\.db(-wal|-shm)?$/.test(f))).toEqual([]);
  });
});
