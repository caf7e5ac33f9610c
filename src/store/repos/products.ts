import { type OrderLine, type Product, type ProductFields, productJson, productKey, type ProductSales } from '../../domain/product.js';
import { Repository } from './repository.js';

type Row = {
  id: number; code: string; name: string; price_minor: number | null; currency: string | null;
  uuid: string; created_at: string; updated_at: string; created_by: string; updated_by: string;
};

const hydrate = (r: Row): Product => ({
  id: r.id, code: r.code, name: r.name, priceMinor: r.price_minor === null ? null : Number(r.price_minor), currency: r.currency,
  uuid: r.uuid, createdAt: r.created_at, updatedAt: r.updated_at, createdBy: r.created_by, updatedBy: r.updated_by,
});

/** Products (found by code, ignoring case) and the lines of orders. */
export class Products extends Repository {
  private select() {
    return this.db.selectFrom('product').select(['id', 'code', 'name', 'price_minor', 'currency', 'uuid', 'created_at', 'updated_at', 'created_by', 'updated_by']);
  }

  async get(id: number): Promise<Product | undefined> {
    const r = await this.select().where('id', '=', id).executeTakeFirst();
    return r && hydrate(r);
  }

  async byCode(code: string): Promise<Product | undefined> {
    const r = await this.select().where('code_key', '=', productKey(code)).executeTakeFirst();
    return r && hydrate(r);
  }

  /**
   * Products whose code or name contains `text` (ignoring case), at most 21 (a reference that is not a code). Matched
   * here rather than with LIKE, whose wildcards and escapes differ between the engines; catalogues are small.
   */
  async byName(text: string): Promise<Product[]> {
    const t = text.toLowerCase();
    const rows = await this.select().orderBy('code_key').execute();
    return rows.filter((r) => r.code.toLowerCase().includes(t) || r.name.toLowerCase().includes(t)).slice(0, 21).map(hydrate);
  }

  async list(f: { search?: string; limit?: number } = {}): Promise<Product[]> {
    if (f.search) return (await this.byName(f.search)).slice(0, f.limit);
    let q = this.select().orderBy('code_key');
    if (f.limit !== undefined) q = q.limit(f.limit);
    return (await q.execute()).map(hydrate);
  }

  async create(fields: ProductFields): Promise<Product> {
    const { id } = await this.db.insertInto('product').values({
      code: fields.code, code_key: productKey(fields.code), name: fields.name, price_minor: fields.priceMinor, currency: fields.currency,
      ...this.j.created(),
    }).returning('id').executeTakeFirstOrThrow();
    const product = (await this.get(id))!;
    await this.j.record('product', id, 'create', null, productJson(product));
    return product;
  }

  /** What was sold of a product: lines with a positive quantity of orders on or before `asOf`, and returns. */
  async sales(id: number): Promise<ProductSales> {
    const r = await this.db.selectFrom('order_line as l').innerJoin('orders as o', 'o.id', 'l.order_id').where('l.product_id', '=', id)
      .select((eb) => [
        eb.fn.count<number>('l.order_id').distinct().as('orders'),
        eb.fn.sum<number>(eb.case().when('l.quantity', '>', 0).then(eb.ref('l.quantity')).else(0).end()).as('quantity'),
        eb.fn.sum<number>(eb.case().when('l.quantity', '<', 0).then(eb.neg(eb.ref('l.quantity'))).else(0).end()).as('returned'),
        eb.fn.count<number>(eb.fn.coalesce('o.company_id', eb.neg(eb.ref('o.contact_id')))).distinct().as('customers'),
        eb.fn.max<string | null>(eb.case().when('l.quantity', '>', 0).then(eb.ref('o.ordered_on')).end()).as('lastSold'),
      ]).executeTakeFirstOrThrow();
    return { orders: Number(r.orders), quantity: Number(r.quantity ?? 0), returned: Number(r.returned ?? 0), customers: Number(r.customers),
      lastSold: r.lastSold ?? null };
  }

  /** The lines of some orders, in order and position. */
  async lines(orderIds: readonly number[]): Promise<OrderLine[]> {
    if (orderIds.length === 0) return [];
    const rows = await this.db.selectFrom('order_line as l').innerJoin('product as p', 'p.id', 'l.product_id')
      .select(['l.order_id', 'l.position', 'p.id', 'p.code', 'p.name', 'l.description', 'l.quantity', 'l.unit_price_minor', 'l.amount_minor'])
      .where('l.order_id', 'in', orderIds).orderBy('l.order_id').orderBy('l.position').execute();
    return rows.map((r) => ({
      orderId: r.order_id, position: r.position, product: { id: r.id, code: r.code, name: r.name }, description: r.description,
      quantity: Number(r.quantity), unitPriceMinor: Number(r.unit_price_minor), amountMinor: Number(r.amount_minor),
    }));
  }

  /**
   * Every basket (analytics.md "Cross-sell"): the products of each order with lines dated from `from` to `asOf`, lines
   * with a positive quantity of orders that are not refunds (amount >= 0). Read as columns, in order id order.
   */
  async baskets(asOf: string, from: string | null): Promise<number[][]> {
    let q = this.db.selectFrom('order_line as l').innerJoin('orders as o', 'o.id', 'l.order_id').select(['l.order_id', 'l.product_id'])
      .where('l.quantity', '>', 0).where('o.amount_minor', '>=', 0).where('o.ordered_on', '<=', asOf);
    if (from !== null) q = q.where('o.ordered_on', '>=', from);
    const [orders, products] = await this.engine.columns(q, ['order_id', 'product_id']) as [number[], number[]];
    const byOrder = new Map<number, number[]>();
    for (let i = 0; i < orders.length; i++) {
      const list = byOrder.get(orders[i]!);
      if (list) list.push(products[i]!);
      else byOrder.set(orders[i]!, [products[i]!]);
    }
    return [...byOrder.keys()].sort((a, b) => a - b).map((k) => byOrder.get(k)!);
  }

  /** Products a customer bought (a line with a positive quantity on or before `asOf`). */
  async boughtBy(customer: { kind: 'company' | 'contact'; id: number }, asOf: string): Promise<Set<number>> {
    const rows = await this.db.selectFrom('order_line as l').innerJoin('orders as o', 'o.id', 'l.order_id').select('l.product_id').distinct()
      .where(customer.kind === 'company' ? 'o.company_id' : 'o.contact_id', '=', customer.id).where('l.quantity', '>', 0)
      .where('o.ordered_on', '<=', asOf).execute();
    return new Set(rows.map((r) => r.product_id));
  }

  /** Code and name of every product, by id. */
  async names(): Promise<Map<number, { code: string; name: string }>> {
    const [ids, codes, names] = await this.engine.columns(this.db.selectFrom('product').select(['id', 'code', 'name']), ['id', 'code', 'name']) as
      [number[], string[], string[]];
    return new Map(ids.map((id, i) => [id, { code: codes[i]!, name: names[i]! }]));
  }
}
