import { describe, expect, it } from 'vitest';
import { withWallets } from '../../src/store/contact-text.js';

/** A contact text as an engine joins it, its wallet marked (contact-text.ts) or left null. */
const marked = (name: string, minor: string | null, currency: string) => `{"name":${JSON.stringify(name)},"wallet":${
  minor === null ? 'null,"currency":null' : `\u0001${minor}\u0001,"currency":${JSON.stringify(currency)}`},"notes":null}`;

describe('withWallets', () => {
  it('writes each marked wallet as JSON.stringify writes it, and leaves the rest byte for byte', () => {
    const joined = [marked('Ann', '123456', 'USD'), marked('Bo "wallet":\u0001', null, ''), marked('Ōta', '1500', 'JPY'),
      marked('Di', '12345', 'BHD'), marked('Re', '0.30000000000000004', 'USD'), marked('Ze', '-5', 'EUR')].join('\n');
    const out = Buffer.from(withWallets(Buffer.from(joined))).toString('utf8');
    expect(out.split('\n').map((t) => JSON.parse(t))).toEqual([
      { name: 'Ann', wallet: 1234.56, currency: 'USD', notes: null },
      { name: 'Bo "wallet":\u0001', wallet: null, currency: null, notes: null },
      { name: 'Ōta', wallet: 1500, currency: 'JPY', notes: null },
      { name: 'Di', wallet: 12.345, currency: 'BHD', notes: null },
      { name: 'Re', wallet: 0.30000000000000004 / 100, currency: 'USD', notes: null },
      { name: 'Ze', wallet: -0.05, currency: 'EUR', notes: null },
    ]);
    expect(out).toBe(out.split('\n').map((t) => JSON.stringify(JSON.parse(t))).join('\n'));
    // PostgreSQL hands over its batches as strings.
    expect(withWallets(joined)).toBe(out);
  });

  it('hands back the very bytes it was given when no wallet is marked', () => {
    const text = [marked('Ann', null, ''), marked('Bo', null, '')].join(',');
    const bytes = Buffer.from(text);
    expect(withWallets(bytes)).toBe(bytes);
    expect(withWallets(text)).toBe(text);
  });
});
