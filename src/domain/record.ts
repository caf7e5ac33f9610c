import { toMajor } from './money.js';

/** What every stored record carries (product.md: created/updated timestamps and who changed it). */
export interface Stamps {
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
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

export const stampsJson = (s: Stamps) => ({ createdAt: s.createdAt, updatedAt: s.updatedAt, createdBy: s.createdBy, updatedBy: s.updatedBy });
