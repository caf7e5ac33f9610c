import { describe, expect, it } from 'vitest';
import { currencyDigits, parseCurrency, parseMoney, toMajor, toMinor } from '../../src/domain/money.js';
import { formatMoney, plainMoney } from '../../src/output/money.js';

describe('parseMoney', () => {
  it.each([
    ['12,500.50', 'USD', 1250050, 'USD'],
    ['12500.5', 'EUR', 1250050, 'EUR'],
    ['12500', 'EUR', 1250000, 'EUR'],
    ['1,234,567', 'USD', 123456700, 'USD'],
    ['EUR 99', 'USD', 9900, 'EUR'],
    ['99.9 gbp', 'USD', 9990, 'GBP'],
    ['5000', 'JPY', 5000, 'JPY'],
    ['1.234', 'KWD', 1234, 'KWD'],
    ['0', 'USD', 0, 'USD'],
    ['7.', 'USD', 700, 'USD'],
  ])('%s (%s) -> %d %s', (text, currency, minor, code) => {
    expect(parseMoney(text, '--amount', currency)).toEqual({ minor, currency: code });
  });

  it('allows negatives only when asked', () => {
    expect(() => parseMoney('-5', '--amount', 'USD')).toThrow(/--amount: "-5" is negative/);
    expect(parseMoney('-5.25', '--amount', 'USD', { allowNegative: true })).toEqual({ minor: -525, currency: 'USD' });
  });

  it.each([
    ['12.345', /3 decimal places but USD allows 2/],
    ['1,23', /is not an amount/],
    ['12,50.00', /is not an amount/],
    ['abc', /is not an amount/],
    ['EUR 5 USD', /two currencies/],
    ['5 XYZ', /not an ISO 4217 currency code/],
    ['1.5', /0 decimal places|JPY allows 0/],
  ])('rejects %s', (text, message) => {
    expect(() => parseMoney(text, '--amount', text === '1.5' ? 'JPY' : 'USD')).toThrow(message);
  });
});

describe('currencies', () => {
  it('knows minor-unit digits', () => {
    expect([currencyDigits('EUR'), currencyDigits('JPY'), currencyDigits('KWD')]).toEqual([2, 0, 3]);
  });
  it('validates codes', () => {
    expect(parseCurrency('eur', '--currency')).toBe('EUR');
    expect(() => parseCurrency('euro', '--currency')).toThrow(/--currency: "euro" is not an ISO 4217/);
  });
  it('converts between minor and major units without float drift', () => {
    expect(toMajor(1250050, 'EUR')).toBe(12500.5);
    expect(toMinor(0.1 + 0.2, 'USD')).toBe(30);
    expect(toMajor(5000, 'JPY')).toBe(5000);
  });
  it('formats for people in the locale, and plainly for pipes', () => {
    expect(formatMoney(12500.5, 'EUR', 'en-US')).toBe('€12,500.50');
    expect(formatMoney(12500.5, 'EUR', 'de-DE')).toBe('12.500,50\u00a0€');
    expect(formatMoney(5000, 'JPY', 'en-US')).toBe('¥5,000');
    expect([plainMoney(12500.5, 'EUR'), plainMoney(5000, 'JPY'), plainMoney(-1.5, 'KWD')]).toEqual(['12500.50 EUR', '5000 JPY', '-1.500 KWD']);
  });
});
