import { companyJson } from '../domain/company.js';
import { contactJson } from '../domain/contact.js';
import type { Customer } from '../domain/order.js';
import type { ImportRow } from '../domain/order-import.js';
import { nameKey } from '../domain/reference.js';
import type { Journal } from './repos/journal.js';

export type CustomerRef = Pick<Customer, 'kind' | 'id'>;

/** The customer an import key names, or 'ambiguous' (several do), or undefined (none does). */
export type CustomerMatch = CustomerRef | 'ambiguous' | undefined;

/**
 * Who an import key names, from every company, contact and email that each engine reads once at the start: by external
 * id, then email, then exact name. A key that several customers share is 'ambiguous'. A person who works for a company
 * buys for it (analytics.md: the customer is the company).
 */
export class CustomerIndex {
  private readonly byExternal = new Map<string, CustomerMatch>();
  private readonly byEmail = new Map<string, CustomerMatch>();
  private readonly byName = new Map<string, CustomerMatch>();
  private readonly cache = new Map<string, CustomerMatch>();

  company(id: number, nameKey: string, externalId: string | null): void {
    this.add(this.byExternal, externalId, { kind: 'company', id });
    this.add(this.byName, nameKey, { kind: 'company', id });
  }

  contact(id: number, nameKey: string, externalId: string | null, companyId: number | null): void {
    const m: CustomerRef = companyId === null ? { kind: 'contact', id } : { kind: 'company', id: companyId };
    this.add(this.byExternal, externalId, m);
    this.add(this.byName, nameKey, m);
  }

  email(email: string, contactId: number, companyId: number | null): void {
    this.add(this.byEmail, email, companyId === null ? { kind: 'contact', id: contactId } : { kind: 'company', id: companyId });
  }

  match(key: string): CustomerMatch {
    let m = this.cache.get(key);
    if (m === undefined && !this.cache.has(key)) {
      m = this.byExternal.get(key) ?? this.byEmail.get(key.toLowerCase()) ?? this.byName.get(nameKey(key));
      this.cache.set(key, m);
    }
    return m;
  }

  /** A customer the import made answers its key from then on. */
  made(key: string, m: CustomerRef): void {
    this.cache.set(key, m);
  }

  private add(map: Map<string, CustomerMatch>, key: string | null, m: CustomerRef): void {
    if (key === null || key === '') return;
    const seen = map.get(key);
    map.set(key, seen === undefined ? m : seen === 'ambiguous' || seen.kind !== m.kind || seen.id !== m.id ? 'ambiguous' : seen);
  }
}

/** Which ids an import's orders took (null when it wrote none). */
export interface OrderIds {
  firstOrderId: number | null;
  lastOrderId: number | null;
  /** Products an import of lines made (0 without lines). */
  newProducts?: number;
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
  /**
   * Inside a write: one order; false when its reference is stored already (importing twice changes nothing). A row
   * with a `line` is a line of the invoice named by its reference: the first makes the order, each later one of the
   * same import adds its line (and its amount to the order's) and answers 'line'. A line's product is found by its
   * code, ignoring case, or made from the line (code, description, unit price).
   */
  insert(row: ImportRow, customer: CustomerRef): boolean | 'line' | Promise<boolean | 'line'>;
  /**
   * Inside a write, after the last row: journals the whole import as one entry (`summary`, the id ranges of its orders
   * and new customers) and returns `summary` with the order ids. Journaling a million rows one by one would take longer
   * than importing them.
   */
  finish<S extends object>(summary: S): Promise<S & OrderIds>;
}

/** A customer the import made, as the repositories journal a company or contact they create. */
export function newCustomer(kind: CustomerRef['kind'], id: number, key: string, [uuid, at, , actor]: readonly string[]): object {
  // Written out rather than spread from shared parts: V8 built each spread-of-a-spread object ~10x slower, 3 s of
  // CPU for the 100,000 customers of a large import.
  return kind === 'company'
    ? companyJson({ id, name: key, wallet: null, owner: actor!, notes: null, externalId: key, tags: [], uuid: uuid!, createdAt: at!,
      updatedAt: at!, createdBy: actor!, updatedBy: actor!, domain: null, industry: null, size: null, address: null })
    : contactJson({ id, name: key, wallet: null, owner: actor!, notes: null, externalId: key, tags: [], uuid: uuid!, createdAt: at!,
      updatedAt: at!, createdBy: actor!, updatedBy: actor!, emails: [], phones: [], title: null, company: null, companyId: null, role: null,
      reportsTo: null, reportsToId: null, source: null, lifecycle: 'customer', consent: 'unknown', doNotContact: false });
}

/**
 * What an order import leaves in history, on every engine: each customer it made as a record of its own (as one added
 * by hand), then one entry for the import itself, naming the id ranges of the customers and products it made.
 */
export async function journalImport(j: Journal, firstOrderId: number, out: object,
  created: readonly { kind: CustomerRef['kind']; id: number; snapshot: object }[], newProducts: readonly number[]): Promise<void> {
  for (const kind of ['company', 'contact'] as const) {
    await j.recordCreated(kind, created.filter((c) => c.kind === kind).map((c) => ({ id: c.id, after: c.snapshot })));
  }
  const createdCustomers = created.length ? { kind: created[0]!.kind, firstId: created[0]!.id, lastId: created.at(-1)!.id } : null;
  const createdProducts = newProducts.length ? { firstId: newProducts[0]!, lastId: newProducts.at(-1)! } : null;
  await j.record('import', firstOrderId, 'create', null, { ...out, createdCustomers, ...(createdProducts ? { createdProducts } : {}) });
}
