import { type Customer, type Order, type OrderFields, type OrderFilter, orderJson } from '../../domain/order.js';
import type { Identity } from '../journal.js';
import { Repository } from './repository.js';
import { unchanged } from '../../domain/record.js';

const toFields = (f: OrderFields) => ({
  company_id: f.customer.kind === 'company' ? f.customer.id : null,
  contact_id: f.customer.kind === 'contact' ? f.customer.id : null,
  ordered_on: f.orderedOn, amount_minor: f.amountMinor, currency: f.currency, reference: f.reference, deal_id: f.dealId,
});

export class Orders extends Repository {
  private select() {
    return this.db.selectFrom('orders as o')
      .leftJoin('company as co', 'co.id', 'o.company_id')
      .leftJoin('contact as ct', 'ct.id', 'o.contact_id')
      .leftJoin('deal as d', 'd.id', 'o.deal_id')
      .selectAll('o').select(['co.name as company_name', 'ct.name as contact_name', 'd.title as deal_title']);
  }

  async get(id: number): Promise<Order | undefined> {
    return this.hydrate(await this.select().where('o.id', '=', id).execute())[0];
  }

  async list(f: OrderFilter = {}): Promise<Order[]> {
    let q = this.select();
    if (f.customer) q = q.where(f.customer.kind === 'company' ? 'o.company_id' : 'o.contact_id', '=', f.customer.id);
    if (f.from) q = q.where('o.ordered_on', '>=', f.from);
    if (f.to) q = q.where('o.ordered_on', '<=', f.to);
    if (f.dealId !== undefined) q = q.where('o.deal_id', '=', f.dealId);
    if (f.page) q = q.where('o.id', '>', f.page.after).orderBy('o.id').limit(f.page.size);
    else {
      q = q.orderBy('o.ordered_on', 'desc').orderBy('o.id', 'desc');
      if (f.limit !== undefined) q = q.limit(f.limit);
    }
    return this.hydrate(await q.execute());
  }

  async countFor(customer: Pick<Customer, 'kind' | 'id'>): Promise<number> {
    const r = await this.db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n'))
      .where(customer.kind === 'company' ? 'company_id' : 'contact_id', '=', customer.id).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async byReference(reference: string): Promise<number | undefined> {
    return (await this.db.selectFrom('orders').select('id').where('reference', '=', reference).executeTakeFirst())?.id;
  }

  /** Every order of a customer as (date, amount, currency), for summaries. */
  async amountsFor(customer: Pick<Customer, 'kind' | 'id'>) {
    const rows = await this.db.selectFrom('orders').select(['ordered_on', 'amount_minor', 'currency'])
      .where(customer.kind === 'company' ? 'company_id' : 'contact_id', '=', customer.id).execute();
    return rows.map((r) => ({ orderedOn: r.ordered_on, amountMinor: Number(r.amount_minor), currency: r.currency }));
  }

  private hydrate(rows: Awaited<ReturnType<ReturnType<Orders['select']>['execute']>>): Order[] {
    return rows.map((r) => ({
      id: r.id,
      customer: r.company_id !== null
        ? { kind: 'company' as const, id: r.company_id, name: r.company_name ?? '' }
        : { kind: 'contact' as const, id: r.contact_id!, name: r.contact_name ?? '' },
      orderedOn: r.ordered_on, amountMinor: Number(r.amount_minor), currency: r.currency, reference: r.reference,
      dealId: r.deal_id, deal: r.deal_id === null ? null : { id: r.deal_id, name: r.deal_title ?? '' },
      uuid: r.uuid, createdAt: r.created_at, updatedAt: r.updated_at, createdBy: r.created_by, updatedBy: r.updated_by,
    }));
  }

  async create(fields: OrderFields, source: 'manual' | 'win' | 'import' = 'manual', identity?: Identity): Promise<Order> {
    const { id } = await this.db.insertInto('orders').values({ ...toFields(fields), source, ...this.j.created(identity) })
      .returning('id').executeTakeFirstOrThrow();
    const order = (await this.get(id))!;
    await this.j.record('order', id, 'create', null, orderJson(order));
    return order;
  }

  /** Writes new field values (an import with --update); an edit that changes nothing is not written or journaled. */
  async update(before: Order, fields: OrderFields): Promise<Order> {
    if (unchanged(before, fields)) return before;
    await this.db.updateTable('orders').set({ ...toFields(fields), ...this.j.updated() }).where('id', '=', before.id).execute();
    const after = (await this.get(before.id))!;
    await this.j.record('order', before.id, 'update', orderJson(before), orderJson(after));
    return after;
  }

  /** Deletes the order a deal's win recorded (the win is being undone); orders added by hand stay. */
  async removeWinOrder(dealId: number): Promise<number> {
    const ids = new Set((await this.db.selectFrom('orders').select('id').where('deal_id', '=', dealId).where('source', '=', 'win')
      .execute()).map((r) => r.id));
    const orders = (await this.list({ dealId })).filter((o) => ids.has(o.id));
    for (const o of orders) {
      await this.db.deleteFrom('orders').where('id', '=', o.id).execute();
      await this.j.record('order', o.id, 'delete', orderJson(o), null);
    }
    return orders.length;
  }

  /** Keeps a deleted deal's orders, without the link. */
  async unlinkDeal(dealId: number): Promise<void> {
    for (const o of await this.list({ dealId })) {
      await this.db.updateTable('orders').set({ deal_id: null, ...this.j.updated() }).where('id', '=', o.id).execute();
      await this.j.record('order', o.id, 'update', orderJson(o), orderJson((await this.get(o.id))!));
    }
  }

  /** Moves a customer's orders to another customer (contact merge, company merge). */
  async moveOrders(from: Pick<Customer, 'kind' | 'id'>, to: Customer): Promise<number> {
    const ids = (await this.db.selectFrom('orders').select('id')
      .where(from.kind === 'company' ? 'company_id' : 'contact_id', '=', from.id).execute()).map((r) => r.id);
    for (const id of ids) {
      const before = (await this.get(id))!;
      await this.db.updateTable('orders').set({ ...toFields({ ...before, customer: to }), ...this.j.updated() })
        .where('id', '=', id).execute();
      await this.j.record('order', id, 'update', orderJson(before), orderJson((await this.get(id))!));
    }
    return ids.length;
  }
}
