import type pg from 'pg';
import type { CustomerDirectory, ValueTable } from '../../domain/customer-value.js';
import type { CustomerName, CustomerValues, OrderSums, PurchaseDayVisitor, SavedSegmentation } from '../customer-value.js';
import type { Journal } from '../repos/journal.js';

type Row = unknown[];

/** One aggregation or one scan over every order, on the driver, rows as arrays (no object per row). */
export class PgCustomerValues implements CustomerValues {
  constructor(private readonly client: pg.Client, private readonly journal?: Journal) {}

  private async rows<T extends Row>(text: string, values: unknown[] = []): Promise<T[]> {
    return (await this.client.query<T>({ text, values, rowMode: 'array' })).rows;
  }

  async orders(asOf: string, since: string | null, into: Pick<ValueTable, 'addDays'>): Promise<void> {
    // A company's orders are one group whoever placed them, as each group's sum is converted and rounded once;
    // people without a company come first, as in SQLite's order. Dates as day numbers since 1970-01-01.
    const rows = await this.withoutJit(() => this.rows<[number | null, number | null, string, number, number, number | null, number, number]>(
      `select company_id, case when company_id is null then contact_id end, currency, count(*),
        sum(case when amount_minor > 0 then 1 else 0 end), max(case when amount_minor > 0 then ordered_on end)::date - date '1970-01-01',
        min(ordered_on)::date - date '1970-01-01', sum(amount_minor)
      from orders where ordered_on <= $1 and ordered_on >= $2 and (company_id is not null or contact_id is not null)
      group by 1, 2, 3 order by 1 nulls first, 2 nulls first, 3`, [asOf, since ?? '0000-00-00']));
    for (const [company, contact, currency, orders, frequency, lastDay, firstDay, monetary] of rows) {
      into.addDays(company !== null ? 0 : 1, (company ?? contact)!, currency, Number(orders), Number(frequency), lastDay, firstDay, Number(monetary));
    }
  }

  /**
   * Runs `read` in a transaction of its own (inside a write, in the write's) with the server's JIT off: the JIT
   * compiles a plan whose cost passes jit_above_cost, as the scan of a million orders does, and it spent 83 ms of
   * 656 compiling report rfm's aggregation, which ran no faster (460 ms without). SET LOCAL ends with the
   * transaction, so a pooled connection is left as found; a server without a JIT (before 11) is left alone.
   */
  private async withoutJit<T>(read: () => Promise<T>): Promise<T> {
    const off = () => this.client.query("select set_config('jit', 'off', true) where current_setting('jit', true) is not null");
    if (this.journal) {
      await off();
      return read();
    }
    await this.client.query('begin');
    try {
      await off();
      const result = await read();
      await this.client.query('commit');
      return result;
    } catch (e) {
      await this.client.query('rollback').catch(() => {});
      throw e;
    }
  }

  async purchaseDays(asOf: string, visit: PurchaseDayVisitor, sums: readonly OrderSums[] = []): Promise<void> {
    // The server groups each on its own: one pass would hand every order to this process instead.
    for (const s of sums) await this.orders(asOf, s.since, s.into);
    const rows = await this.rows<[number | null, number | null, string, string, number, number]>(
      `select company_id, contact_id, ordered_on, currency, sum(amount_minor), count(*) from orders
      where amount_minor >= 0 and ordered_on <= $1 and (company_id is not null or contact_id is not null)
      group by company_id, contact_id, ordered_on, currency
      order by company_id nulls first, contact_id nulls first, ordered_on`, [asOf]);
    for (const [company, contact, day, currency, minor, orders] of rows) {
      visit(company !== null ? 'company' : 'contact', (company ?? contact)!, day, currency, Number(minor), orders);
    }
  }

  async names(): Promise<Map<string, CustomerName>> {
    const out = new Map<string, CustomerName>();
    type N = [number, string, string | null, number | null, string | null];
    for (const [id, name, ext, w, c] of await this.rows<N>('select id, name, external_id, wallet_minor, currency from company')) {
      out.set(`company:${id}`, { name, externalId: ext, walletMinor: w === null ? null : Number(w), walletCurrency: c });
    }
    for (const [id, name, ext, w, c] of await this.rows<N>('select id, name, external_id, wallet_minor, currency from contact where company_id is null')) {
      out.set(`contact:${id}`, { name, externalId: ext, walletMinor: w === null ? null : Number(w), walletCurrency: c });
    }
    return out;
  }

  async directory(into: Pick<CustomerDirectory, 'addColumns'>, wallets = false): Promise<void> {
    type N = [number[], string[], (string | null)[], (number | null)[], (string | null)[]];
    // Each column as one array, in one row per kind: no array per customer.
    for (const [kind, from] of [['company', 'company'], ['contact', 'contact where company_id is null']] as const) {
      const [[ids, names, ext, w, c]] = await this.rows<N>(`select coalesce(array_agg(id order by id), '{}'), coalesce(array_agg(name order by id), '{}'),
        coalesce(array_agg(external_id order by id), '{}')${wallets ? `, coalesce(array_agg(wallet_minor order by id), '{}'), coalesce(array_agg(currency order by id), '{}')` : ''}
        from ${from}`) as [N];
      into.addColumns(kind, ids.map(Number), names, ext, wallets ? { minor: w.map((x) => (x === null ? null : Number(x))), currency: c } : undefined);
    }
  }

  async saveSnapshot(name: string, asOf: string, bins: number, members: readonly { key: string; segment: string }[]): Promise<number> {
    if (!this.journal) throw new Error('write outside a transaction');
    await this.client.query('delete from rfm_snapshot where name = $1', [name]);
    const [[id]] = await this.rows<[number]>('insert into rfm_snapshot (name, as_of, bins, created_at, created_by) values ($1, $2, $3, $4, $5) returning id',
      [name, asOf, bins, this.journal.at, this.journal.actor]) as [[number]];
    await this.client.query(`insert into rfm_snapshot_member (snapshot_id, customer, segment)
      select $1, * from unnest($2::text[], $3::text[])`, [id, members.map((m) => m.key), members.map((m) => m.segment)]);
    await this.journal.record('rfm_snapshot', id, 'create', null, { name, asOf, bins, customers: members.length });
    return id;
  }

  async snapshot(name: string): Promise<SavedSegmentation | undefined> {
    const [s] = await this.rows<[number, string, number]>('select id, as_of, bins from rfm_snapshot where name = $1', [name]);
    if (!s) return undefined;
    const members = new Map(await this.rows<[string, string]>('select customer, segment from rfm_snapshot_member where snapshot_id = $1', [s[0]]));
    return { asOf: s[1], bins: s[2], members };
  }

  async snapshotNames(): Promise<string[]> {
    return (await this.rows<[string]>('select name from rfm_snapshot order by created_at, id')).map((r) => r[0]);
  }
}
