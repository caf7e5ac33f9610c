import type { Customer } from '../../domain/order.js';
import type { Store } from '../store.js';

/** Per customer and currency: orders, positive orders, last positive order date, sum of all amounts (refunds included). */
export interface CustomerOrders {
  kind: Customer['kind'];
  id: number;
  currency: string;
  orders: number;
  frequency: number;
  lastPositive: string | null;
  firstOrder: string;
  monetaryMinor: number;
}

export interface CustomerName {
  name: string;
  externalId: string | null;
  walletMinor: number | null;
  walletCurrency: string | null;
}

/**
 * The customer-value reports' reads. SQLite-specific on purpose: one aggregation or one streamed scan over up to a
 * million orders, straight on the driver, is what keeps `report rfm` near the speed of the sqlite3 shell.
 */
export class CustomerValueData {
  constructor(private readonly store: Store) {}

  /** RFM's aggregation, over orders on or before `asOf` (and from `since`). */
  orders(asOf: string, since: string | null): CustomerOrders[] {
    const rows = this.store.raw.prepare(`select company_id, contact_id, currency, count(*),
        sum(case when amount_minor > 0 then 1 else 0 end), max(case when amount_minor > 0 then ordered_on end), min(ordered_on),
        sum(amount_minor)
      from orders where ordered_on <= ? and ordered_on >= ? group by company_id, contact_id, currency`)
      .raw().all(asOf, since ?? '0000-00-00') as [number | null, number | null, string, number, number, string | null, string, number][];
    return rows.map(([company, contact, currency, orders, frequency, lastPositive, firstOrder, monetary]) => ({
      kind: company !== null ? 'company' : 'contact', id: (company ?? contact)!, currency, orders, frequency, lastPositive, firstOrder,
      monetaryMinor: Number(monetary),
    }));
  }

  /**
   * Purchase days (non-refund orders merged per calendar day and currency) on or before `asOf`, customer by
   * customer in date order, streamed to `visit` so a million orders never sit in memory.
   */
  purchaseDays(asOf: string, visit: (kind: Customer['kind'], id: number, day: string, currency: string, minor: number, orders: number) => void): void {
    const rows = this.store.raw.prepare(`select company_id, contact_id, ordered_on, currency, sum(amount_minor), count(*) from orders
      where amount_minor >= 0 and ordered_on <= ? group by company_id, contact_id, ordered_on, currency
      order by company_id, contact_id, ordered_on`).raw().iterate(asOf) as Iterable<[number | null, number | null, string, string, number, number]>;
    for (const [company, contact, day, currency, minor, orders] of rows) {
      visit(company !== null ? 'company' : 'contact', (company ?? contact)!, day, currency, Number(minor), orders);
    }
  }

  names(): Map<string, CustomerName> {
    const out = new Map<string, CustomerName>();
    for (const [id, name, ext, w, c] of this.store.raw.prepare('select id, name, external_id, wallet_minor, currency from company').raw().iterate() as Iterable<[number, string, string | null, number | null, string | null]>) {
      out.set(`company:${id}`, { name, externalId: ext, walletMinor: w === null ? null : Number(w), walletCurrency: c });
    }
    for (const [id, name, ext, w, c] of this.store.raw.prepare('select id, name, external_id, wallet_minor, currency from contact where company_id is null').raw().iterate() as Iterable<[number, string, string | null, number | null, string | null]>) {
      out.set(`contact:${id}`, { name, externalId: ext, walletMinor: w === null ? null : Number(w), walletCurrency: c });
    }
    return out;
  }

  saveSnapshot(name: string, asOf: string, bins: number, members: { key: string; segment: string }[], meta: { at: string; actor: string }): number {
    const raw = this.store.raw;
    return raw.transaction(() => {
      raw.prepare('delete from rfm_snapshot where name = ?').run(name);
      const id = Number(raw.prepare('insert into rfm_snapshot (name, as_of, bins, created_at, created_by) values (?, ?, ?, ?, ?)')
        .run(name, asOf, bins, meta.at, meta.actor).lastInsertRowid);
      const add = raw.prepare('insert into rfm_snapshot_member (snapshot_id, customer, segment) values (?, ?, ?)');
      for (const m of members) add.run(id, m.key, m.segment);
      return id;
    })();
  }

  snapshot(name: string): { asOf: string; bins: number; members: Map<string, string> } | undefined {
    const s = this.store.raw.prepare('select id, as_of, bins from rfm_snapshot where name = ?').get(name) as { id: number; as_of: string; bins: number } | undefined;
    if (!s) return undefined;
    const members = new Map((this.store.raw.prepare('select customer, segment from rfm_snapshot_member where snapshot_id = ?').raw().all(s.id) as [string, string][]));
    return { asOf: s.as_of, bins: s.bins, members };
  }

  snapshotNames(): string[] {
    return this.store.raw.prepare('select name from rfm_snapshot order by created_at, id').pluck().all() as string[];
  }
}
