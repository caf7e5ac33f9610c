import type Database from 'better-sqlite3';
import type { CustomerName, CustomerOrders, CustomerValues, PurchaseDayVisitor, SavedSegmentation } from '../customer-value.js';
import type { Journal } from '../repos/journal.js';
import { scanPurchaseDays } from './purchase-days.js';

/**
 * One aggregation or one streamed scan over up to a million orders, straight on the driver: this is what keeps
 * `report rfm` near the speed of the sqlite3 shell.
 */
export class SqliteCustomerValues implements CustomerValues {
  constructor(private readonly raw: Database.Database, private readonly journal?: Journal) {}

  async orders(asOf: string, since: string | null): Promise<CustomerOrders[]> {
    // One aggregation per customer kind, each walking its customer index: over all orders at once, SQLite sorted a
    // million rows by (company, contact, currency) in a temporary B-tree first. People without a company come first,
    // as NULLs sort first in the single query this replaces.
    const scans = [
      ['contact', 'contact_id', 'orders indexed by orders_contact where contact_id is not null and company_id is null'],
      ['company', 'company_id', 'orders indexed by orders_company where company_id is not null'],
    ] as const;
    return scans.flatMap(([kind, column, from]) => {
      const rows = this.raw.prepare(`select ${column}, currency, count(*), sum(case when amount_minor > 0 then 1 else 0 end),
          max(case when amount_minor > 0 then ordered_on end), min(ordered_on), sum(amount_minor)
        from ${from} and ordered_on <= ? and ordered_on >= ? group by ${column}, currency`)
        .raw().all(asOf, since ?? '0000-00-00') as [number, string, number, number, string | null, string, number][];
      return rows.map(([id, currency, orders, frequency, lastPositive, firstOrder, monetary]) => ({
        kind, id, currency, orders, frequency, lastPositive, firstOrder, monetaryMinor: Number(monetary),
      }));
    });
  }

  async purchaseDays(asOf: string, visit: PurchaseDayVisitor): Promise<void> {
    scanPurchaseDays(this.raw, asOf, visit);
  }

  async names(): Promise<Map<string, CustomerName>> {
    const out = new Map<string, CustomerName>();
    for (const [id, name, ext, w, c] of this.raw.prepare('select id, name, external_id, wallet_minor, currency from company').raw().iterate() as Iterable<[number, string, string | null, number | null, string | null]>) {
      out.set(`company:${id}`, { name, externalId: ext, walletMinor: w === null ? null : Number(w), walletCurrency: c });
    }
    for (const [id, name, ext, w, c] of this.raw.prepare('select id, name, external_id, wallet_minor, currency from contact where company_id is null').raw().iterate() as Iterable<[number, string, string | null, number | null, string | null]>) {
      out.set(`contact:${id}`, { name, externalId: ext, walletMinor: w === null ? null : Number(w), walletCurrency: c });
    }
    return out;
  }

  async saveSnapshot(name: string, asOf: string, bins: number, members: readonly { key: string; segment: string }[]): Promise<number> {
    if (!this.journal) throw new Error('write outside a transaction');
    const raw = this.raw;
    // Inside the write's transaction on this same connection: the statements below commit or roll back with it.
    raw.prepare('delete from rfm_snapshot where name = ?').run(name);
    const id = Number(raw.prepare('insert into rfm_snapshot (name, as_of, bins, created_at, created_by) values (?, ?, ?, ?, ?)')
      .run(name, asOf, bins, this.journal.at, this.journal.actor).lastInsertRowid);
    const add = raw.prepare('insert into rfm_snapshot_member (snapshot_id, customer, segment) values (?, ?, ?)');
    for (const m of members) add.run(id, m.key, m.segment);
    await this.journal.record('rfm_snapshot', id, 'create', null, { name, asOf, bins, customers: members.length });
    return id;
  }

  async snapshot(name: string): Promise<SavedSegmentation | undefined> {
    const s = this.raw.prepare('select id, as_of, bins from rfm_snapshot where name = ?').get(name) as { id: number; as_of: string; bins: number } | undefined;
    if (!s) return undefined;
    const members = new Map((this.raw.prepare('select customer, segment from rfm_snapshot_member where snapshot_id = ?').raw().all(s.id) as [string, string][]));
    return { asOf: s.as_of, bins: s.bins, members };
  }

  async snapshotNames(): Promise<string[]> {
    return this.raw.prepare('select name from rfm_snapshot order by created_at, id').pluck().all() as string[];
  }
}
