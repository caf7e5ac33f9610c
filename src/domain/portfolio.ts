import { CustomerDirectory, type CustomerValues, customerKey, idOrder, KINDS, type Scored, ValueTable } from './customer-value.js';
import { decileOf } from './deciles.js';
import { descendingOrder } from './standing.js';
import type { Converter, Unconverted } from './fx.js';

/**
 * Value tiers and RAD strategies (analytics.md, after Peppers & Rogers), decided in this order: MVC = purchase
 * deciles 1-2; BZ = value at or below the cost to serve; MGC = among the customers left that have a known wallet,
 * the top 20% by untapped wallet (wallet - annualised value), if it is above zero; everyone else with orders is
 * maintained. Prospects (no orders, a wallet estimate) are acquired. Amounts in minor units of one currency.
 */
export type Tier = 'MVC' | 'MGC' | 'BZ' | 'maintain' | 'prospect';

export const STRATEGY: Record<Tier, string> = {
  MVC: 'Retain', MGC: 'Develop', BZ: 'Serve at lowest cost', maintain: 'Maintain', prospect: 'Acquire',
};

export interface PortfolioInput {
  key: string;
  order: [number, number];
  value: number;
  /** In the report currency; null without an estimate or when it could not be converted. */
  wallet: number | null;
  /** An estimate exists, converted or not: enough to make a customer without orders a prospect. */
  hasWallet: boolean;
  hasOrders: boolean;
  /** Decile by Monetary among customers with a positive order (null otherwise). */
  decile: number | null;
}

export interface PortfolioRow extends PortfolioInput {
  annualValue: number;
  shareOfWallet: number | null;
  untapped: number | null;
  tier: Tier;
  /** Buys more than the wallet estimate says it spends in a year: the estimate is out of date or too low. */
  revisitWallet: boolean;
}

/** The tiers in the report's order. */
export const TIERS: readonly Tier[] = ['MVC', 'MGC', 'maintain', 'BZ', 'prospect'];

/** Per tier in the report's order: its strategy, how many customers it holds and their value. */
export function tierSummary(rows: readonly Pick<PortfolioRow, 'tier' | 'value'>[]) {
  return TIERS.map((tier) => {
    const members = rows.filter((r) => r.tier === tier);
    return { tier, strategy: STRATEGY[tier], customers: members.length, value: members.reduce((s, r) => s + r.value, 0) };
  });
}

/** What a customer's row says about its wallet estimate, if anything needs saying. */
export function walletNote(r: Pick<PortfolioRow, 'hasWallet' | 'revisitWallet'>, unconvertedFrom: string | undefined, base: string): string | null {
  if (!r.hasWallet) return 'no wallet estimate';
  if (unconvertedFrom !== undefined) return `wallet estimate in ${unconvertedFrom}: no exchange rate into ${base}`;
  return r.revisitWallet ? 'buys more than the wallet estimate: revisit it' : null;
}

/** The portfolio's inputs (PortfolioInput) as columns, one entry per customer. */
export interface PortfolioColumns {
  size: number;
  id: ArrayLike<number>;
  kind: ArrayLike<number>;
  value: Float64Array;
  /** NaN without an estimate or when it could not be converted. */
  wallet: Float64Array;
  hasWallet: Uint8Array;
  hasOrders: Uint8Array;
  /** 0 for none. */
  decile: Uint8Array;
}

/** Each entry's annualised value and tier (its index in TIERS), decided as `portfolio` describes. */
export function tierColumns(c: PortfolioColumns, windowDays: number, costToServe: number): { annualValue: Float64Array; tier: Uint8Array } {
  const annualValue = new Float64Array(c.size);
  for (let i = 0; i < c.size; i++) annualValue[i] = Math.round((c.value[i]! * 365) / windowDays);
  // The tiers are decided in analytics.md's order, each among the customers the earlier ones left.
  const mvc = (i: number) => c.decile[i] !== 0 && c.decile[i]! <= 2;
  const bz = (i: number) => !mvc(i) && c.value[i]! <= costToServe;
  const pool: number[] = [];
  for (let i = 0; i < c.size; i++) if (c.hasOrders[i] && !mvc(i) && !bz(i) && !Number.isNaN(c.wallet[i]!)) pool.push(i);
  const untapped = Float64Array.from(pool, (i) => c.wallet[i]! - annualValue[i]!);
  const growable = new Uint8Array(c.size);
  descendingOrder(untapped, (a, b) => c.id[pool[a]!]! - c.id[pool[b]!]! || c.kind[pool[a]!]! - c.kind[pool[b]!]!).forEach((p, rank) => {
    if (rank < 0.2 * pool.length && untapped[p]! > 0) growable[pool[p]!] = 1;
  });
  const tier = new Uint8Array(c.size);
  for (let i = 0; i < c.size; i++) {
    const t: Tier = !c.hasOrders[i] ? (c.hasWallet[i] ? 'prospect' : 'maintain') : mvc(i) ? 'MVC' : bz(i) ? 'BZ' : growable[i] ? 'MGC' : 'maintain';
    tier[i] = TIERS.indexOf(t);
  }
  return { annualValue, tier };
}

/** The figures of entry `i` that follow from its wallet, annualised value and tier. */
export function walletFigures(c: PortfolioColumns, annualValue: number, i: number) {
  const wallet = Number.isNaN(c.wallet[i]!) ? null : c.wallet[i]!;
  const shareOfWallet = wallet ? annualValue / wallet : null;
  return { wallet, shareOfWallet, untapped: wallet === null ? null : wallet - annualValue, revisitWallet: shareOfWallet !== null && shareOfWallet > 1 };
}

export function portfolio(customers: readonly PortfolioInput[], windowDays: number, costToServe: number): PortfolioRow[] {
  const c: PortfolioColumns = { size: customers.length, id: customers.map((x) => x.order[0]), kind: customers.map((x) => x.order[1]),
    value: Float64Array.from(customers, (x) => x.value), wallet: Float64Array.from(customers, (x) => x.wallet ?? NaN),
    hasWallet: Uint8Array.from(customers, (x) => Number(x.hasWallet)), hasOrders: Uint8Array.from(customers, (x) => Number(x.hasOrders)),
    decile: Uint8Array.from(customers, (x) => x.decile ?? 0) };
  const t = tierColumns(c, windowDays, costToServe);
  return customers.map((x, i) => {
    const { shareOfWallet, untapped, revisitWallet } = walletFigures(c, t.annualValue[i]!, i);
    return { key: x.key, order: x.order, value: x.value, wallet: x.wallet, hasWallet: x.hasWallet, hasOrders: x.hasOrders, decile: x.decile,
      annualValue: t.annualValue[i]!, shareOfWallet, untapped, tier: TIERS[t.tier[i]!]!, revisitWallet };
  });
}

/** A customer's wallet estimate as recorded: minor units of its own currency, or none. */
export interface WalletEstimate {
  walletMinor: number | null;
  walletCurrency: string | null;
}

export interface PortfolioCustomer extends PortfolioRow {
  /** The currency of a wallet estimate that has no rate into the report currency. */
  unconvertedWallet: string | undefined;
}

/**
 * The portfolio of every customer in `directory` (companies, and contacts without one) that has converted orders or
 * is a prospect: its columns by directory entry, and `order`, the entries listed, by value, then wallet, then id. A
 * wallet estimate in another currency converts like an order; one without a rate is counted in `unconverted` and
 * named (`unconvertedWallet`), not taken as missing. A customer whose orders were all left out for want of a rate
 * is neither scored nor a prospect.
 */
export function portfolioTable(table: ValueTable, scored: Scored, windowDays: number, directory: CustomerDirectory, fx: Converter,
  costToServe: number, unconverted: Unconverted) {
  const decile = decileOf(scored);
  const decileByRow = new Uint8Array(table.size);
  scored.row.forEach((row, j) => {
    decileByRow[row] = decile[j]!;
  });
  const n = directory.size;
  const c: PortfolioColumns = { size: n, id: directory.id, kind: directory.kind, value: new Float64Array(n), wallet: new Float64Array(n).fill(NaN),
    hasWallet: new Uint8Array(n), hasOrders: new Uint8Array(n), decile: new Uint8Array(n) };
  const excluded = new Uint8Array(n);
  const unconvertedWallet = new Map<number, string>();
  for (let d = 0; d < n; d++) {
    const row = table.find(directory.kind[d]!, directory.id[d]!);
    if (row >= 0 && !table.converted[row] && table.leftOut[row]) {
      excluded[d] = 1;
      continue;
    }
    const [walletMinor, walletCurrency] = [directory.walletMinor[d]!, directory.walletCurrency[d]!];
    if (walletMinor !== null && walletCurrency !== null) {
      c.hasWallet[d] = 1;
      const wallet = fx.convert(walletMinor, walletCurrency);
      if (wallet === null) unconvertedWallet.set(d, walletCurrency);
      else c.wallet[d] = wallet;
    }
    if (row >= 0 && table.converted[row] === 1) {
      c.hasOrders[d] = 1;
      c.value[d] = table.monetary[row]!;
      c.decile[d] = decileByRow[row]!;
    }
  }
  // Customers whose orders were all left out take no part in the tiers: they are not among the customers ranked.
  const kept: number[] = [];
  for (let d = 0; d < n; d++) if (!excluded[d]) kept.push(d);
  const k = kept.length;
  // Copied only when someone was left out: 100,000 entries copied column by column cost more than the tiers.
  const sub: PortfolioColumns = k === n ? c : { size: k, id: kept.map((d) => c.id[d]!), kind: kept.map((d) => c.kind[d]!),
    value: Float64Array.from(kept, (d) => c.value[d]!), wallet: Float64Array.from(kept, (d) => c.wallet[d]!),
    hasWallet: Uint8Array.from(kept, (d) => c.hasWallet[d]!), hasOrders: Uint8Array.from(kept, (d) => c.hasOrders[d]!),
    decile: Uint8Array.from(kept, (d) => c.decile[d]!) };
  const t = tierColumns(sub, windowDays, costToServe);
  const prospect = TIERS.indexOf('prospect');
  const listed: number[] = [];
  for (let i = 0; i < k; i++) if (sub.hasOrders[i] || t.tier[i] === prospect) listed.push(i);
  const walletOrZero = (i: number) => (Number.isNaN(sub.wallet[i]!) ? 0 : sub.wallet[i]!);
  const order = Uint32Array.from(descendingOrder(Float64Array.from(listed, (i) => sub.value[i]!), (a, b) => {
    const [x, y] = [listed[a]!, listed[b]!];
    return walletOrZero(y) - walletOrZero(x) || sub.id[x]! - sub.id[y]! || sub.kind[x]! - sub.kind[y]!;
  }), (p) => listed[p]!);
  // Only the wallets of customers listed are left out of something.
  const noRate = new Map<number, string>();
  for (const i of order) {
    const currency = unconvertedWallet.get(kept[i]!);
    if (currency === undefined) continue;
    noRate.set(i, currency);
    unconverted.add('wallet', currency, directory.walletMinor[kept[i]!]!);
  }
  return { columns: sub, ...t, order, unconvertedWallet: noRate };
}

export type PortfolioTable = ReturnType<typeof portfolioTable>;

/** Entry `i` of a portfolio table as a row. */
export function portfolioRow(p: PortfolioTable, i: number) {
  const c = p.columns;
  const { wallet, shareOfWallet, untapped, revisitWallet } = walletFigures(c, p.annualValue[i]!, i);
  // Fields written out rather than spread: one object per row, not two.
  return { order: [c.id[i]!, c.kind[i]!] as [number, number], value: c.value[i]!, hasWallet: c.hasWallet[i] === 1, hasOrders: c.hasOrders[i] === 1,
    decile: c.decile[i] || null, annualValue: p.annualValue[i]!, tier: TIERS[p.tier[i]!]!, wallet, shareOfWallet, untapped, revisitWallet,
    unconvertedWallet: p.unconvertedWallet.get(i) };
}

/** How many listed customers have no wallet estimate, how many should have theirs revisited, and each tier's sum. */
export function portfolioSummary(p: PortfolioTable) {
  let [withoutWallet, walletsToRevisit] = [0, 0];
  const customers = new Array<number>(TIERS.length).fill(0);
  const value = new Array<number>(TIERS.length).fill(0);
  const c = p.columns;
  for (const i of p.order) {
    if (!c.hasWallet[i]) withoutWallet++;
    if (walletFigures(c, p.annualValue[i]!, i).revisitWallet) walletsToRevisit++;
    customers[p.tier[i]!]! += 1;
    value[p.tier[i]!]! += c.value[i]!;
  }
  return { withoutWallet, walletsToRevisit, tiers: TIERS.map((tier, t) => ({ tier, strategy: STRATEGY[tier], customers: customers[t]!, value: value[t]! })) };
}

/** The portfolio (portfolioTable) as rows in the report's order, keyed. */
export function tablePortfolio(table: ValueTable, scored: Scored, windowDays: number, directory: CustomerDirectory, fx: Converter,
  costToServe: number, unconverted: Unconverted): PortfolioCustomer[] {
  const p = portfolioTable(table, scored, windowDays, directory, fx, costToServe, unconverted);
  return Array.from(p.order, (i) => {
    const r = portfolioRow(p, i);
    return { key: customerKey(KINDS[r.order[1]]!, r.order[0]), ...r };
  });
}

/** The portfolio (tablePortfolio) of customers given by key, for the commands that pick customers by key. */
export function customerPortfolio(values: CustomerValues, wallets: ReadonlyMap<string, WalletEstimate>, fx: Converter,
  costToServe: number, unconverted: Unconverted): PortfolioCustomer[] {
  const table = new ValueTable(fx, unconverted);
  const kindOf = (key: string) => KINDS[idOrder(key)[1]]!;
  // Values are in the report currency already: added in it, they pass the converter unchanged. The first order
  // date only sets a window, and values.windowDays is the window.
  for (const [key, a] of values.all) table.add(kindOf(key), idOrder(key)[0], fx.currency, 0, a.frequency, a.last, '', a.monetary);
  for (const key of values.leftOut) table.leaveOut(kindOf(key), idOrder(key)[0]);
  const directory = new CustomerDirectory();
  for (const [key, w] of wallets) directory.add(kindOf(key), idOrder(key)[0], '', null, w.walletMinor, w.walletCurrency);
  // Recency plays no part in tiers: any as-of date scores the same customers.
  return tablePortfolio(table, table.scored('1970-01-01'), values.windowDays, directory, fx, costToServe, unconverted);
}
