import type Database from 'better-sqlite3';
import type { Customer } from '../../domain/order.js';
import { released } from '../../domain/released.js';
import type { OrderSums, PurchaseDayVisitor } from '../customer-value.js';
import { Groups, groupedOrderSums, scannedOrderSums } from './order-sums.js';
import { Slots } from './customer-slots.js';
import { customerIdsPositive, dayKey, orderBatches, orderIds, type OrderVisitor, readOrders } from './order-text.js';

/**
 * Purchase days from one pass over the orders table in its own order, sorted here: walking an index instead reads
 * each order's row from wherever it lies in the file (a million random reads: 4 s of 1,000,000 orders), and a
 * GROUP BY sorts a million rows in a temporary B-tree first (2 s). Each order is kept as 24 bytes of typed
 * columns until every order is read; days and currencies are interned, so their strings exist once each.
 *
 * The order sums `asked` are answered too (see CustomerValues.purchaseDays); true if they came from this pass, false
 * if some orders made them need scans of their own.
 */
export function scanPurchaseDays(raw: Database.Database, asOf: string, visit: PurchaseDayVisitor, asked: readonly OrderSums[] = []): boolean {
  // A customer, day or currency gets a number in the order it is first seen, and a rank by sorting those once.
  const customers = [new Slots(), new Slots()];
  const customerKind: number[] = [];
  const customerId: number[] = [];
  const days = new Interned();
  const currencies = new Interned();
  // The sums asked for are grouped from the same orders (refunds too, which purchase days leave out) as long as
  // every order reads as crm writes it; else each is answered by a scan of its own.
  const summing = asked.map((s) => ({ ...s, from: sinceKey(s.since), groups: new Groups() }));
  let together = false;
  // One read transaction, so that every batch sees the same orders. A batch is read as order-text.ts writes it; if
  // an order in it is not written as crm writes it, the orders taken from it are put back and the whole batch is read
  // as ANY_TEXT.
  const cols = raw.transaction(() => {
    const [first, last] = orderIds(raw);
    // Room for every order id at once: grown by doubling, the columns' freed copies stayed in the process (the
    // allocator keeps them) through report clv's fits; pages never written take no memory.
    const cols = new Columns(Math.min(Math.max((last ?? 0) - (first ?? 0) + 1, 1 << 16), 1 << 24));
    // People without a company (kind 0) come before companies (kind 1), as NULLs sort first.
    const add = (kind: number, id: number, day: number, currency: number, minor: number) => {
      let slot = customers[kind]!.get(id);
      if (slot < 0) {
        slot = customerId.length;
        customers[kind]!.set(id, slot);
        customerKind.push(kind);
        customerId.push(id);
      }
      cols.push(slot, day, currency, minor);
    };
    let batchText = '';
    const strict: OrderVisitor = (person, id, day, dayAt, code, amount) => {
      add(person ? 0 : 1, id, days.ofKey(day, batchText, dayAt, dayAt + 10), currencies.ofKey(CODE_KEYS + code, batchText, dayAt + 11, dayAt + 14), amount);
    };
    const strictIds = customerIdsPositive(raw);
    let summed = strictIds && summing.length > 0 && summing.every((s) => s.from >= 0);
    // The text holds refunds too while the sums are read from it, and after, once a batch has failed them.
    const withRefunds = summed;
    const purchases: OrderVisitor = withRefunds ? (person, id, day, dayAt, code, amount) => {
      if (amount >= 0) strict(person, id, day, dayAt, code, amount);
    } : strict;
    const strictSumming: OrderVisitor = (person, id, day, dayAt, code, amount) => {
      purchases(person, id, day, dayAt, code, amount);
      for (const s of summing) if (day >= s.from) s.groups.add(person, id, day, dayAt, code, amount);
    };
    const readAny = (text: string) => {
      for (let at = 0; at < text.length;) {
        // company US contact US day US currency US amount RS: see ANY_TEXT.
        const company = digits(text, at);
        at = text.indexOf(UNIT, at) + 1;
        const contact = digits(text, at);
        at = text.indexOf(UNIT, at) + 1;
        const dayEnd = text.indexOf(UNIT, at);
        const day = days.of(text, at, dayEnd);
        at = dayEnd + 1;
        const currencyEnd = text.indexOf(UNIT, at);
        const currency = currencies.of(text, at, currencyEnd);
        at = currencyEnd + 1;
        const minor = digits(text, at);
        const end = text.indexOf(RECORD, at);
        at = end < 0 ? text.length : end + 1;
        add(company === null ? 0 : 1, (company ?? contact)!, day, currency, minor!);
      }
    };
    const chosen = 'ordered_on <= ? and amount_minor >= 0 and (company_id is not null or contact_id is not null)';
    const where = withRefunds ? 'ordered_on <= ? and (company_id is not null or contact_id is not null)' : chosen;
    const any = raw.prepare(`select ${ANY_TEXT} from orders where id >= ? and id < ? and ${chosen}`).pluck();
    for (const batch of orderBatches(raw, where, [asOf])) {
      const taken = cols.length;
      batchText = batch.text;
      if (strictIds && readOrders(batch, summed ? strictSumming : purchases)) continue;
      cols.length = taken;
      // The groups may hold part of this batch: the sums are read again.
      summed = false;
      readAny((any.get(batch.from, batch.to, asOf) as string | null) ?? '');
    }
    together = summed;
    for (const s of summing) {
      const handed = summed && s.groups.addTo(s.into);
      s.groups.release();
      if (handed) continue;
      // Read again in this transaction, so that they are of the same orders.
      together = false;
      if (!scannedOrderSums(raw, asOf, s.since, s.into)) groupedOrderSums(raw, asOf, s.since, s.into);
    }
    return cols;
  })();
  const order = customerId.map((_, i) => i).sort((i, j) => customerKind[i]! - customerKind[j]! || customerId[i]! - customerId[j]!);
  const dayRank = days.ranks();
  const dayText = days.sorted();
  const currencyRank = currencies.ranks();
  const currencyText = currencies.sorted();
  const { customer, day, currency, minor } = cols;
  const n = cols.length;

  // Orders grouped by customer (counting sort, in `order`), then each customer's orders by day.
  const rankOf = new Int32Array(order.length);
  order.forEach((slot, rank) => { rankOf[slot] = rank; });
  const start = new Int32Array(order.length + 1);
  for (let i = 0; i < n; i++) start[rankOf[customer[i]!]! + 1]! += 1;
  for (let r = 0; r < order.length; r++) start[r + 1]! += start[r]!;
  const byCustomer = cols.spare(n);
  const next = start.slice(0, order.length);
  for (let i = 0; i < n; i++) byCustomer[next[rankOf[customer[i]!]!]!++] = i;
  for (let i = 0; i < n; i++) day[i] = dayRank[day[i]!]!;

  const sums = new Float64Array(currencyText.length);
  const counts = new Int32Array(currencyText.length);
  for (let r = 0; r < order.length; r++) {
    const slot = order[r]!;
    const kind: Customer['kind'] = customerKind[slot] === 0 ? 'contact' : 'company';
    const id = customerId[slot]!;
    const from = start[r]!;
    const to = start[r + 1]!;
    sortByDay(byCustomer, from, to, day);
    for (let i = from; i < to;) {
      const d = day[byCustomer[i]!]!;
      let j = i;
      let single = true;
      const c0 = currency[byCustomer[i]!]!;
      for (; j < to && day[byCustomer[j]!] === d; j++) {
        const row = byCustomer[j]!;
        if (currency[row] !== c0) single = false;
        sums[currencyRank[currency[row]!]!]! += minor[row]!;
        counts[currencyRank[currency[row]!]!]! += 1;
      }
      // Orders of one day in several currencies are visited one currency at a time, currencies in code order.
      const lo = single ? currencyRank[c0]! : 0;
      const hi = single ? lo + 1 : currencyText.length;
      for (let c = lo; c < hi; c++) {
        if (counts[c] === 0) continue;
        visit(kind, id, dayText[d]!, currencyText[c]!, sums[c]!, counts[c]!);
        sums[c] = 0;
        counts[c] = 0;
      }
      i = j;
    }
  }
  // The columns would otherwise stay through report clv's fits.
  released(customer, day, currency, minor, byCustomer);
  return together;
}

/** A since day as readOrders numbers days (dayKey; 0 for none), or -1 for a text not a day YYYY-MM-DD. */
const sinceKey = (since: string | null) => (since === null ? 0 : since.length === 10 ? dayKey(since, 0) : -1);

const UNIT = '\x1f';
const RECORD = '\x1e';

/**
 * The orders that are purchases, each field as SQLite writes it: the company's and the person's ids (empty for NULL),
 * the day, the currency and the amount, separated by ASCII's unit separator, orders by its record separator. It
 * takes days and codes of any shape; ids and amounts are read as the digits they start with.
 */
const ANY_TEXT = `group_concat(ifnull(company_id, '') || char(31) || ifnull(contact_id, '') || char(31) || ordered_on || char(31) || currency
  || char(31) || amount_minor, char(30))`;

/** The non-negative integer written at `at` (up to a separator), or null where the field is empty (SQL NULL). */
function digits(text: string, at: number): number | null {
  let c = text.charCodeAt(at);
  if (!(c >= 48 && c <= 57)) return null;
  let n = 0;
  for (; c >= 48 && c <= 57; c = text.charCodeAt(++at)) n = n * 10 + (c - 48);
  return n;
}

/** Bytes per order: customer slot, day and currency numbers, amount, and an order number to sort them by. */
const ORDER_BYTES = 24;

/** Just above glibc's largest dynamic mmap threshold (32 MiB on 64-bit systems): see Columns. */
const UNMOVED_THRESHOLD = 32 * 2 ** 20 + 2 ** 16;

/** Growable typed columns of the orders read: customer slot, day and currency numbers, amount. */
class Columns {
  length = 0;
  customer: Int32Array;
  day: Int32Array;
  currency: Uint32Array;
  minor: Float64Array;

  /** Where `spare` lies in the one buffer, until the columns outgrow it. */
  private sparePlace: { buffer: ArrayBuffer; at: number } | undefined;

  /**
   * The columns (and room for `spare`) are views of one buffer of more than 32 MiB, pages never written taking no
   * memory: glibc's malloc raises the size from which it maps memory apart (and gives it back when freed) to that of
   * any mapped block freed, up to 32 MiB, so these columns freed one by one kept every later allocation below 8 MB in
   * memory the process holds on to (17-30 MB of report clv's peak); a block above 32 MiB leaves that size alone.
   */
  constructor(room: number) {
    const buffer = new ArrayBuffer(Math.max(ORDER_BYTES * room, UNMOVED_THRESHOLD));
    this.minor = new Float64Array(buffer, 0, room);
    this.customer = new Int32Array(buffer, 8 * room, room);
    this.day = new Int32Array(buffer, 12 * room, room);
    this.currency = new Uint32Array(buffer, 16 * room, room);
    this.sparePlace = { buffer, at: 20 * room };
  }

  /** A column of `n` order numbers, where room was made for it beside the others. */
  spare(n: number): Uint32Array {
    return this.sparePlace ? new Uint32Array(this.sparePlace.buffer, this.sparePlace.at, n) : new Uint32Array(n);
  }

  push(customer: number, day: number, currency: number, minor: number): void {
    if (this.length === this.minor.length) this.grow();
    const i = this.length++;
    this.customer[i] = customer;
    this.day[i] = day;
    this.currency[i] = currency;
    this.minor[i] = minor;
  }

  private grow(): void {
    this.sparePlace = undefined;
    const size = this.length * 2;
    const more = <T extends Int32Array | Uint32Array | Float64Array>(a: T, make: new (n: number) => T): T => {
      const b = new make(size);
      b.set(a);
      return b;
    };
    this.customer = more(this.customer, Int32Array);
    this.day = more(this.day, Int32Array);
    this.currency = more(this.currency, Uint32Array);
    this.minor = more(this.minor, Float64Array);
  }
}

/**
 * Strings numbered as first seen, and their ranks in code-unit order (the order SQLite's BINARY collation sorts ASCII
 * in). A short field is looked up by a number made of its characters, so a million orders make no string each
 * (a day or a currency code is read once per order: a third of the scan's time as sliced and hashed strings).
 */
class Interned {
  private readonly numbers = new Map<number, number>();
  private readonly longer = new Map<string, number>();
  private readonly texts: string[] = [];

  /** The key last asked for in ofKey, and its number: orders come mostly in date order, in one currency. */
  private lastKey = -1;
  private lastNumber = -1;

  /** The number of text[from, to). */
  of(text: string, from: number, to: number): number {
    return this.ofKey(shortKey(text, from, to), text, from, to);
  }

  /** The number of text[from, to), whose shortKey is `key`. */
  ofKey(key: number, text: string, from: number, to: number): number {
    if (key === this.lastKey && key >= 0) return this.lastNumber;
    let n = key < 0 ? this.longer.get(text.slice(from, to)) : this.numbers.get(key);
    if (n === undefined) {
      n = this.texts.length;
      const field = text.slice(from, to);
      if (key < 0) this.longer.set(field, n);
      else this.numbers.set(key, n);
      this.texts.push(field);
    }
    if (key >= 0) {
      this.lastKey = key;
      this.lastNumber = n;
    }
    return n;
  }

  sorted(): string[] {
    return [...this.texts].sort();
  }

  ranks(): Int32Array {
    const rank = new Int32Array(this.texts.length);
    this.texts.map((_, i) => i).sort((i, j) => (this.texts[i]! < this.texts[j]! ? -1 : 1)).forEach((n, r) => { rank[n] = r; });
    return rank;
  }
}

/** Where shortKey's numbers for codes begin: a code's number in order-text.ts plus this. */
const CODE_KEYS = 100_000_000;

/**
 * A small whole number for a day written YYYY-MM-DD (below 10^8) or a code of three capitals (from 10^8), so that
 * neither needs a string to be looked up; -1 for any other text.
 */
function shortKey(text: string, from: number, to: number): number {
  if (to - from === 3) {
    let key = 0;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i) - 65;
      if (c < 0 || c > 25) return -1;
      key = key * 26 + c;
    }
    return CODE_KEYS + key;
  }
  if (to - from !== 10 || text.charCodeAt(from + 4) !== 45 || text.charCodeAt(from + 7) !== 45) return -1;
  let key = 0;
  for (let i = from; i < to; i++) {
    if (i === from + 4 || i === from + 7) continue;
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    key = key * 10 + c;
  }
  return key;
}

/** Sorts `rows[from, to)` by `day`: insertion sort, as most customers have a few orders; a long history sorts as an array. */
function sortByDay(rows: Uint32Array, from: number, to: number, day: Int32Array): void {
  if (to - from > 64) {
    rows.set(Array.from(rows.subarray(from, to)).sort((a, b) => day[a]! - day[b]!), from);
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const row = rows[i]!;
    const d = day[row]!;
    let j = i - 1;
    for (; j >= from && day[rows[j]!]! > d; j--) rows[j + 1] = rows[j]!;
    rows[j + 1] = row;
  }
}
