import { companyJson } from '../domain/company.js';
import { contactJson } from '../domain/contact.js';
import type { Customer } from '../domain/order.js';
import type { ImportRow } from '../domain/order-import.js';

export type CustomerRef = Pick<Customer, 'kind' | 'id'>;

/** The customer an import key names, or 'ambiguous' (several do), or undefined (none does). */
export type CustomerMatch = CustomerRef | 'ambiguous' | undefined;

/** Which ids an import's orders took (null when it wrote none). */
export interface OrderIds {
  firstOrderId: number | null;
  lastOrderId: number | null;
}

/**
 * An order import's matching and writing, one import at a time. The SQLite implementation answers synchronously
 * (a prepared statement per row is faster than any batching); an engine over the network may batch and answer later,
 * hence the promises allowed.
 */
export interface OrderImport {
  /** The customer `key` names: by external id, then email, then exact name; including customers this import created. */
  match(key: string): CustomerMatch;
  /** Whether an order with this reference is stored already (what a dry run counts as "already there"). */
  referenceExists(reference: string): boolean | Promise<boolean>;
  /** Inside a write: a new customer named and externally identified by `key`. */
  createCustomer(kind: CustomerRef['kind'], key: string): CustomerRef | Promise<CustomerRef>;
  /** Inside a write: one order; false when its reference is stored already (importing twice changes nothing). */
  insert(row: ImportRow, customer: CustomerRef): boolean | Promise<boolean>;
  /**
   * Inside a write, after the last row: journals the whole import as one entry (`summary`, the id ranges of its orders
   * and new customers) and returns `summary` with the order ids. Journaling a million rows one by one would take longer
   * than importing them.
   */
  finish<S extends object>(summary: S): Promise<S & OrderIds>;
}

/** A customer the import made, as the repositories journal a company or contact they create. */
export function newCustomer(kind: CustomerRef['kind'], id: number, key: string, [uuid, at, , actor]: readonly string[]): object {
  const stamps = { uuid: uuid!, createdAt: at!, updatedAt: at!, createdBy: actor!, updatedBy: actor! };
  const common = { id, name: key, wallet: null, owner: actor!, notes: null, externalId: key, tags: [], ...stamps };
  return kind === 'company'
    ? companyJson({ ...common, domain: null, industry: null, size: null, address: null })
    : contactJson({ ...common, emails: [], phones: [], title: null, company: null, companyId: null, role: null, reportsTo: null,
      reportsToId: null, source: null, lifecycle: 'customer', consent: 'unknown', doNotContact: false });
}
