import { describe, expect, it } from 'vitest';
import {
  bestMatches, type Candidate, type Match, matchByName, nameKey, parseRef, pickOne, type RecordKind,
} from '../../src/domain/reference.js';
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

describe('bestMatches: the order of precedence of crm help references', () => {
  const c = (kind: RecordKind, id: number, name: string): Candidate => ({ kind, id, name });
  /** A finder over fixed records: what each kind offers at each tier, and which lookups were made. */
  const finder = (offers: Partial<Record<RecordKind, Partial<Record<Match, Candidate[]>>>>) => {
    const asked: string[] = [];
    const find = async (kind: RecordKind, match: Match) => {
      asked.push(`${kind}:${match}`);
      const found = offers[kind]?.[match] ?? [];
      return { candidates: found, total: found.length };
    };
    return { find, asked };
  };

  it('an exact match in any kind wins over partial matches in every kind, and looks no further', async () => {
    const { find, asked } = finder({
      company: { exact: [c('company', 1, 'Acme')], prefix: [c('company', 2, 'Acme GmbH')] },
      contact: { prefix: [c('contact', 5, 'Acme Jones')] },
    });
    expect(await bestMatches(['contact', 'company'], find)).toEqual({ candidates: [c('company', 1, 'Acme')], total: 1, match: 'exact' });
    expect(asked).toEqual(['contact:exact', 'company:exact']);
  });

  it('a unique prefix beats several substring matches of the same kind', async () => {
    const { find, asked } = finder({ company: {
      prefix: [c('company', 1, 'Acme GmbH')], substring: [c('company', 2, 'Big Acme'), c('company', 3, 'Old Acme')],
    } });
    expect(await bestMatches(['company'], find)).toMatchObject({ candidates: [c('company', 1, 'Acme GmbH')], total: 1, match: 'partial' });
    expect(asked).toEqual(['company:exact', 'company:prefix']);
  });

  it('falls back to substrings only in a kind without prefix matches', async () => {
    const { find } = finder({ contact: { substring: [c('contact', 7, 'Zhang Wei 张伟')] } });
    expect(await bestMatches(['contact'], find)).toMatchObject({ candidates: [c('contact', 7, 'Zhang Wei 张伟')], match: 'partial' });
  });

  it('across kinds, each kind offers its best partial matches and all of them are candidates', async () => {
    const { find } = finder({
      company: { prefix: [c('company', 1, 'Acme GmbH')] },
      contact: { substring: [c('contact', 4, 'Ben Acme-Smith')] },
    });
    expect(await bestMatches(['contact', 'company', 'deal'], find)).toEqual({
      candidates: [c('contact', 4, 'Ben Acme-Smith'), c('company', 1, 'Acme GmbH')], total: 2, match: 'partial' });
  });

  it('finds nothing when no kind matches at any tier', async () => {
    const { find } = finder({});
    expect(await bestMatches(['company', 'contact'], find)).toEqual({ candidates: [], total: 0, match: 'partial' });
  });
});

describe('pickOne of partial matches', () => {
  const many = Array.from({ length: 10 }, (_, i): Candidate => ({ kind: 'company', id: i + 1, name: `Acme ${i + 1}` }));

  it('counts every match, lists the first eight, and says to type more', () => {
    const e = (() => { try { pickOne(parseRef('acm'), many, 'company', { total: 25, match: 'partial' }); } catch (x) { return x as CrmError; } })()!;
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe('"acm" matches 25 records: #1 Acme 1, #2 Acme 2, #3 Acme 3, #4 Acme 4, #5 Acme 5, #6 Acme 6, #7 Acme 7, #8 Acme 8, and 17 more');
    expect(e.hint).toBe('type more of the name, or use the id');
  });
});

describe('matchByName (stages)', () => {
  const stages = ['Lead', 'Qualified', 'Proposal', 'Negotiation', 'Won', 'Lost', 'Proposal sent'];
  const names = (text: string) => matchByName(stages, (s) => s, text);

  it('an exact name (any case) wins; otherwise every stage the text starts', () => {
    expect(names('proposal')).toEqual(['Proposal']);
    expect(names('NEG')).toEqual(['Negotiation']);
    expect(names('l')).toEqual(['Lead', 'Lost']);
    expect(names('propo')).toEqual(['Proposal', 'Proposal sent']);
  });

  it('does not match inside a name', () => {
    expect(names('otiation')).toEqual([]);
  });
});
