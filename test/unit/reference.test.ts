import { describe, expect, it } from 'vitest';
import { type Candidate, nameKey, parseRef, pickOne } from '../../src/domain/reference.js';
import { CrmError } from '../../src/errors.js';

describe('parseRef', () => {
  it('reads ids, names and qualified kinds', () => {
    expect(parseRef('12')).toMatchObject({ id: 12 });
    expect(parseRef('#7')).toMatchObject({ id: 7 });
    expect(parseRef('Acme GmbH')).toMatchObject({ text: 'Acme GmbH', kind: undefined });
    expect(parseRef('contact:12')).toMatchObject({ kind: 'contact', id: 12 });
    expect(parseRef('company: Acme')).toMatchObject({ kind: 'company', text: 'Acme' });
    expect(parseRef('li@acme.example')).toMatchObject({ text: 'li@acme.example' });
    // An unknown prefix is part of the name ("Note: ..." or "re:Invent").
    expect(parseRef('re:Invent')).toMatchObject({ text: 're:Invent', kind: undefined });
  });

  it('refuses a kind the command does not take, and empty references', () => {
    expect(() => parseRef('company:1', ['contact'])).toThrow(/names a company, but a contact is expected/);
    expect(() => parseRef('  ')).toThrow(CrmError);
  });
});

describe('nameKey', () => {
  it('folds case, width and spacing', () => {
    expect(nameKey('  ACME   GmbH ')).toBe(nameKey('acme gmbh'));
    expect(nameKey('Ｚｈａｎｇ')).toBe('zhang');
    expect(nameKey('Zhang Wei 张伟')).toBe('zhang wei 张伟');
    expect(nameKey('ÄRGER')).toBe('ärger');
  });
});

describe('pickOne', () => {
  const a: Candidate = { kind: 'contact', id: 2, name: 'Li Na', detail: 'li@acme.example' };
  const b: Candidate = { kind: 'contact', id: 3, name: 'Li Na', detail: 'li2@x.example' };

  it('returns the only candidate', () => {
    expect(pickOne(parseRef('Li Na'), [a], 'contact')).toBe(a);
  });

  it('fails with exit 3 when nothing matches', () => {
    const e = (() => { try { pickOne(parseRef('Nobody'), [], 'contact'); } catch (x) { return x as CrmError; } })()!;
    expect(e.exitCode).toBe(3);
    expect(e.message).toBe('no contact matches "Nobody"');
  });

  it('fails with exit 2 and lists every candidate when ambiguous', () => {
    const e = (() => { try { pickOne(parseRef('Li Na'), [a, b], 'contact'); } catch (x) { return x as CrmError; } })()!;
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe('"Li Na" matches 2 records: #2 Li Na (li@acme.example), #3 Li Na (li2@x.example)');
    expect(e.details).toEqual({ candidates: [{ kind: 'contact', id: 2, name: 'Li Na' }, { kind: 'contact', id: 3, name: 'Li Na' }] });
  });

  it('names the kind when candidates are of different kinds', () => {
    const c: Candidate = { kind: 'company', id: 2, name: 'Li Na' };
    expect(() => pickOne(parseRef('Li Na'), [c, a], 'company or contact')).toThrow(/company #2 Li Na, contact #2 Li Na/);
  });
});
