import { describe, expect, it } from 'vitest';
import {
  type Found, idDigits, label, prefixKey, splitQualifier, startingWith, withinLimit,
} from '../../src/domain/completion.js';
import { nameKey } from '../../src/domain/reference.js';

const rec = (kind: Found['kind'], id: number, name: string, detail: string | null = null, by: Found['by'] = 'name'): Found =>
  ({ kind, id, name, key: nameKey(name), detail, by });

describe('label', () => {
  it('offers names, with their detail, when each names one record', () => {
    expect(label([rec('contact', 1, 'Li Na', 'li@acme.example'), rec('contact', 2, 'Lisa Wong')], ['contact'])).toEqual([
      { value: 'Li Na', description: 'li@acme.example' }, { value: 'Lisa Wong' }]);
  });

  it('offers ids where records share a name, so that the completed value is never ambiguous', () => {
    expect(label([rec('contact', 3, 'Dup Name', 'a@x.example'), rec('contact', 4, 'dup  NAME', 'b@x.example')], ['contact'])).toEqual([
      { value: '3', description: 'Dup Name (a@x.example)' }, { value: '4', description: 'dup NAME (b@x.example)' }]);
  });

  it("offers the id of a name that is also another record's email, domain or external id", () => {
    const found = [rec('company', 1, 'acme.example'), rec('company', 3, 'Globex')];
    const aliases = [{ kind: 'company' as const, id: 2, text: 'acme.example' }, { kind: 'company' as const, id: 3, text: 'globex' }];
    // Globex's own external id is "globex": the resolver finds the one record, so its name stays.
    expect(label(found, ['company'], undefined, aliases).map((c) => c.value)).toEqual(['1', 'Globex']);
    expect(label([rec('contact', 5, 'li@acme.example')], ['contact', 'company'], 'contact', [{ kind: 'company', id: 9, text: 'li@acme.example' }])
      .map((c) => c.value)).toEqual(['contact:li@acme.example']);
  });

  it('qualifies the kind where a reference takes several kinds and only the kind tells records apart', () => {
    const found = [rec('company', 1, 'Globex', 'globex.example'), rec('contact', 9, 'Globex'), rec('deal', 2, 'Globex rollout', 'Globex, Lead'),
      rec('contact', 3, 'Dup'), rec('contact', 4, 'Dup')];
    expect(label(found, ['contact', 'company', 'deal']).map((c) => [c.value, c.description])).toEqual([
      ['company:Globex', 'globex.example'], ['contact:Globex', undefined], ['Globex rollout', 'deal, Globex, Lead'],
      ['contact:3', 'Dup'], ['contact:4', 'Dup']]);
  });

  it('keeps a typed kind on every value', () => {
    expect(label([rec('deal', 2, 'Globex rollout'), rec('deal', 7, 'Twin'), rec('deal', 8, 'Twin')], ['contact', 'company', 'deal'], 'deal')
      .map((c) => c.value)).toEqual(['deal:Globex rollout', 'deal:7', 'deal:8']);
  });

  it('names by id what its name cannot name: digits, or another kind\'s qualifier', () => {
    expect(label([rec('company', 5, '1999')], ['company']).map((c) => c.value)).toEqual(['5']);
    expect(label([rec('deal', 6, 'contact:x')], ['deal']).map((c) => c.value)).toEqual(['6']);
    // With its own kind in front, "deal:contact:x" is read as the deal titled "contact:x".
    expect(label([rec('company', 5, '1999'), rec('deal', 6, 'contact:x')], ['deal', 'company']).map((c) => c.value))
      .toEqual(['company:5', 'deal:contact:x']);
  });

  it('offers ids found by their digits, with the name as the description', () => {
    expect(label([rec('contact', 12, 'Li Na', 'li@acme.example', 'id')], ['contact'])).toEqual([{ value: '12', description: 'Li Na (li@acme.example)' }]);
    expect(label([rec('deal', 12, 'X', null, 'id')], ['company', 'deal'])).toEqual([{ value: 'deal:12', description: 'X' }]);
  });

  it('leaves out values a line of output cannot hold', () => {
    expect(label([rec('contact', 1, 'Tab\there')], ['contact'])).toEqual([]);
  });
});

describe('withinLimit', () => {
  it('cuts at the limit without separating namesakes, who would look unique', () => {
    const found = [rec('contact', 1, 'A'), rec('contact', 2, 'B'), rec('contact', 3, 'B'), rec('contact', 4, 'C')];
    expect(withinLimit(found, 2).map((f) => f.id)).toEqual([1]);
    expect(withinLimit(found, 3).map((f) => f.id)).toEqual([1, 2, 3]);
    expect(withinLimit(found, 4)).toEqual(found);
  });
});

describe('prefixes', () => {
  it('fold like name keys, keeping the space the user typed last', () => {
    expect(prefixKey('  LI  ')).toBe('li ');
    expect(prefixKey('Ｌｉ')).toBe('li');
  });

  it('read digits as the start of an id, and a known kind before a colon as a qualifier', () => {
    expect([idDigits('12'), idDigits('#12'), idDigits('012'), idDigits('12a'), idDigits('')]).toEqual(['12', '12', undefined, undefined, undefined]);
    expect(splitQualifier('deal:Glo', ['contact', 'deal'])).toEqual({ kind: 'deal', rest: 'Glo' });
    expect(splitQualifier('company:Glo', ['contact', 'deal'])).toEqual({ rest: 'company:Glo' });
    expect(splitQualifier('re:Invent', ['deal'])).toEqual({ rest: 're:Invent' });
  });

  it('filter fixed values case-insensitively', () => {
    expect(startingWith([{ value: 'Lead' }, { value: 'Lost' }, { value: 'Won' }], 'l').map((c) => c.value)).toEqual(['Lead', 'Lost']);
  });
});
