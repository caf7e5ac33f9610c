import { currencyDigits } from './money.js';

/**
 * Converts amounts into the report currency with configured rates (the value of one unit of a currency in the
 * base currency). Amounts in a currency without a rate are not converted and are reported as such: mixed
 * currencies are never summed silently.
 */
export interface Converter {
  currency: string;
  /** Minor units in the report currency, or null when there is no rate. */
  convert(minor: number, currency: string): number | null;
}

export function converter(base: string, rates: Record<string, number>): Converter {
  return {
    currency: base,
    convert(minor, currency) {
      if (currency === base) return minor;
      const rate = rates[currency];
      if (rate === undefined) return null;
      const major = minor / 10 ** currencyDigits(currency);
      return Math.round(major * rate * 10 ** currencyDigits(base));
    },
  };
}

/** What a report can leave out for want of a rate; the JSON key that counts them in `unconverted`. */
export const LEFT_OUT = { deal: 'deals', order: 'orders', quota: 'quotas', wallet: 'wallets' } as const;
export type LeftOut = keyof typeof LEFT_OUT;

/** One line of a report's `unconverted` list: e.g. `{currency: 'GBP', orders: 3, amount: 180}`. */
export type UnconvertedEntry = { currency: string; amount: number } & { [K in (typeof LEFT_OUT)[LeftOut]]?: number };

/** What could not be converted, per kind of record and currency, for the report's `unconverted` list. */
export class Unconverted {
  private entries = new Map<string, { what: LeftOut; currency: string; count: number; minor: number }>();

  /** `count` records of one kind (one group of orders may stand for several) adding up to `minor`. */
  add(what: LeftOut, currency: string, minor: number, count = 1): void {
    const key = `${what}\u0000${currency}`;
    const e = this.entries.get(key) ?? { what, currency, count: 0, minor: 0 };
    e.count += count;
    e.minor += minor;
    this.entries.set(key, e);
  }

  /** By kind (in LEFT_OUT order), then currency: the order the warning names them in. */
  list(): UnconvertedEntry[] {
    const kinds = Object.keys(LEFT_OUT);
    return [...this.entries.values()]
      .sort((a, b) => kinds.indexOf(a.what) - kinds.indexOf(b.what) || a.currency.localeCompare(b.currency))
      .map((e) => ({ currency: e.currency, [LEFT_OUT[e.what]]: e.count, amount: e.minor / 10 ** currencyDigits(e.currency) }));
  }
}
