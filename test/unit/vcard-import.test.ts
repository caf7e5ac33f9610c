import { describe, expect, it } from 'vitest';
import { CARD_FIELDS, type CardField, cardRows, categoryTag } from '../../src/domain/vcard/import.js';

const parse = (cells: Partial<Record<CardField, string>>) => cardRows.parse((f) => cells[f] ?? '');

describe('cards as import rows', () => {
  it('turns categories into tags: lower case, spaces and punctuation as -, nothing left dropped', () => {
    expect(['Key Account', 'Friends & Family', 'Starred in Android', 'VIP', '★', ' -x- ', 'Ärzte/Berlin'].map(categoryTag))
      .toEqual(['key-account', 'friends-family', 'starred-in-android', 'vip', null, 'x', 'ärzte-berlin']);
  });

  it('reads a person, a company card and a group; lists one value a line, emails lower case', () => {
    expect(parse({ kind: 'individual', name: 'Li Na', emails: 'Li@Acme.example\nli@acme.example', tags: 'VIP\nKey Account', role: 'Decision Maker', line: '3' }))
      .toEqual({ row: { kind: 'contact', line: 3, uid: null, name: 'Li Na', emails: ['li@acme.example'], phones: [], title: null, company: null,
        role: 'decision-maker', manager: null, tags: ['key-account', 'vip'], notes: null, externalId: null } });
    expect((parse({ kind: 'org', name: 'Acme' }) as any).row.kind).toBe('company');
    expect((parse({ kind: 'group', name: '' }) as any).row.kind).toBe('other');
  });

  it('says what is wrong with each field, all at once', () => {
    const r = parse({ kind: 'individual', name: '', emails: 'x@y.example\nnope', phones: 'call me', role: 'boss', manager: 'A\u0007B' });
    expect('problems' in r && r.problems.map((p) => [p.field, p.problem])).toEqual([
      ['name', 'is missing: the card has no FN, N or ORG (give it a name)'],
      ['manager', '"A\\u0007B" contains a line break or control character (write it as one line of plain text)'],
      ['emails', '"nope" is not a valid email address (write it like name@example.com)'],
      ['phones', '"call me" is not a phone number (use digits, spaces and + ( ) - . only, e.g. +49 30 1234567)'],
      ['role', '"boss" is not a buying role (use one of decision-maker, influencer, champion, user, buyer, gatekeeper)'],
    ]);
    expect(CARD_FIELDS).toContain('line');
  });
});
