import { describe, expect, it } from 'vitest';
import { type Contact, mergeContactFields } from '../../src/domain/contact.js';
import { fieldChanges } from '../../src/domain/history.js';
import { buildOrgChart, reportingLoop } from '../../src/domain/orgchart.js';

const person = (id: number, over: Partial<Contact> = {}): Contact => ({
  id, name: `P${id}`, emails: [], phones: [], title: null, companyId: null, role: null, reportsToId: null, source: null,
  lifecycle: 'lead', consent: 'unknown', doNotContact: false, wallet: null, owner: 'alice', notes: null,
  externalId: null, tags: [], company: null, reportsTo: null, uuid: '', createdAt: '', updatedAt: '', createdBy: '', updatedBy: '',
  ...over,
});

describe('org chart', () => {
  it('nests reports under managers; outsiders and top people are roots', () => {
    const roots = buildOrgChart([
      { id: 1, reportsToId: null }, { id: 2, reportsToId: 1 }, { id: 3, reportsToId: 2 },
      { id: 4, reportsToId: 1 }, { id: 5, reportsToId: 99 },
    ]);
    const shape = (n: { item: { id: number }; reports: any[] }): unknown => [n.item.id, n.reports.map(shape)];
    expect(roots.map(shape)).toEqual([[1, [[2, [[3, []]]], [4, []]]], [5, []]]);
  });

  it('detects loops through the manager chain', () => {
    // 3 reports to 2, 2 reports to 1. Making 1 report to 3 closes 1 -> 3 -> 2 -> 1.
    expect(reportingLoop(1, [3, 2, 1])).toEqual([3, 2, 1]);
    expect(reportingLoop(1, [4])).toEqual([]);
    expect(reportingLoop(5, [3, 2, 1])).toEqual([]);
  });
});

describe('mergeContactFields', () => {
  it("keeps KEEP's values, fills gaps from DUP, unites lists and respects do-not-contact", () => {
    const keep = person(1, { emails: ['a@x.example'], phones: ['1'], title: 'CEO', tags: ['vip'], notes: 'met at fair' });
    const dup = person(2, {
      emails: ['b@x.example', 'a@x.example'], phones: ['2'], title: 'Chief', role: 'champion', tags: ['partner'],
      notes: 'likes golf', doNotContact: true, consent: 'opted-out', companyId: 7, reportsToId: 1,
    });
    expect(mergeContactFields(keep, dup)).toMatchObject({
      name: 'P1', emails: ['a@x.example', 'b@x.example'], phones: ['1', '2'], title: 'CEO', role: 'champion',
      companyId: 7, reportsToId: null, consent: 'opted-out', doNotContact: true, tags: ['partner', 'vip'],
      notes: 'met at fair\nlikes golf',
    });
  });
});

describe('fieldChanges', () => {
  it('lists changed fields only, ignoring stamps', () => {
    expect(fieldChanges({ name: 'A', tags: ['x'], updatedAt: '1' }, { name: 'B', tags: ['x'], updatedAt: '2' }))
      .toEqual([{ field: 'name', before: 'A', after: 'B' }]);
    expect(fieldChanges(null, { name: 'A' })).toEqual([{ field: 'name', before: null, after: 'A' }]);
  });
});
