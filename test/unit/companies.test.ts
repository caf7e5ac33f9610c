import { describe, expect, it } from 'vitest';
import { type Company, mergeCompanyFields } from '../../src/domain/company.js';

const company = (id: number, over: Partial<Company> = {}): Company => ({
  id, name: `C${id}`, domain: null, industry: null, size: null, address: null, wallet: null, owner: 'alice', notes: null,
  externalId: null, tags: [], uuid: '', createdAt: '', updatedAt: '', createdBy: '', updatedBy: '', ...over,
});

describe('mergeCompanyFields', () => {
  it("keeps KEEP's values and name, fills its gaps from DUP, unites tags and keeps both notes", () => {
    const keep = company(1, { name: 'Acme GmbH', industry: 'Manufacturing', tags: ['vip'], notes: 'HQ Berlin' });
    const dup = company(2, {
      name: 'ACME Inc.', domain: 'acme.example', industry: 'Retail', size: 120, address: '1 Main St',
      wallet: { minor: 5_000_00, currency: 'USD' }, owner: 'bob', notes: 'US office', externalId: 'SF-9', tags: ['partner', 'vip'],
    });
    expect(mergeCompanyFields(keep, dup)).toEqual({
      name: 'Acme GmbH', domain: 'acme.example', industry: 'Manufacturing', size: 120, address: '1 Main St',
      wallet: { minor: 5_000_00, currency: 'USD' }, owner: 'alice', notes: 'HQ Berlin\nUS office', externalId: 'SF-9',
      tags: ['partner', 'vip'],
    });
  });

  it('writes notes once when both say the same, and keeps KEEP\'s wallet over DUP\'s', () => {
    const keep = company(1, { notes: 'same', wallet: { minor: 1_00, currency: 'EUR' } });
    const dup = company(2, { notes: 'same', wallet: { minor: 9_00, currency: 'USD' } });
    expect(mergeCompanyFields(keep, dup)).toMatchObject({ notes: 'same', wallet: { minor: 1_00, currency: 'EUR' } });
  });
});
