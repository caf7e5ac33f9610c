import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { nameKey } from '../../domain/reference.js';
import { productKey } from '../../domain/product.js';
import type { ImportRow } from '../../domain/order-import.js';
import { CustomerIndex, type CustomerMatch, type CustomerRef, journalImport, newCustomer, type OrderIds, type OrderImport } from '../order-import.js';
import type { Journal } from '../repos/journal.js';
import { indexRow } from './search.js';

/** Matches import keys from maps loaded once (as on SQLite); writes a row per order with prepared statements. */
export class PgOrderImport implements OrderImport {
  private readonly customers = new CustomerIndex();
  private firstOrderId = 1;
  private inserted = 0;
  private readonly created: { kind: CustomerRef['kind']; id: number; snapshot: object }[] = [];
  /** Invoices this import started, by reference: their later lines are added to them. */
  private readonly started = new Map<string, { id: number; lines: number }>();
  /** Product ids by code key, read as codes come up; the products this import made. */
  private readonly products = new Map<string, number>();
  private readonly newProducts: number[] = [];

  private constructor(private readonly client: pg.Client, private readonly journal?: Journal) {}

  static async open(client: pg.Client, journal?: Journal): Promise<PgOrderImport> {
    const o = new PgOrderImport(client, journal);
    const rows = async <T>(text: string) => (await client.query({ text, rowMode: 'array' })).rows as T[];
    for (const r of await rows<[number, string, string | null]>('select id, name_key, external_id from company order by id')) o.customers.company(...r);
    for (const r of await rows<[number, string, string | null, number | null]>('select id, name_key, external_id, company_id from contact order by id')) {
      o.customers.contact(...r);
    }
    for (const r of await rows<[string, number, number | null]>('select e.email, p.id, p.company_id from contact_email e join contact p on p.id = e.contact_id order by p.id, e.position')) {
      o.customers.email(...r);
    }
    o.firstOrderId = (await o.lastOrderId()) + 1;
    return o;
  }

  match(key: string): CustomerMatch {
    return this.customers.match(key);
  }

  private get j(): Journal {
    if (!this.journal) throw new Error('write outside a transaction');
    return this.journal;
  }

  async referenceExists(reference: string): Promise<boolean> {
    return (await this.client.query({ name: 'crm-order-ref', text: 'select 1 from orders where reference = $1', values: [reference] })).rowCount! > 0;
  }

  async createCustomer(kind: CustomerRef['kind'], key: string): Promise<CustomerRef> {
    const { at, actor } = this.j;
    const stamp = [randomUUID(), at, at, actor, actor];
    const { rows: [r] } = kind === 'company'
      ? await this.client.query<{ id: number }>(`insert into company (name, name_key, owner, external_id, uuid, created_at, updated_at,
          created_by, updated_by) values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`, [key, nameKey(key), actor, key, ...stamp])
      : await this.client.query<{ id: number }>(`insert into contact (name, name_key, lifecycle, consent, owner, external_id, uuid,
          created_at, updated_at, created_by, updated_by) values ($1, $2, 'customer', 'unknown', $3, $4, $5, $6, $7, $8, $9) returning id`,
        [key, nameKey(key), actor, key, ...stamp]);
    const id = r!.id;
    const s = indexRow(kind, id, key, key);
    await this.client.query('insert into search_index (rowid, kind, ref_id, title, body, words, tokens) values ($1, $2, $3, $4, $5, $6, $7)',
      [s.rowid, s.kind, s.ref_id, s.title, s.body, s.words, s.tokens]);
    const m = { kind, id };
    this.customers.made(key, m);
    this.created.push({ ...m, snapshot: newCustomer(kind, id, key, stamp) });
    return m;
  }

  async insert(row: ImportRow, customer: CustomerRef): Promise<boolean | 'line'> {
    const open = row.line && row.reference !== null ? this.started.get(row.reference) : undefined;
    if (open) {
      open.lines += 1;
      await this.insertLine(open.id, open.lines, row);
      await this.client.query({ name: 'crm-order-add-line', text: 'update orders set amount_minor = amount_minor + $1 where id = $2', values: [row.amountMinor, open.id] });
      return 'line';
    }
    const { at, actor } = this.j;
    const r = await this.client.query<{ id: number }>({
      name: 'crm-order-insert',
      text: `insert into orders (company_id, contact_id, ordered_on, amount_minor, currency, reference, source, uuid, created_at,
        updated_at, created_by, updated_by) values ($1, $2, $3, $4, $5, $6, 'import', $7, $8, $8, $9, $9) on conflict (reference) do nothing
        returning id`,
      values: [customer.kind === 'company' ? customer.id : null, customer.kind === 'contact' ? customer.id : null,
        row.date, row.amountMinor, row.currency, row.reference, randomUUID(), at, actor],
    });
    const written = (r.rowCount ?? 0) > 0;
    if (written) this.inserted += 1;
    if (written && row.line) {
      const id = Number(r.rows[0]!.id);
      await this.insertLine(id, 1, row);
      if (row.reference !== null) this.started.set(row.reference, { id, lines: 1 });
    }
    return written;
  }

  private async insertLine(orderId: number, position: number, row: ImportRow): Promise<void> {
    const line = row.line!;
    await this.client.query({
      name: 'crm-order-line-insert',
      text: `insert into order_line (order_id, position, product_id, description, quantity, unit_price_minor, amount_minor)
        values ($1, $2, $3, $4, $5, $6, $7)`,
      values: [orderId, position, await this.productId(row), line.description, line.quantity, line.unitPriceMinor, row.amountMinor],
    });
  }

  private async productId(row: ImportRow): Promise<number> {
    const line = row.line!;
    const key = productKey(line.product);
    let id = this.products.get(key);
    if (id === undefined) {
      const found = await this.client.query<{ id: number }>({ name: 'crm-product-by-key', text: 'select id from product where code_key = $1', values: [key] });
      id = found.rows[0] ? Number(found.rows[0].id) : undefined;
      if (id === undefined) {
        const { at, actor } = this.j;
        const made = await this.client.query<{ id: number }>(`insert into product (code, code_key, name, price_minor, currency, uuid, created_at,
          updated_at, created_by, updated_by) values ($1, $2, $3, $4, $5, $6, $7, $7, $8, $8) returning id`,
        [line.product, key, line.description ?? line.product, line.unitPriceMinor > 0 ? line.unitPriceMinor : null, row.currency, randomUUID(), at, actor]);
        id = Number(made.rows[0]!.id);
        this.newProducts.push(id);
      }
      this.products.set(key, id);
    }
    return id;
  }

  async finish<S extends object>(summary: S): Promise<S & OrderIds> {
    const ids: OrderIds = this.inserted
      ? { firstOrderId: this.firstOrderId, lastOrderId: await this.lastOrderId() } : { firstOrderId: null, lastOrderId: null };
    if (this.products.size) ids.newProducts = this.newProducts.length;
    const out = { ...summary, ...ids };
    await journalImport(this.j, this.firstOrderId, out, this.created, this.newProducts);
    return out;
  }

  private async lastOrderId(): Promise<number> {
    return Number((await this.client.query({ text: 'select coalesce(max(id), 0) from orders', rowMode: 'array' })).rows[0]![0]);
  }
}
