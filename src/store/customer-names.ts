import type { PackedNames } from '../domain/packed-names.js';

/** Customers' names for reports that list up to every customer: read into a packed form, not a string each. */
export interface CustomerNames {
  /** Name and external id of every company, then of every person without one, each by id, a part at a time. */
  packed(into: Pick<PackedNames, 'addColumns'>): Promise<void>;
}
