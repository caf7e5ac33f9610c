import { describe, expect, it } from 'vitest';
import { KeyQueue, RecordIndex } from '../../src/domain/imports/match.js';

const people = () => {
  const index = new RecordIndex();
  index.add({ id: 1, uuid: 'u-1', name: 'Li Na', emails: ['li@acme.example'], externalId: null });
  index.add({ id: 2, uuid: 'u-2', name: 'Tom Berg', emails: ['tom@acme.example', 'tb@home.example'], externalId: 'hs-2' });
  index.add({ id: 3, uuid: 'u-3', name: 'Zhang Wei 张伟', emails: [], externalId: null });
  return index;
};

describe('RecordIndex: which existing record an imported row means', () => {
  it('matches by uuid first, then email, domain, external id, then exact name (case and width folded)', () => {
    const index = people();
    expect(index.find({ uuid: 'u-3', name: 'Someone Else', emails: ['li@acme.example'] })).toEqual({ id: 3, by: 'uuid' });
    expect(index.find({ name: 'Somebody', emails: ['TB@home.example'] })).toEqual({ id: 2, by: 'email' });
    expect(index.find({ name: 'Somebody', externalId: 'hs-2' })).toEqual({ id: 2, by: 'externalId' });
    expect(index.find({ name: 'ZHANG  WEI 张伟' })).toEqual({ id: 3, by: 'name' });
    expect(index.find({ name: 'Ｌｉ Ｎａ' })).toEqual({ id: 1, by: 'name' });
    expect(index.find({ name: 'Nobody' })).toBeNull();
    const companies = new RecordIndex();
    companies.add({ id: 7, uuid: 'c-7', name: 'Acme GmbH', domain: 'acme.example' });
    expect(companies.find({ name: 'ACME', domain: 'acme.example' })).toEqual({ id: 7, by: 'domain' });
  });

  it('does not take a namesake who contradicts the row: other emails, another external id or domain', () => {
    const index = people();
    expect(index.find({ name: 'Tom Berg', emails: ['tom@other.example'] })).toBeNull();
    expect(index.find({ name: 'Tom Berg', externalId: 'hs-99' })).toBeNull();
    // Without emails or an id to compare, the name decides.
    expect(index.find({ name: 'Tom Berg' })).toEqual({ id: 2, by: 'name' });
    expect(index.find({ name: 'Li Na', emails: ['li.na@new.example'] })).toBeNull();
    expect(index.find({ name: 'Zhang Wei 张伟', emails: ['zw@acme.example'] })).toEqual({ id: 3, by: 'name' });
  });

  it('keeps two rows of one file with different uuids apart, but lets a row claim a namesake from before', () => {
    const index = people();
    // A record this import created from a row with a uuid is that row's record: another uuid is someone else.
    index.add({ id: 10, uuid: 'f-1', name: 'Ana Díaz', emails: [] }, { fromFile: true });
    expect(index.find({ uuid: 'f-2', name: 'Ana Díaz' })).toBeNull();
    expect(index.find({ uuid: 'f-1', name: 'x' })).toEqual({ id: 10, by: 'uuid' });
    expect(index.find({ name: 'Ana Díaz' })).toEqual({ id: 10, by: 'name' });
    // A record that was there before is matched by name whatever uuid the row carries (another database's)...
    expect(index.find({ uuid: 'other-db', name: 'Li Na' })).toEqual({ id: 1, by: 'name' });
    // ...and once a row claimed it, its uuid names it for the rest of the import, and another uuid is someone else.
    index.claim(1, { uuid: 'other-db', name: 'Li Na', emails: ['li.na@new.example'] });
    expect(index.find({ uuid: 'other-db', name: 'x' })).toEqual({ id: 1, by: 'uuid' });
    expect(index.find({ uuid: 'third-db', name: 'Li Na' })).toBeNull();
    expect(index.find({ name: 'x', emails: ['li.na@new.example'] })).toEqual({ id: 1, by: 'email' });
  });

  it('says when a key names several records, with their ids', () => {
    const index = people();
    expect(index.find({ name: 'x', emails: ['li@acme.example', 'tom@acme.example'] })).toEqual({ ids: [1, 2], by: 'email' });
    index.add({ id: 4, uuid: 'u-4', name: 'li na', emails: [] });
    expect(index.find({ name: 'Li Na' })).toEqual({ ids: [1, 4], by: 'name' });
    expect(index.find({ name: 'Li Na', emails: ['li@acme.example'] })).toEqual({ id: 1, by: 'email' });
  });

  it('matches names only within the same scope (a deal title within its company)', () => {
    const deals = new RecordIndex();
    deals.add({ id: 1, uuid: 'd-1', name: 'Renewal', scope: 5 });
    deals.add({ id: 2, uuid: 'd-2', name: 'Renewal', scope: 6 });
    expect(deals.find({ name: 'renewal', scope: 6 })).toEqual({ id: 2, by: 'name' });
    expect(deals.find({ name: 'renewal', scope: null })).toBeNull();
  });

  it('answers id lookups and knows every id it holds', () => {
    const index = people();
    expect([index.has(2), index.has(9), index.get(3)?.name]).toEqual([true, false, 'Zhang Wei 张伟']);
  });
});

describe('KeyQueue: records without a name (activities, orders) matched one for one', () => {
  it('gives the n-th row with a key the n-th record with it, and then nothing', () => {
    const q = new KeyQueue();
    q.add('call|2026-03-01|Kickoff', 4);
    q.add('call|2026-03-01|Kickoff', 9);
    expect([q.take('call|2026-03-01|Kickoff'), q.take('call|2026-03-01|Kickoff'), q.take('call|2026-03-01|Kickoff')]).toEqual([4, 9, undefined]);
    q.add('x', 1);
    q.remove(1);
    expect(q.take('x')).toBeUndefined();
  });
});

describe('findRef: the record a reference cell names', () => {
  it('takes a known uuid, else an id, an exact email, domain or external id, else an exact name; never a part of one', async () => {
    const { findRef } = await import('../../src/domain/imports/match.js');
    const companies = new RecordIndex();
    companies.add({ id: 1, uuid: 'c-1', name: 'Acme GmbH', domain: 'acme.example', externalId: '0015g00000XyZ' });
    companies.add({ id: 2, uuid: 'c-2', name: 'Globex' });
    expect(findRef(companies, { uuid: 'c-2', text: 'Acme GmbH' })).toEqual({ id: 2, by: 'uuid' });
    // A uuid from another database is not known here: the name decides.
    expect(findRef(companies, { uuid: 'elsewhere', text: 'Acme GmbH' })).toEqual({ id: 1, by: 'name' });
    expect(findRef(companies, { uuid: null, text: '#2' })).toEqual({ id: 2, by: 'id' });
    expect(findRef(companies, { uuid: null, text: '9' })).toBeNull();
    expect(findRef(companies, { uuid: null, text: 'ACME.example' })).toEqual({ id: 1, by: 'domain' });
    expect(findRef(companies, { uuid: null, text: '0015g00000XyZ' })).toEqual({ id: 1, by: 'externalId' });
    expect(findRef(companies, { uuid: null, text: 'Acme' })).toBeNull();
  });
});
