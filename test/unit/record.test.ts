import { describe, expect, it } from 'vitest';
import { unchanged } from '../../src/domain/record.js';

describe('unchanged', () => {
  const before = { id: 1, name: 'Acme', tags: ['a', 'b'], wallet: { minor: 500, currency: 'EUR' }, notes: null, updatedAt: 'x' };
  it('compares only the fields written, deeply and regardless of key order', () => {
    expect(unchanged(before, { name: 'Acme', tags: ['a', 'b'], wallet: { currency: 'EUR', minor: 500 }, notes: null })).toBe(true);
  });
  it('sees any difference: a value, a list, a nested amount, null against empty', () => {
    expect(unchanged(before, { name: 'Acme AG' })).toBe(false);
    expect(unchanged(before, { tags: ['a'] })).toBe(false);
    expect(unchanged(before, { wallet: { minor: 501, currency: 'EUR' } })).toBe(false);
    expect(unchanged(before, { notes: '' as string | null })).toBe(false);
  });
});
