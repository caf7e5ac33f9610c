import { describe, expect, it } from 'vitest';
import { CustomerDirectory } from '../../src/domain/customer-value.js';

describe('the customer directory', () => {
  it('joins columns of each kind, without wallets as none, and finds customers by kind and id', () => {
    const d = new CustomerDirectory();
    d.addColumns('company', [2, 7], ['Acme', 'Beta'], [null, 'B-7'], { minor: [500, null], currency: ['EUR', null] });
    d.addColumns('contact', [], [], []);
    d.addColumns('contact', [3], ['Pat'], ['P-3']);
    expect(d.size).toBe(3);
    expect([d.walletMinor, d.walletCurrency]).toEqual([[500, null, null], ['EUR', null, null]]);
    expect(d.describe(0, 7)).toEqual({ kind: 'company', id: 7, name: 'Beta', externalId: 'B-7' });
    expect(d.describe(1, 3)).toEqual({ kind: 'contact', id: 3, name: 'Pat', externalId: 'P-3' });
    expect(d.describe(1, 2)).toEqual({ kind: 'contact', id: 2, name: '', externalId: null });
  });

  it('finds customers whose columns came out of id order', () => {
    const d = new CustomerDirectory();
    d.addColumns('company', [9, 4], ['Nine', 'Four'], [null, null]);
    d.add('company', 1, 'One', null, null, null);
    expect([d.find(0, 4), d.find(0, 9), d.find(0, 1), d.find(0, 5)]).toEqual([1, 0, 2, -1]);
  });
});
