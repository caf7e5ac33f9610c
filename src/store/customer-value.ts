import type { CustomerDirectory, ValueTable } from '../domain/customer-value.js';
import type { Customer } from '../domain/order.js';

export interface CustomerName {
  name: string;
  externalId: string | null;
  walletMinor: number | null;
  walletCurrency: string | null;
}

export interface SavedSegmentation {
  asOf: string;
  bins: number;
  /** Segment by customer key ("company:12"). */
  members: Map<string, string>;
}

/** What orders(asOf, since, into) is asked, asked of a scan of the purchase days instead. */
export interface OrderSums {
  since: string | null;
  into: Pick<ValueTable, 'addDays'>;
}

/** One customer's purchases of one day in one currency: `orders` orders adding up to `minor`. */
export type PurchaseDayVisitor = (kind: Customer['kind'], id: number, day: string, currency: string, minor: number, orders: number) => void;

/**
 * The customer-value reports' reads over every order, and their saved segmentations. Each engine answers with its
 * own fast path: these scans cover up to a million orders, which the repositories' row-by-row reads cannot.
 */
export interface CustomerValues {
  /**
   * RFM's aggregation, over orders on or before `asOf` (and from `since`): per customer and currency, orders,
   * positive orders, the last positive order's day and the first order's day (day numbers) and the sum of all amounts (refunds
   * included), added to `into` customer by customer, people without a company first, each kind by id.
   */
  orders(asOf: string, since: string | null, into: Pick<ValueTable, 'addDays'>): Promise<void>;
  /**
   * Purchase days (non-refund orders merged per calendar day and currency) on or before `asOf`, customer by
   * customer (people without a company first, each kind by id) in date order, a day's currencies in code order.
   * Each of `sums` is answered too, as orders(asOf, since, into) would answer it, from the same pass over the orders
   * where the engine can: report churn and crm next need both.
   */
  purchaseDays(asOf: string, visit: PurchaseDayVisitor, sums?: readonly OrderSums[]): Promise<void>;
  /** Name, external id and wallet by customer key ("company:12"). */
  names(): Promise<Map<string, CustomerName>>;
  /** Name and external id (and with `wallets` the wallet) of every company, then of every person without one, each by id. */
  directory(into: Pick<CustomerDirectory, 'addColumns'>, wallets?: boolean): Promise<void>;
  snapshot(name: string): Promise<SavedSegmentation | undefined>;
  /** Saved segmentations, oldest first. */
  snapshotNames(): Promise<string[]>;
  /** Inside a write: saves a segmentation under `name` (replacing one of that name), journaled. */
  saveSnapshot(name: string, asOf: string, bins: number, members: readonly { key: string; segment: string }[]): Promise<number>;
}
