import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';
import { nameKey } from '../../domain/reference.js';
import { productKey } from '../../domain/product.js';
import type { ImportRow } from '../../domain/order-import.js';
import { CustomerIndex, type CustomerMatch, type CustomerRef, journalImport, newCustomer, type OrderIds, type OrderImport } from '../order-import.js';
import type { Journal } from '../repos/journal.js';
import { searchRowid } from './search.js';

/**
 * Matches import keys to customers from maps loaded once, and writes with prepared statements on the raw
 * connection: the repositories' per-record path would cap an import far below the 100,000 orders a second it must
 * reach.
 */
/** Orders an import writes with the indexes in place before it may build them anew (see bulk). */
const BULK_AFTER = 10_000;

export class SqliteOrderImport implements OrderImport {
  private readonly customers = new CustomerIndex();
  /** Statements prepared once: preparing per row cost more than the insert itself. */
  private readonly statements = new Map<string, Statement<unknown[]>>();
  private insertStatement?: Statement<unknown[]>;
  /** Taken when the import starts: inside a write nobody else adds orders, and ids only grow. */
  private readonly firstOrderId: number;
  private inserted = 0;
  private readonly created: { kind: CustomerRef['kind']; id: number; snapshot: object }[] = [];
  /** Invoices this import started, by reference: their later lines are added to them. */
  private readonly started = new Map<string, { id: number; lines: number }>();
  /** Product ids by code key, read as codes come up; the products this import made. */
  private readonly products = new Map<string, number>();
  private readonly newProducts: number[] = [];
  /** Set once the import writes in bulk (see bulk()): the orders' indexes to build at the end. */
  private indexes?: string[];

  constructor(private readonly raw: Database.Database, private readonly journal?: Journal) {
    // With many customers the (customer, date) indexes are written all over the file: a 64 MiB page cache for this
    // connection (instead of 2 MiB) keeps those pages in memory; the import benchmark (bench/value.mjs) shows the difference.
    raw.pragma('cache_size = -65536');
    for (const r of raw.prepare('select id, name_key, external_id from company').raw().iterate() as Iterable<[number, string, string | null]>) {
      this.customers.company(...r);
    }
    for (const r of raw.prepare('select id, name_key, external_id, company_id from contact').raw().iterate() as Iterable<[number, string, string | null, number | null]>) {
      this.customers.contact(...r);
    }
    for (const r of raw.prepare('select e.email, p.id, p.company_id from contact_email e join contact p on p.id = e.contact_id').raw().iterate() as Iterable<[string, number, number | null]>) {
      this.customers.email(...r);
    }
    this.firstOrderId = this.lastOrderId() + 1;
  }

  match(key: string): CustomerMatch {
    return this.customers.match(key);
  }

  private statement(sql: string): Statement<unknown[]> {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.raw.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  private get j(): Journal {
    if (!this.journal) throw new Error('write outside a transaction');
    return this.journal;
  }

  referenceExists(reference: string): boolean {
    return this.statement('select 1 from orders where reference = ?').get(reference) !== undefined;
  }

  createCustomer(kind: CustomerRef['kind'], key: string): CustomerRef {
    const { at, actor } = this.j;
    const stamp = [randomUUID(), at, at, actor, actor];
    const id = kind === 'company'
      ? Number(this.statement(`insert into company (name, name_key, owner, external_id, uuid, created_at, updated_at, created_by,
          updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(key, nameKey(key), actor, key, ...stamp).lastInsertRowid)
      : Number(this.statement(`insert into contact (name, name_key, lifecycle, consent, owner, external_id, uuid, created_at,
          updated_at, created_by, updated_by) values (?, ?, 'customer', 'unknown', ?, ?, ?, ?, ?, ?, ?)`)
        .run(key, nameKey(key), actor, key, ...stamp).lastInsertRowid);
    // Indexed as the repositories index a company or contact with only a name (search-text.ts): by its name.
    this.statement('insert into search_index (rowid, kind, ref_id, title, body) values (?, ?, ?, ?, ?)')
      .run(searchRowid(kind, id), kind, id, key, '');
    const m = { kind, id };
    this.customers.made(key, m);
    this.created.push({ ...m, snapshot: newCustomer(kind, id, key, stamp) });
    return m;
  }

  insert(row: ImportRow, customer: CustomerRef): boolean | 'line' {
    const open = row.line && row.reference !== null ? this.started.get(row.reference) : undefined;
    if (open) {
      open.lines += 1;
      this.insertLine(open.id, open.lines, row);
      this.statement('update orders set amount_minor = amount_minor + ? where id = ?').run(row.amountMinor, open.id);
      return 'line';
    }
    if (this.inserted === this.bulkAt && !row.line) this.bulk();
    if (!this.insertStatement) {
      // The stamps are the same for every row of an import: written into the statement as quoted literals, they are
      // not bound a million times.
      const { at, actor } = this.j;
      const q = (s: string) => `'${s.replaceAll("'", "''")}'`;
      this.insertStatement = this.statement(`insert into orders (company_id, contact_id, ordered_on, amount_minor, currency, reference,
        source, uuid, created_at, updated_at, created_by, updated_by) values (?, ?, ?, ?, ?, ?, 'import', ?, ${q(at)}, ${q(at)},
        ${q(actor)}, ${q(actor)}) on conflict (reference) do nothing`);
    }
    const done = this.insertStatement.run(customer.kind === 'company' ? customer.id : null, customer.kind === 'contact' ? customer.id : null,
      row.date, row.amountMinor, row.currency, row.reference, randomUUID());
    const written = done.changes > 0;
    if (written) this.inserted += 1;
    if (written && row.line) {
      const id = Number(done.lastInsertRowid);
      this.insertLine(id, 1, row);
      if (row.reference !== null) this.started.set(row.reference, { id, lines: 1 });
    }
    return written;
  }

  private insertLine(orderId: number, position: number, row: ImportRow): void {
    const line = row.line!;
    this.statement(`insert into order_line (order_id, position, product_id, description, quantity, unit_price_minor, amount_minor)
      values (?, ?, ?, ?, ?, ?, ?)`).run(orderId, position, this.productId(row), line.description, line.quantity, line.unitPriceMinor, row.amountMinor);
  }

  private productId(row: ImportRow): number {
    const line = row.line!;
    const key = productKey(line.product);
    let id = this.products.get(key);
    if (id === undefined) {
      id = this.statement('select id from product where code_key = ?').pluck().get(key) as number | undefined;
      if (id === undefined) {
        const { at, actor } = this.j;
        id = Number(this.statement(`insert into product (code, code_key, name, price_minor, currency, uuid, created_at, updated_at,
          created_by, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(line.product, key, line.description ?? line.product,
          line.unitPriceMinor > 0 ? line.unitPriceMinor : null, row.currency, randomUUID(), at, at, actor, actor).lastInsertRowid);
        this.newProducts.push(id);
      }
      this.products.set(key, id);
    }
    return id;
  }

  /**
   * An import that has written as many orders as the table held before it (and at least BULK_AFTER) drops the orders'
   * indexes and builds them again at the end, in the same transaction: sorting a million entries once is faster than
   * placing each where it belongs in the B-tree (bench/import-floor.mjs). The unique index of references stays: it
   * tells an order stored already, and references mostly come in order, so its entries are appended. (Dropping it
   * too and telling references by a set in memory cost as much CPU and 55 MB more.)
   */
  private get bulkAt(): number {
    return this.indexes ? -1 : Math.max(BULK_AFTER, this.firstOrderId - 1);
  }

  private bulk(): void {
    const indexes = this.raw.prepare("select name, sql from sqlite_master where type = 'index' and tbl_name = 'orders' and sql is not null")
      .raw().all() as [string, string][];
    const dropped = indexes.filter(([name]) => name !== 'orders_reference');
    for (const [name] of dropped) this.raw.exec(`drop index "${name.replaceAll('"', '""')}"`);
    this.indexes = dropped.map(([, sql]) => sql);
  }

  async finish<S extends object>(summary: S): Promise<S & OrderIds> {
    for (const sql of this.indexes ?? []) this.raw.exec(sql);
    const ids: OrderIds = this.inserted
      ? { firstOrderId: this.firstOrderId, lastOrderId: this.lastOrderId() } : { firstOrderId: null, lastOrderId: null };
    if (this.products.size) ids.newProducts = this.newProducts.length;
    const out = { ...summary, ...ids };
    await journalImport(this.j, this.firstOrderId, out, this.created, this.newProducts);
    return out;
  }

  private lastOrderId(): number {
    return Number(this.raw.prepare('select coalesce(max(id), 0) from orders').pluck().get());
  }
}
