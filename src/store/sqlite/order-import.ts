import { nameKey } from '../../domain/reference.js';
import type { Customer } from '../../domain/order.js';
import type { ImportRow } from '../../domain/order-import.js';
import type { Statement } from 'better-sqlite3';
import type { Store } from '../store.js';

type Match = Pick<Customer, 'kind' | 'id'> | 'ambiguous' | undefined;

/**
 * Matches import keys to customers (external id, then email, then exact name) and writes imported orders with
 * prepared statements on the raw connection: the repositories' per-record path would cap an import far below the
 * 100,000 orders a second it must reach.
 */
export class OrderImporter {
  private readonly byExternal = new Map<string, Match>();
  private readonly byEmail = new Map<string, Match>();
  private readonly byName = new Map<string, Match>();
  private readonly cache = new Map<string, Match>();

  constructor(private readonly store: Store) {
    const add = (map: Map<string, Match>, key: string | null, m: Pick<Customer, 'kind' | 'id'>) => {
      if (key === null || key === '') return;
      const seen = map.get(key);
      map.set(key, seen === undefined ? m : seen === 'ambiguous' || seen.kind !== m.kind || seen.id !== m.id ? 'ambiguous' : seen);
    };
    const raw = store.raw;
    // With many customers the (customer, date) indexes are written all over the file: a 64 MiB page cache for this
    // connection (instead of 2 MiB) keeps those pages in memory; the import benchmark (bench/value.mjs) shows the difference.
    raw.pragma('cache_size = -65536');
    for (const r of raw.prepare('select id, name_key, external_id from company').raw().iterate() as Iterable<[number, string, string | null]>) {
      add(this.byExternal, r[2], { kind: 'company', id: r[0] });
      add(this.byName, r[1], { kind: 'company', id: r[0] });
    }
    // A person who works for a company buys for it (analytics.md: the customer is the company).
    for (const r of raw.prepare('select id, name_key, external_id, company_id from contact').raw().iterate() as Iterable<[number, string, string | null, number | null]>) {
      const m: Pick<Customer, 'kind' | 'id'> = r[3] === null ? { kind: 'contact', id: r[0] } : { kind: 'company', id: r[3] };
      add(this.byExternal, r[2], m);
      add(this.byName, r[1], m);
    }
    for (const r of raw.prepare('select e.email, p.id, p.company_id from contact_email e join contact p on p.id = e.contact_id').raw().iterate() as Iterable<[string, number, number | null]>) {
      add(this.byEmail, r[0], r[2] === null ? { kind: 'contact', id: r[1] } : { kind: 'company', id: r[2] });
    }
  }

  match(key: string): Match {
    let m = this.cache.get(key);
    if (m === undefined && !this.cache.has(key)) {
      m = this.byExternal.get(key) ?? this.byEmail.get(key.toLowerCase()) ?? this.byName.get(nameKey(key));
      this.cache.set(key, m);
    }
    return m;
  }

  /** Statements prepared once: preparing per row cost more than the insert itself. */
  private readonly statements = new Map<string, Statement<unknown[]>>();

  private statement(sql: string): Statement<unknown[]> {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.store.raw.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  referenceExists(reference: string): boolean {
    return this.statement('select 1 from orders where reference = ?').get(reference) !== undefined;
  }

  /** Creates a customer named and externally identified by `key`; must run inside the import's transaction. */
  createCustomer(kind: 'company' | 'contact', key: string, meta: { at: string; actor: string }): Pick<Customer, 'kind' | 'id'> {
    const stamp = [meta.at, meta.at, meta.actor, meta.actor];
    const id = kind === 'company'
      ? Number(this.statement(`insert into company (name, name_key, owner, external_id, created_at, updated_at, created_by,
          updated_by) values (?, ?, ?, ?, ?, ?, ?, ?)`).run(key, nameKey(key), meta.actor, key, ...stamp).lastInsertRowid)
      : Number(this.statement(`insert into contact (name, name_key, lifecycle, consent, owner, external_id, created_at,
          updated_at, created_by, updated_by) values (?, ?, 'customer', 'unknown', ?, ?, ?, ?, ?, ?)`)
        .run(key, nameKey(key), meta.actor, key, ...stamp).lastInsertRowid);
    this.statement('insert into search_index (rowid, kind, ref_id, title, body) values (?, ?, ?, ?, ?)')
      .run(id * 8 + (kind === 'company' ? 1 : 2), kind, id, key, key);
    const m = { kind, id };
    this.cache.set(key, m);
    return m;
  }

  /** Writes one order; false when its reference is already there (re-imports do not duplicate). */
  private insert?: Statement<unknown[]>;

  insertOrder(row: ImportRow, customer: Pick<Customer, 'kind' | 'id'>, meta: { at: string; actor: string }): boolean {
    // The stamps are the same for every row of an import: written into the statement as quoted literals, they are
    // not bound a million times.
    const q = (s: string) => `'${s.replaceAll("'", "''")}'`;
    this.insert ??= this.statement(`insert into orders (company_id, contact_id, ordered_on, amount_minor, currency, reference, source,
      created_at, updated_at, created_by, updated_by) values (?, ?, ?, ?, ?, ?, 'import', ${q(meta.at)}, ${q(meta.at)},
      ${q(meta.actor)}, ${q(meta.actor)}) on conflict (reference) do nothing`);
    return this.insert.run(customer.kind === 'company' ? customer.id : null, customer.kind === 'contact' ? customer.id : null,
        row.date, row.amountMinor, row.currency, row.reference).changes > 0;
  }

  lastOrderId(): number {
    return Number(this.store.raw.prepare('select coalesce(max(id), 0) from orders').pluck().get());
  }
}
