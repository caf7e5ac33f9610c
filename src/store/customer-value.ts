import type { CustomerOrderRow } from '../domain/customer-value.js';
import type { Customer } from '../domain/order.js';

/** Per customer and currency: orders, positive orders, last positive order date, sum of all amounts (refunds included). */
export type CustomerOrders = CustomerOrderRow;

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

/** One customer's purchases of one day in one currency: `orders` orders adding up to `minor`. */
export type PurchaseDayVisitor = (kind: Customer['kind'], id: number, day: string, currency: string, minor: number, orders: number) => void;

/**
 * The customer-value reports' reads over every order, and their saved segmentations. Each engine answers with its
 * own fast path: these scans cover up to a million orders, which the repositories' row-by-row reads cannot.
 */
export interface CustomerValues {
  /** RFM's aggregation, over orders on or before `asOf` (and from `since`). */
  orders(asOf: string, since: string | null): Promise<CustomerOrders[]>;
  /**
   * Purchase days (non-refund orders merged per calendar day and currency) on or before `asOf`, customer by
   * customer (people without a company first, each kind by id) in date order, a day's currencies in code order.
   */
  purchaseDays(asOf: string, visit: PurchaseDayVisitor): Promise<void>;
  /** Name, external id and wallet by customer key ("company:12"). */
  names(): Promise<Map<string, CustomerName>>;
  snapshot(name: string): Promise<SavedSegmentation | undefined>;
  /** Saved segmentations, oldest first. */
  snapshotNames(): Promise<string[]>;
  /** Inside a write: saves a segmentation under `name` (replacing one of that name), journaled. */
  saveSnapshot(name: string, asOf: string, bins: number, members: readonly { key: string; segment: string }[]): Promise<number>;
}
