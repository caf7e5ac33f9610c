import { dayNumber } from './calendar.js';
import type { Converter, Unconverted } from './fx.js';
import { grown } from './grown.js';
import type { Customer } from './order.js';
import type { RfmInput } from './rfm.js';

/**
 * What the customer-value reports (rfm, deciles, portfolio, loyalty) stand on: per customer, R, F and M in minor
 * units of the report currency, from the store's per-customer-and-currency order aggregates. A customer is keyed
 * "company:12" or "contact:7" where one is named; the reports themselves work on columns of numbers, as 100,000
 * customers held as objects and string keys took more memory than the million orders they came from.
 */

/** One customer's orders in one currency up to as-of (and from --since), as the store aggregates them. */
export interface CustomerOrderRow {
  kind: Customer['kind'];
  id: number;
  currency: string;
  /** Orders of every sign, for the count of orders left out. */
  orders: number;
  /** Positive orders. */
  frequency: number;
  /** The latest positive order's date; null with refunds and zero amounts only. */
  lastPositive: string | null;
  firstOrder: string;
  /** Every amount summed, refunds included. */
  monetaryMinor: number;
}

export interface CustomerTotals {
  frequency: number;
  last: string | null;
  monetary: number;
}

export interface CustomerValues {
  /** analytics.md: only customers with at least one positive order are scored (RFM, deciles, loyalty). */
  inputs: RfmInput[];
  /** Every customer with converted orders, refunds-only ones included: the portfolio's value. */
  all: Map<string, CustomerTotals>;
  /** Customers with orders left out for want of a rate: without converted ones they are not prospects. */
  leftOut: Set<string>;
  /** The window's length in days, both ends included, for annualising: --since (else the first order) to as-of. */
  windowDays: number;
}

/** A customer kind as a column holds it: its index here. Companies sort before people (idOrder, and as keys). */
export const KINDS: readonly Customer['kind'][] = ['company', 'contact'];

export const customerKey = (kind: Customer['kind'], id: number): string => `${kind}:${id}`;

/** One number per customer, for maps over kinds and ids without a string per customer. */
export const slot = (kind: number, id: number) => id * 2 + kind;

/** The kinds in KINDS' order. */
const KIND_ORDER = [0, 1];

/**
 * Where (kind, id) is among the first `size` entries of columns sorted by kind, then id; -1 when it is not.
 * `rank` gives each kind's place in the order when the kinds came in an order of their own (-1: none of that kind).
 */
export function sortedEntry(kinds: ArrayLike<number>, ids: ArrayLike<number>, size: number, kind: number, id: number,
  rank: ArrayLike<number> = KIND_ORDER): number {
  const r = rank[kind]!;
  if (r === -1) return -1;
  let [lo, hi] = [0, size];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const m = rank[kinds[mid]!]!;
    if (m < r || (m === r && ids[mid]! < id)) lo = mid + 1;
    else hi = mid;
  }
  return lo < size && kinds[lo] === kind && ids[lo] === id ? lo : -1;
}

/** The customer key's tie-break order (deciles, tiers): by id, companies before contacts. */
export function idOrder(key: string): [number, number] {
  const [kind, id] = key.split(':');
  return [Number(id), kind === 'company' ? 0 : 1];
}

/** A customer as report rows name it: kind, id, and from `names` its name and external id. */
export function describeCustomer(key: string, names: ReadonlyMap<string, { name: string; externalId: string | null }>) {
  const colon = key.indexOf(':');
  const n = names.get(key);
  return { kind: key.slice(0, colon) as Customer['kind'], id: Number(key.slice(colon + 1)), name: n?.name ?? '', externalId: n?.externalId ?? null };
}

/** The scored customers (a positive order, converted) in table order, their measures copied out in columns. */
export interface Scored {
  size: number;
  /** The customer's row in the table. */
  row: Uint32Array;
  kind: Uint8Array;
  id: Float64Array;
  recencyDays: Float64Array;
  frequency: Float64Array;
  monetary: Float64Array;
}

/**
 * R, F and M per customer in columns, filled from the store's rows one at a time. Orders in a currency without a
 * rate are left out of every measure (so R, F and M describe the same orders), as the pipeline leaves out such
 * deals, and are counted in `unconverted`. Customers keep the order of their first row.
 */
export class ValueTable {
  size = 0;
  kind = new Uint8Array(1024);
  id = new Float64Array(1024);
  frequency = new Float64Array(1024);
  /** Day number of the latest positive order; NaN without one. */
  last = new Float64Array(1024);
  monetary = new Float64Array(1024);
  /** 1 when some of the customer's orders were converted: it has a value. */
  converted = new Uint8Array(1024);
  /** 1 when some were left out for want of a rate. */
  leftOut = new Uint8Array(1024);
  /**
   * Rows by customer, made only once a customer comes out of order. A store's scan gives the customers one kind
   * after the other, each by id, and they are found by halving: 100,000 entries in a map cost more than the rest
   * of the table's filling.
   */
  private rows: Map<number, number> | undefined;
  /** Each kind's place in the order its customers came in (-1: none yet). */
  private readonly kindRank = [-1, -1];
  /** Day number of the first converted order. */
  private firstDay = Infinity;

  constructor(private readonly fx: Converter, private readonly unconverted: Unconverted) {}

  add(kind: Customer['kind'], id: number, currency: string, orders: number, frequency: number, lastPositive: string | null,
    firstOrder: string, monetaryMinor: number): void {
    this.addDays(kind === 'company' ? 0 : 1, id, currency, orders, frequency, lastPositive === null ? null : dayNumber(lastPositive),
      dayNumber(firstOrder), monetaryMinor);
  }

  /** The same with the kind as its index in KINDS and the dates as day numbers, as a store's scan gives them. */
  addDays(kind: number, id: number, currency: string, orders: number, frequency: number, lastDay: number | null, firstDay: number,
    monetaryMinor: number): void {
    const i = this.rowOf(kind, id);
    const minor = this.fx.convert(monetaryMinor, currency);
    if (minor === null) {
      this.unconverted.add('order', currency, monetaryMinor, orders);
      this.leftOut[i] = 1;
      return;
    }
    if (firstDay < this.firstDay) this.firstDay = firstDay;
    this.converted[i] = 1;
    this.frequency[i]! += frequency;
    this.monetary[i]! += minor;
    if (lastDay !== null && !(lastDay <= this.last[i]!)) this.last[i] = lastDay;
  }

  /** Marks a customer as having orders left out for want of a rate. */
  leaveOut(kind: Customer['kind'], id: number): void {
    this.leftOut[this.rowOf(kind === 'company' ? 0 : 1, id)] = 1;
  }

  private rowOf(kind: number, id: number): number {
    const last = this.size - 1;
    // A store gives a customer's currencies one after another: the row just used saves a lookup.
    if (last >= 0 && this.id[last] === id && this.kind[last] === kind) return last;
    if (!this.rows) {
      if (this.kindRank[kind] === -1) {
        this.kindRank[kind] = this.kindRank[1 - kind] === -1 ? 0 : 1;
        return this.append(kind, id);
      }
      if (kind === this.kind[last] && id > this.id[last]!) return this.append(kind, id);
      this.rows = new Map();
      for (let i = 0; i < this.size; i++) this.rows.set(slot(this.kind[i]!, this.id[i]!), i);
    }
    return this.rows.get(slot(kind, id)) ?? this.append(kind, id);
  }

  private append(kind: number, id: number): number {
    const i = this.size++;
    if (i === this.kind.length) {
      this.kind = grown(this.kind);
      this.id = grown(this.id);
      this.frequency = grown(this.frequency);
      this.last = grown(this.last);
      this.monetary = grown(this.monetary);
      this.converted = grown(this.converted);
      this.leftOut = grown(this.leftOut);
    }
    this.kind[i] = kind;
    this.id[i] = id;
    this.last[i] = NaN;
    this.rows?.set(slot(kind, id), i);
    return i;
  }

  /** The customer's row, or -1 without orders. */
  find(kind: number, id: number): number {
    if (this.rows) return this.rows.get(slot(kind, id)) ?? -1;
    return sortedEntry(this.kind, this.id, this.size, kind, id, this.kindRank);
  }

  key(i: number): string {
    return customerKey(KINDS[this.kind[i]!]!, this.id[i]!);
  }

  /** analytics.md: only customers with at least one positive order are scored (RFM, deciles, loyalty). */
  scored(asOf: string): Scored {
    const today = dayNumber(asOf);
    let size = 0;
    for (let i = 0; i < this.size; i++) if (this.frequency[i]! > 0 && !Number.isNaN(this.last[i]!)) size++;
    const s: Scored = { size, row: new Uint32Array(size), kind: new Uint8Array(size), id: new Float64Array(size),
      recencyDays: new Float64Array(size), frequency: new Float64Array(size), monetary: new Float64Array(size) };
    for (let i = 0, j = 0; i < this.size; i++) {
      if (!(this.frequency[i]! > 0 && !Number.isNaN(this.last[i]!))) continue;
      s.row[j] = i;
      s.kind[j] = this.kind[i]!;
      s.id[j] = this.id[i]!;
      s.recencyDays[j] = today - this.last[i]!;
      s.frequency[j] = this.frequency[i]!;
      s.monetary[j++] = this.monetary[i]!;
    }
    return s;
  }

  /** The window's length in days, both ends included, for annualising: --since (else the first order) to as-of. */
  windowDays(asOf: string, since: string | null): number {
    const from = since !== null ? dayNumber(since) : this.firstDay !== Infinity ? this.firstDay : dayNumber(asOf);
    return Math.max(1, dayNumber(asOf) - from + 1);
  }

  /** The same values as objects keyed by customer, for the commands that pick customers by key. */
  values(asOf: string, since: string | null): CustomerValues {
    const all = new Map<string, CustomerTotals>();
    const leftOut = new Set<string>();
    for (let i = 0; i < this.size; i++) {
      const key = this.key(i);
      if (this.leftOut[i]) leftOut.add(key);
      const last = Number.isNaN(this.last[i]!) ? null : new Date(this.last[i]! * 86_400_000).toISOString().slice(0, 10);
      if (this.converted[i]) all.set(key, { frequency: this.frequency[i]!, last, monetary: this.monetary[i]! });
    }
    const s = this.scored(asOf);
    const inputs = Array.from(s.row, (i, j): RfmInput => ({ key: this.key(i), recencyDays: s.recencyDays[j]!, frequency: s.frequency[j]!, monetary: s.monetary[j]! }));
    return { inputs, all, leftOut, windowDays: this.windowDays(asOf, since) };
  }
}

/** R, F and M per customer, keyed, from the store's rows (see ValueTable). */
export function customerValues(rows: Iterable<CustomerOrderRow>, asOf: string, since: string | null, fx: Converter, unconverted: Unconverted): CustomerValues {
  const t = new ValueTable(fx, unconverted);
  for (const r of rows) t.add(r.kind, r.id, r.currency, r.orders, r.frequency, r.lastPositive, r.firstOrder, r.monetaryMinor);
  return t.values(asOf, since);
}

/**
 * Every customer that can be listed (companies, and people without a company), as the store reads them: name,
 * external id and (when asked for) wallet estimate in columns, found by kind and id.
 */
export class CustomerDirectory {
  size = 0;
  kind: number[] = [];
  id: number[] = [];
  name: string[] = [];
  externalId: (string | null)[] = [];
  walletMinor: (number | null)[] = [];
  walletCurrency: (string | null)[] = [];
  /** Entries came in kind and id order (as a store reads them): found by halving, with no map to build. */
  private ascending = true;
  private rows: Map<number, number> | undefined;

  add(kind: Customer['kind'], id: number, name: string, externalId: string | null, walletMinor: number | null, walletCurrency: string | null): void {
    const k = kind === 'company' ? 0 : 1;
    this.follow(k, id);
    this.size++;
    this.kind.push(k);
    this.id.push(id);
    this.name.push(name);
    this.externalId.push(externalId);
    this.walletMinor.push(walletMinor);
    this.walletCurrency.push(walletCurrency);
  }

  /**
   * The customers of one kind as columns of equal length, by id; without `wallets` every estimate is taken as none.
   * 100,000 companies read a column at a time cost half what they cost read row by row. The columns are joined on
   * whole, not copied value by value (that was a third of the directory's time).
   */
  addColumns(kind: Customer['kind'], ids: readonly number[], names: readonly string[], externalIds: readonly (string | null)[],
    wallets?: { minor: readonly (number | null)[]; currency: readonly (string | null)[] }): void {
    const k = kind === 'company' ? 0 : 1;
    const n = ids.length;
    if (n === 0) return;
    this.follow(k, ids[0]!);
    for (let i = 1; i < n && this.ascending; i++) if (!(ids[i]! > ids[i - 1]!)) this.ascending = false;
    const none = new Array<null>(n).fill(null);
    this.kind = this.kind.concat(new Array<number>(n).fill(k));
    this.id = this.id.concat(ids);
    this.name = this.name.concat(names);
    this.externalId = this.externalId.concat(externalIds);
    this.walletMinor = this.walletMinor.concat(wallets ? wallets.minor : none);
    this.walletCurrency = this.walletCurrency.concat(wallets ? wallets.currency : none);
    this.size += n;
  }

  private follow(kind: number, id: number): void {
    const n = this.kind.length;
    if (n > 0 && this.ascending && !(kind > this.kind[n - 1]! || (kind === this.kind[n - 1] && id > this.id[n - 1]!))) this.ascending = false;
    this.rows = undefined;
  }

  /** The customer's entry, or -1. */
  find(kind: number, id: number): number {
    if (!this.ascending) {
      if (!this.rows) {
        this.rows = new Map();
        for (let i = 0; i < this.size; i++) this.rows.set(slot(this.kind[i]!, this.id[i]!), i);
      }
      return this.rows.get(slot(kind, id)) ?? -1;
    }
    return sortedEntry(this.kind, this.id, this.size, kind, id);
  }

  /** Kind, id, name and external id, as report rows name a customer (an unknown one with an empty name). */
  describe(kind: number, id: number) {
    const i = this.find(kind, id);
    return { kind: KINDS[kind]!, id, name: i < 0 ? '' : this.name[i]!, externalId: i < 0 ? null : this.externalId[i]! };
  }

  /** The same by key ("company:12"). */
  describeKey(key: string) {
    const [id, kind] = idOrder(key);
    return this.describe(kind, id);
  }
}
