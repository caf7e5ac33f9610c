import { check, rejected, rule } from './check.js';

let known: Set<string> | undefined;

/** ISO 4217 codes as the ICU data bundled with Node knows them. */
export function isCurrency(code: string): boolean {
  known ??= new Set(Intl.supportedValuesOf('currency'));
  return known.has(code);
}

const digitsCache = new Map<string, number>();

/** Minor-unit digits of a currency: 2 for EUR, 0 for JPY, 3 for KWD. */
export function currencyDigits(currency: string): number {
  let d = digitsCache.get(currency);
  if (d === undefined) {
    d = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, d);
  }
  return d;
}

/** An ISO 4217 code as people type it (eur = EUR), on the command line or in the config file. */
export const currencyCode = rule((v) => {
  const code = typeof v === 'string' ? v.trim().toUpperCase() : '';
  return /^[A-Z]{3}$/.test(code) && isCurrency(code) ? { ok: true, value: code }
    : { ok: false, message: 'is not an ISO 4217 currency code; use a code such as EUR, USD or GBP' };
});

export const parseCurrency = (text: string, field: string): string => check(currencyCode, text, field);

export interface Money {
  minor: number;
  currency: string;
}

const AMOUNT = /^([A-Za-z]{3})?\s*([+-])?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?\s*([A-Za-z]{3})?$/;

/**
 * Parses an amount as people write it ("12,500.50", "12500.5", "EUR 99", "99 EUR") into integer minor units.
 * A currency code in the text must agree with `currency`, which otherwise applies.
 */
export function parseMoney(
  text: string,
  field: string,
  currency: string,
  opts: { allowNegative?: boolean } = {},
): Money {
  const m = AMOUNT.exec(text.trim());
  const example = 'write it like 12,500.50 or 12500.5, optionally with a currency code (EUR 12,500.50)';
  if (!m) throw rejected(field, text, `is not an amount; ${example}`);
  const [, pre, sign, whole, frac = '', post] = m;
  if (pre && post) throw rejected(field, text, `names two currencies; ${example}`);
  const code = pre || post ? parseCurrency((pre ?? post)!, field) : currency;
  const digits = currencyDigits(code);
  if (frac.length > digits) {
    throw rejected(field, text, `has ${frac.length} decimal places but ${code} allows ${digits}; ` +
      (digits === 0 ? `give a whole number of ${code}` : `round it to ${digits} decimal places`));
  }
  const minor = Number(whole!.replaceAll(',', '') + frac.padEnd(digits, '0')) * (sign === '-' ? -1 : 1);
  if (!Number.isSafeInteger(minor)) throw rejected(field, text, 'is too large; give a smaller amount');
  if (minor < 0 && !opts.allowNegative) throw rejected(field, text, 'is negative; give an amount of zero or more');
  return { minor: minor === 0 ? 0 : minor, currency: code };
}

/** Major units as a JSON number, e.g. 1250050 EUR -> 12500.5. */
export function toMajor(minor: number, currency: string): number {
  return minor / 10 ** currencyDigits(currency);
}

/** Major units back to minor units; rounding guards against binary fractions like 0.1 + 0.2. */
export function toMinor(major: number, currency: string): number {
  return Math.round(major * 10 ** currencyDigits(currency));
}
