import { toMajor } from '../domain/money.js';

/**
 * The wallet as an engine's contact text leaves it, for JavaScript to write: SQLite writes a number with a fraction
 * as 1500.0 and PostgreSQL's numeric as 1500.00, where JSON.stringify writes 1500. A key with its quotes cannot occur
 * inside a JSON string (its quotes would be escaped), and no field before `wallet` is named so: the first match is
 * the contact's own.
 */
export const NO_WALLET = '"wallet":null,"currency":null';

/** A contact's text with its wallet written in, as JSON.stringify(contactJson(c)) writes it. */
export function withWallet(text: string, minor: number | string | null, currency: string | null): string {
  return minor === null || currency === null ? text
    : text.replace(NO_WALLET, () => `"wallet":${JSON.stringify(toMajor(Number(minor), currency))},"currency":${JSON.stringify(currency)}`);
}
