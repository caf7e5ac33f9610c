import type Database from 'better-sqlite3';
import type { ValueTable } from '../../domain/customer-value.js';
import { grown } from '../../domain/grown.js';
import { released } from '../../domain/released.js';
import { Slots } from './customer-slots.js';
import { CODES, codeText, customerIdsPositive, orderBatches, type OrderVisitor, readOrders } from './order-text.js';

type Into = Pick<ValueTable, 'addDays'>;

/** The orders both ways sum, given the as-of day and the first day: the two must choose the same. */
const CHOSEN = 'ordered_on <= ? and ordered_on >= ? and (company_id is not null or contact_id is not null)';

/**
 * RFM's aggregation as SQLite's GROUP BY computes it: per customer and currency, orders, positive orders, the last
 * positive order's day and the first order's day (day numbers), the sum of all amounts; people without a company
 * first, each kind by id, a customer's currencies in code order. A company's orders are one group whoever placed them.
 */
export function groupedOrderSums(raw: Database.Database, asOf: string, since: string | null, into: Into): void {
  // `not indexed`: walking a customer index reads one random page per order when orders were not inserted customer by
  // customer (an import of a sales file), 2.5x the time of this scan on a million orders.
  const rows = raw.prepare(`select company_id, case when company_id is null then contact_id end, currency, count(*),
      sum(case when amount_minor > 0 then 1 else 0 end), unixepoch(max(case when amount_minor > 0 then ordered_on end)) / 86400,
      unixepoch(min(ordered_on)) / 86400, sum(amount_minor)
    from orders not indexed where ${CHOSEN}
    group by 1, 2, 3`)
    .raw().iterate(asOf, since ?? '0000-00-00') as Iterable<[number | null, number | null, string, number, number, number | null, number, number | bigint]>;
  for (const [company, contact, currency, orders, frequency, lastDay, firstDay, monetary] of rows) {
    into.addDays(company !== null ? 0 : 1, (company ?? contact)!, currency, orders, frequency, lastDay, firstDay, Number(monetary));
  }
}

/**
 * The same aggregation from one pass over the orders in the table's own order, grouped here by customer in typed
 * columns: most of the GROUP BY's time is its sorter (a million orders: 0.85 s of CPU, against 0.15 s for the scan
 * alone). The orders come as order-text.ts writes them, as report clv reads them.
 *
 * It reads orders written as crm writes them; at anything else (a row written by hand) it returns false before `into`
 * is given anything, and the caller asks the GROUP BY instead, which takes any value.
 */
export function scannedOrderSums(raw: Database.Database, asOf: string, since: string | null, into: Into): boolean {
  // One read transaction, so that every batch sees the same orders, as the one GROUP BY statement would.
  return raw.transaction(() => {
    if (!customerIdsPositive(raw)) return false;
    const groups = new Groups();
    for (const batch of orderBatches(raw, CHOSEN, [asOf, since ?? '0000-00-00'])) {
      if (!readOrders(batch, groups.add)) return false;
    }
    return groups.addTo(into);
  })();
}

/**
 * The (customer, currency) groups of the orders read, as columns; a customer's first currency has its group found by
 * slot. The purchase days' scan fills them too, for report churn and crm next (purchase-days.ts).
 */
export class Groups {
  private readonly slots = [new Slots(), new Slots()];
  private customers = 0;
  private kind = new Int32Array(1 << 12);
  private id = new Float64Array(1 << 12);
  /** Per customer, the group of the first currency seen. */
  private first = new Int32Array(1 << 12);
  /** Groups of a customer's other currencies, by customer * CODES + code. */
  private readonly others = new Map<number, number>();
  private size = 0;
  private customer = new Int32Array(1 << 12);
  private code = new Int32Array(1 << 12);
  private orders = new Float64Array(1 << 12);
  private positive = new Float64Array(1 << 12);
  /** Days as YYYYMMDD, which order as their texts do. */
  private lastPositive = new Int32Array(1 << 12);
  private firstDay = new Int32Array(1 << 12);
  private sum = new Float64Array(1 << 12);
  /** Whether a sum went past the integers a double holds exactly (SQLite's are 64-bit). */
  private inexact = false;

  readonly add: OrderVisitor = (person, id, day, _dayAt, code, amount) => {
    // A company is kind 0, a person 1, as in the value table.
    const kind = person ? 1 : 0;
    const customer = this.slots[kind]!.get(id);
    let g = customer < 0 ? this.newCustomer(kind, id, code) : this.first[customer]!;
    if (this.code[g] !== code) g = this.otherGroup(customer, code);
    this.orders[g]! += 1;
    // A sum that passes 2^53 on its way is no longer exact, even if it comes back below.
    if (!(Math.abs((this.sum[g]! += amount)) <= Number.MAX_SAFE_INTEGER)) this.inexact = true;
    if (amount > 0) {
      this.positive[g]! += 1;
      if (day > this.lastPositive[g]!) this.lastPositive[g] = day;
    }
    if (day < this.firstDay[g]!) this.firstDay[g] = day;
  };

  /** A customer first seen, with the group of its first currency; returns that group. */
  private newCustomer(kind: number, id: number, code: number): number {
    const c = this.customers++;
    if (c === this.kind.length) {
      this.kind = grown(this.kind);
      this.id = grown(this.id);
      this.first = grown(this.first);
    }
    this.slots[kind]!.set(id, c);
    this.kind[c] = kind;
    this.id[c] = id;
    return (this.first[c] = this.newGroup(c, code));
  }

  /** The group of a customer's currency other than its first. */
  private otherGroup(customer: number, code: number): number {
    const key = customer * CODES + code;
    let g = this.others.get(key);
    if (g === undefined) this.others.set(key, (g = this.newGroup(customer, code)));
    return g;
  }

  private newGroup(customer: number, code: number): number {
    const g = this.size++;
    if (g === this.customer.length) {
      this.customer = grown(this.customer);
      this.code = grown(this.code);
      this.orders = grown(this.orders);
      this.positive = grown(this.positive);
      this.lastPositive = grown(this.lastPositive);
      this.firstDay = grown(this.firstDay);
      this.sum = grown(this.sum);
    }
    this.customer[g] = customer;
    this.code[g] = code;
    this.lastPositive[g] = -1;
    this.firstDay[g] = NO_DAY;
    return g;
  }

  /** Gives the columns' memory back now (see released), for a pass that goes on after the groups are handed over. */
  release(): void {
    released(this.kind, this.id, this.first, this.customer, this.code, this.orders, this.positive, this.lastPositive, this.firstDay, this.sum);
  }

  /** Gives `into` the groups in the GROUP BY's order; false, giving nothing, if a sum went past exact integers. */
  addTo(into: Into): boolean {
    if (this.inexact) return false;
    // People without a company first (their company_id is NULL), each kind by id.
    const order = Array.from({ length: this.customers }, (_, c) => c)
      .sort((a, b) => this.kind[b]! - this.kind[a]! || this.id[a]! - this.id[b]!);
    // A customer's other currencies, rare: their groups by customer.
    const others = new Map<number, number[]>();
    for (const g of this.others.values()) {
      const list = others.get(this.customer[g]!);
      if (list) list.push(g);
      else others.set(this.customer[g]!, [g]);
    }
    const texts = new Map<number, string>();
    for (const c of order) {
      const more = others.get(c);
      const groups = more ? [this.first[c]!, ...more].sort((a, b) => this.code[a]! - this.code[b]!) : [this.first[c]!];
      for (const g of groups) {
        const code = this.code[g]!;
        let currency = texts.get(code);
        if (currency === undefined) texts.set(code, (currency = codeText(code)));
        const lastPositive = this.lastPositive[g]!;
        into.addDays(this.kind[c]!, this.id[c]!, currency, this.orders[g]!, this.positive[g]!,
          lastPositive < 0 ? null : epochDay(lastPositive), epochDay(this.firstDay[g]!), this.sum[g]!);
      }
    }
    return true;
  }
}

const NO_DAY = 100_000_000;

/**
 * Whole days since 1970-01-01 of a YYYYMMDD key, in the proleptic Gregorian calendar, as SQLite's unixepoch(...) / 86400
 * (a day past the month's end, such as 02-30, runs on into the next month there too). Howard Hinnant's days_from_civil.
 */
export function epochDay(key: number): number {
  const d = key % 100;
  const m = Math.floor(key / 100) % 100;
  const y = Math.floor(key / 10_000) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
