import { describe, expect, it } from 'vitest';
import { CustomerDirectory } from '../../src/domain/customer-value.js';
import { descendingOrder, standing } from '../../src/domain/standing.js';

describe('where values stand (scores and report orders without a comparison per pair)', () => {
  it('counts the values below and at most each value, whole numbers in a narrow range and any others alike', () => {
    // Days: counted. 3 is above 1 and 2 (below 2), and at most 3 counts the two 3s too.
    expect(standing([3, 1, 3, 2])).toEqual({ below: Uint32Array.of(2, 0, 2, 1), atMost: Uint32Array.of(4, 1, 4, 2) });
    // Amounts far apart and fractions: sorted.
    expect(standing([1e12, -5.5, 1e12, 0])).toEqual({ below: Uint32Array.of(2, 0, 2, 1), atMost: Uint32Array.of(4, 1, 4, 2) });
    expect(standing([])).toEqual({ below: new Uint32Array(0), atMost: new Uint32Array(0) });
  });

  it('orders by value, highest first, and calls the tie-break only among equal values', () => {
    const pairs: [number, number][] = [];
    const order = descendingOrder([5, 9, 5, 1, 5], (a, b) => {
      pairs.push([a, b]);
      return b - a; // ties: the later position first
    });
    expect([...order]).toEqual([1, 4, 2, 0, 3]);
    expect(pairs.every(([a, b]) => [0, 2, 4].includes(a) && [0, 2, 4].includes(b))).toBe(true);
  });
});

describe('the customer directory', () => {
  it('finds customers read in kind and id order, and customers added in any order (the later entry of a customer wins)', () => {
    const read = new CustomerDirectory();
    read.addColumns('company', [2, 7, 30], ['B', 'G', 'Z'], ['b', null, 'z']);
    read.addColumns('contact', [1, 7], ['Ann', 'Lee'], [null, 'L-7']);
    expect([read.find(0, 7), read.find(1, 7), read.find(0, 1), read.find(1, 30)]).toEqual([1, 4, -1, -1]);
    expect(read.describe(1, 7)).toEqual({ kind: 'contact', id: 7, name: 'Lee', externalId: 'L-7' });
    expect(read.describe(0, 5)).toEqual({ kind: 'company', id: 5, name: '', externalId: null });
    const given = new CustomerDirectory();
    given.add('contact', 7, 'Lee', null, null, null);
    given.add('company', 9, 'Old', null, 100, 'USD');
    given.add('company', 3, 'C', null, null, null);
    given.add('company', 9, 'New', null, 200, 'EUR');
    expect([given.describeKey('company:9').name, given.find(0, 3), given.find(1, 7), given.find(1, 3)]).toEqual(['New', 2, 0, -1]);
  });
});
