import { toMajor } from '../domain/money.js';

/**
 * The wallet as an engine's contact text leaves it, for JavaScript to write: SQLite writes a number with a fraction
 * as 1500.0 and PostgreSQL's numeric as 1500.00, where JSON.stringify writes 1500. A key with its quotes cannot occur
 * inside a JSON string (its quotes would be escaped), and no field before `wallet` is named so: the first match is
 * the contact's own.
 */
export const NO_WALLET = '"wallet":null,"currency":null';

/** The wallet as JSON.stringify(contactJson(c)) writes it, from the minor units and currency the engine read. */
const walletText = (minor: number | string, currency: string) =>
  `"wallet":${JSON.stringify(toMajor(Number(minor), currency))},"currency":${JSON.stringify(currency)}`;

/** A contact's text with its wallet written in, as JSON.stringify(contactJson(c)) writes it. */
export function withWallet(text: string, minor: number | string | null, currency: string | null): string {
  return minor === null || currency === null ? text : text.replace(NO_WALLET, () => walletText(minor, currency));
}

/**
 * A contact text with a wallet, as an engine writes it when it hands over many contacts as one text: `"wallet":`,
 * then the minor units between two U+0001 (a control character never stands unescaped in JSON text, so it marks
 * nothing else), then `,"currency":` and the currency as a JSON string. WALLETS finds each such wallet.
 */
const WALLETS = /"wallet":\u0001([^\u0001]*)\u0001,"currency":("(?:[^"\\]|\\.)*")/g;

/**
 * Contact texts joined as one, as a string or in UTF-8, with every marked wallet written in (as withWallet writes it).
 * Most lists have no wallet, or few: their text goes out as the engine wrote it, and bytes are never decoded.
 */
export function withWallets<T extends string | Uint8Array>(joined: T): T {
  const write = (text: string) => text.replace(WALLETS, (_, minor: string, currency: string) => walletText(minor, JSON.parse(currency) as string));
  if (typeof joined === 'string') return (joined.includes('\u0001') ? write(joined) : joined) as T;
  const bytes = Buffer.from(joined.buffer, joined.byteOffset, joined.byteLength);
  return (bytes.indexOf(1) === -1 ? joined : Buffer.from(write(bytes.toString('utf8')))) as T;
}
