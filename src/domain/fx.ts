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

/** What could not be converted, per currency, for the report's `unconverted` list. */
export class Unconverted {
  private byCurrency = new Map<string, { deals: number; minor: number }>();

  add(currency: string, minor: number): void {
    const e = this.byCurrency.get(currency) ?? { deals: 0, minor: 0 };
    e.deals += 1;
    e.minor += minor;
    this.byCurrency.set(currency, e);
  }

  list(): { currency: string; deals: number; amount: number }[] {
    return [...this.byCurrency].sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, e]) => ({ currency, deals: e.deals, amount: e.minor / 10 ** currencyDigits(currency) }));
  }
}
