import { describe, expect, it } from 'vitest';
import { CustomerDirectory } from '../../src/domain/customer-value.js';
import { PackedNames } from '../../src/domain/packed-names.js';

describe('packed customer names', () => {
  const companies = { ids: [1, 2, 5, 9], names: ['Acme', 'Zoë & Søn', '', '😀 Emoji Ltd'], ext: ['A-1', null, '', 'E-😀'] };
  const people = { ids: [3, 4], names: ['Ana', 'Bo'], ext: [null, 'P-4'] };

  it('names every customer as the directory does, the unknown with an empty name, across parts and growth', () => {
    const directory = new CustomerDirectory();
    directory.addColumns('company', companies.ids, companies.names, companies.ext);
    directory.addColumns('contact', people.ids, people.names, people.ext);
    const packed = new PackedNames(2);
    packed.addColumns('company', companies.ids.slice(0, 2), companies.names.slice(0, 2), companies.ext.slice(0, 2));
    packed.addColumns('company', [], [], []);
    packed.addColumns('company', companies.ids.slice(2), companies.names.slice(2), companies.ext.slice(2));
    packed.addColumns('contact', people.ids, people.names, people.ext);
    expect(packed.size).toBe(6);
    for (const kind of [0, 1]) {
      for (const id of [0, 1, 2, 3, 4, 5, 6, 9, 10]) expect(packed.describe(kind, id)).toEqual(directory.describe(kind, id));
    }
  });

  it('refuses customers out of kind and id order: it finds them by halving', () => {
    const packed = new PackedNames();
    packed.addColumns('contact', [4], ['Bo'], [null]);
    expect(() => packed.addColumns('company', [1], ['Acme'], [null])).toThrow(/out of order/);
  });
});
