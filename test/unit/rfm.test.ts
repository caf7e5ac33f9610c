import { describe, expect, it } from 'vitest';
import { migration, type RfmScore } from '../../src/domain/rfm.js';

const now = (key: string, segment: string): RfmScore => ({ key, segment, recencyDays: 1, frequency: 1, monetary: 1, r: 1, f: 1, m: 1 });

describe('migration', () => {
  it('counts and lists only the customers who changed segment, new ones and lost ones included', () => {
    const before = new Map([['company:1', 'At Risk'], ['company:2', 'Champions'], ['contact:3', 'At Risk'], ['company:4', 'Hibernating'],
      ['company:10', 'At Risk']]);
    const m = migration(before, [now('company:1', 'Champions'), now('company:2', 'Champions'), now('contact:3', 'Champions'),
      now('company:5', 'New Customers'), now('company:10', 'Champions')]);
    expect(m.unchanged).toBe(1); // company:2
    expect(m.moved).toEqual([
      { from: 'At Risk', to: 'Champions', customers: 3 },
      { from: '(new)', to: 'New Customers', customers: 1 },
      { from: 'Hibernating', to: '(gone)', customers: 1 },
    ]);
    // In the order of the counts, then by id.
    expect(m.customers.map((c) => c.key)).toEqual(['company:1', 'contact:3', 'company:10', 'company:5', 'company:4']);
  });
});
