import { toMajor } from './money.js';

/** What every stored record carries (product.md: created/updated timestamps and who changed it). */
export interface Stamps {
  /** Stable for the record's life: exports, vCard and iCalendar UIDs and backups name the record by it. */
  uuid: string;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
}

/**
 * One page of a kind's records in id order, for reading all of them a page at a time (an export of 100,000
 * contacts must not hold them all): the records with an id above `after`, at most `size`.
 */
export interface Page {
  after: number;
  size: number;
}

/** A linked record as JSON shows it: enough to name it without a second lookup. */
export interface Link {
  id: number;
  name: string;
}

/** A money field beside its currency; JSON gets major units (product.md). */
export interface Wallet {
  minor: number;
  currency: string;
}

/** Money JSON (product.md): major units beside the currency. */
export const walletJson = (w: Wallet | null) => ({ wallet: w ? toMajor(w.minor, w.currency) : null, currency: w?.currency ?? null });

export const stampsJson = (s: Stamps) => ({ uuid: s.uuid, createdAt: s.createdAt, updatedAt: s.updatedAt, createdBy: s.createdBy, updatedBy: s.updatedBy });

/** Whether writing `fields` over `before` keeps every value: such an edit is not a change, and is not journaled. */
export function unchanged(before: object, fields: object): boolean {
  const same = (a: unknown, b: unknown): boolean => a === b || (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null &&
    Object.keys({ ...a, ...b }).every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])));
  return Object.keys(fields).every((k) => same((before as Record<string, unknown>)[k], (fields as Record<string, unknown>)[k]));
}
