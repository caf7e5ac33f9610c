import { CustomerDirectory, type CustomerValues, customerKey, idOrder, KINDS, type Scored, ValueTable } from './customer-value.js';
import { decileOf } from './deciles.js';
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

/** Per tier in the report's order: its strategy, how many customers it holds and their value. */
export function tierSummary(rows: readonly Pick<PortfolioRow, 'tier' | 'value'>[]) {
  const tiers: Tier[] = ['MVC', 'MGC', 'maintain', 'BZ', 'prospect'];
  return tiers.map((tier) => {
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

export function portfolio(customers: readonly PortfolioInput[], windowDays: number, costToServe: number): PortfolioRow[] {
  const annual = (v: number) => Math.round((v * 365) / windowDays);
  // The tiers are decided in analytics.md's order, each among the customers the earlier ones left.
  const mvc = (c: PortfolioInput) => c.decile !== null && c.decile <= 2;
  const bz = (c: PortfolioInput) => !mvc(c) && c.value <= costToServe;
  const pool = customers.filter((c) => c.hasOrders && !mvc(c) && !bz(c) && c.wallet !== null)
    .map((c) => ({ c, untapped: c.wallet! - annual(c.value) }))
    .sort((a, b) => b.untapped - a.untapped || a.c.order[0] - b.c.order[0] || a.c.order[1] - b.c.order[1]);
  const growable = new Set(pool.filter((x, i) => i < 0.2 * pool.length && x.untapped > 0).map((x) => x.c.key));
  return customers.map((c) => {
    const annualValue = annual(c.value);
    const untapped = c.wallet === null ? null : c.wallet - annualValue;
    const tier: Tier = !c.hasOrders ? (c.hasWallet ? 'prospect' : 'maintain')
      : mvc(c) ? 'MVC' : bz(c) ? 'BZ' : growable.has(c.key) ? 'MGC' : 'maintain';
    const shareOfWallet = c.wallet ? annualValue / c.wallet : null;
    return { key: c.key, order: c.order, value: c.value, wallet: c.wallet, hasWallet: c.hasWallet, hasOrders: c.hasOrders, decile: c.decile,
      annualValue, shareOfWallet, untapped, tier, revisitWallet: shareOfWallet !== null && shareOfWallet > 1 };
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
 * is a prospect, by value, then wallet, then id. A wallet estimate in another currency converts like an order; one
 * without a rate is counted in `unconverted` and named in the row, not taken as missing. A customer whose orders
 * were all left out for want of a rate is neither scored nor a prospect.
 */
export function tablePortfolio(table: ValueTable, scored: Scored, windowDays: number, directory: CustomerDirectory, fx: Converter,
  costToServe: number, unconverted: Unconverted): PortfolioCustomer[] {
  const decile = decileOf(scored);
  const decileByRow = new Uint8Array(table.size);
  scored.row.forEach((row, j) => {
    decileByRow[row] = decile[j]!;
  });
  const noRate = new Map<string, string>();
  const wallets = new Map<string, number>();
  const inputs: PortfolioInput[] = [];
  for (let d = 0; d < directory.size; d++) {
    const row = table.find(directory.kind[d]!, directory.id[d]!);
    if (row >= 0 && !table.converted[row] && table.leftOut[row]) continue;
    const key = customerKey(KINDS[directory.kind[d]!]!, directory.id[d]!);
    const [walletMinor, walletCurrency] = [directory.walletMinor[d]!, directory.walletCurrency[d]!];
    const hasWallet = walletMinor !== null && walletCurrency !== null;
    const wallet = hasWallet ? fx.convert(walletMinor, walletCurrency) : null;
    if (hasWallet && wallet === null) {
      noRate.set(key, walletCurrency);
      wallets.set(key, walletMinor);
    }
    const hasOrders = row >= 0 && table.converted[row] === 1;
    inputs.push({ key, order: [directory.id[d]!, directory.kind[d]!], value: hasOrders ? table.monetary[row]! : 0, wallet, hasWallet, hasOrders,
      decile: hasOrders && decileByRow[row] ? decileByRow[row]! : null });
  }
  const rows = portfolio(inputs, windowDays, costToServe).filter((r) => r.hasOrders || r.tier === 'prospect')
    .sort((a, b) => b.value - a.value || (b.wallet ?? 0) - (a.wallet ?? 0) || a.order[0] - b.order[0] || a.order[1] - b.order[1]);
  // Only the wallets of customers listed are left out of something.
  for (const r of rows) {
    const currency = noRate.get(r.key);
    if (currency !== undefined) unconverted.add('wallet', currency, wallets.get(r.key)!);
  }
  return rows.map((r) => Object.assign(r, { unconvertedWallet: noRate.get(r.key) }));
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
