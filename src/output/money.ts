import { currencyDigits } from '../domain/money.js';

/** Writes an amount (major units) with its currency: every view gets one, so money reads the same everywhere. */
export type MoneyText = (amount: number, currency: string) => string;

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * The one way money is written for people: the locale's currency format with the currency's own decimals
 * ("$94,529.00", "€1,200.50", "¥5,000"; "94.529,00 $" in de-DE). Never for JSON.
 */
export function formatMoney(amount: number, currency: string, locale: string): string {
  const key = `${locale}|${currency}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, f);
  }
  return f.format(amount);
}

/** For pipes and spreadsheets: the bare number with the currency's decimals ("94529.00"). */
export const plainAmount = (amount: number, currency: string): string => amount.toFixed(currencyDigits(currency));

/** Money inside plain text: the bare number and the code ("94529.00 USD"), as a script splits it. */
export const plainMoney: MoneyText = (amount, currency) => `${plainAmount(amount, currency)} ${currency}`;

const writers = new Map<string, MoneyText>();

/** The writer for a locale, for text that is read by people. */
export function moneyText(locale: string): MoneyText {
  let w = writers.get(locale);
  if (!w) {
    w = (amount, currency) => formatMoney(amount, currency, locale);
    writers.set(locale, w);
  }
  return w;
}
