import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { type Card, readCards, writeCard } from '../../src/domain/vcard/card.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/vcard/${name}`, import.meta.url));
const fields = ({ line: _l, version: _v, lines: _ls, ...card }: ReturnType<typeof readCards>[number]) => card;

describe('readCards on real-shaped exports', () => {
  it('reads an iPhone/macOS 3.0 export: item groups and labels, a manager, folded notes, CATEGORIES, a PHOTO, a company card', () => {
    const cards = readCards(fixture('iphone-3.0.vcf'));
    expect(cards.map(fields)).toEqual([
      {
        uid: '4C2F0E11-8A5B-4B63-9D1B-2F6A3C1E0B77', kind: 'individual', name: 'Jürgen Müller', company: 'Acme GmbH',
        title: 'Head of Sales', emails: ['juergen.mueller@acme.example', 'jm@mail.example'],
        phones: ['+49 171 1234567', '+49 30 9876543'], categories: ['VIP', 'Key Account'],
        note: 'Met at the Hannover fair, booth 12.\nPrefers email; calls only after 10:00. A long note that an address book folds over several lines.',
        manager: { name: 'Zhang Wei 张伟', uid: null }, role: null, externalId: null,
      },
      {
        uid: '9E1A57B0-3C1D-4F0B-8E61-0D0E6A5C4B21', kind: 'individual', name: 'Zhang Wei 张伟', company: 'Acme GmbH',
        title: 'CEO', emails: ['zw@acme.example'], phones: [], categories: [], note: null,
        manager: { name: 'Olga Board', uid: null }, role: null, externalId: null,
      },
      {
        uid: '1D6B0C55-77F2-4E86-A0A4-5B7B9E2D1F30', kind: 'org', name: 'Acme GmbH', company: 'Acme GmbH', title: null,
        emails: [], phones: [], categories: [], note: null, manager: null, role: null, externalId: null,
      },
    ]);
    expect(cards.map((c) => [c.line, c.version])).toEqual([[1, '3.0'], [72, '3.0'], [85, '3.0']]);
    expect(cards[0]!.lines).toMatchObject({ name: [5], emails: [8, 10], phones: [11, 12], manager: [13], note: [19] });
  });

  it('reads an Android/Outlook 2.1 export: quoted-printable UTF-8 and Latin-1, bare types, raw Latin-1 bytes, X-MS-MANAGER', () => {
    expect(readCards(fixture('android-2.1.vcf')).map(fields)).toEqual([
      {
        uid: null, kind: 'individual', name: '张伟', company: '北京科技', title: null, emails: ['zhang.wei@example.cn'],
        phones: ['+86 138 0013 8000', '+86 10 6552 9988'], categories: [],
        note: '第一行\n第二行: a note long enough that the phone broke it with a soft line break',
        manager: null, role: null, externalId: null,
      },
      {
        uid: null, kind: 'individual', name: 'José García', company: 'Initech', title: 'Jefe de Logística',
        emails: ['jose.garcia@initech.example', 'pepe@correo.example'], phones: ['+34 91 123 45 67'], categories: ['Business'],
        note: null, manager: { name: 'Björn Fischer', uid: null }, role: null, externalId: null,
      },
      {
        uid: null, kind: 'individual', name: 'Björn Fischer', company: 'Initech', title: null, emails: [], phones: ['040 123456'],
        categories: [], note: null, manager: null, role: null, externalId: null,
      },
    ]);
  });

  it('reads 4.0: PREF orders emails and phones, tel: URIs, KIND, RELATED by name and by urn:uuid', () => {
    const cards = readCards(fixture('four.vcf')).map(fields);
    expect(cards[0]).toEqual({
      uid: '0f8c1f0e-5d47-4e2a-9a7e-3c1b2d4e5f60', kind: 'individual', name: 'Amélie Dubois', company: 'Globex S.A.', title: 'CTO',
      emails: ['amelie@maison.example', 'amelie.dubois@globex.example'], phones: ['+33-6-12-34-56-78', '+33-1-23-45-67-89'],
      categories: ['partner', 'france'], note: 'Speaks French, English and Japanese.',
      manager: { name: 'Pierre Martin', uid: null }, role: null, externalId: null,
    });
    expect(cards.map((c) => [c.name, c.kind, c.manager])).toEqual([
      ['Amélie Dubois', 'individual', { name: 'Pierre Martin', uid: null }],
      ['Pierre Martin', 'individual', null],
      ['田中由紀', 'individual', { name: null, uid: '0f8c1f0e-5d47-4e2a-9a7e-3c1b2d4e5f60' }],
      ['Globex S.A.', 'org', null],
      ['Globex people', 'group', null],
    ]);
  });

  it('builds the name from N when FN is missing: given names first, CJK family name first without a space', () => {
    const read = (n: string) => readCards(new TextEncoder().encode(`BEGIN:VCARD\r\nVERSION:3.0\r\nN:${n}\r\nEND:VCARD\r\n`))[0]!.name;
    expect([read('Müller;Hans;Peter;Dr.;Jr.'), read('田中;由紀;;;'), read(';;;;'), read('Stevenson;John;Philip,Paul;;')])
      .toEqual(['Dr. Hans Peter Müller Jr.', '田中由紀', '', 'John Philip Paul Stevenson']);
  });
});

/** Text as crm keeps it in a name or title: one trimmed line, not empty. */
const line = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 120 }).map((s) => s.replace(/[\r\n\u2028\u2029]/g, ' ').trim()).filter((s) => s !== '');
/** Anything people type, CJK, commas, semicolons, backslashes and colons in plenty. */
const tricky = fc.oneof(line, fc.array(fc.constantFrom('张伟', 'Müller', ',', ';', '\\', ':', '\\n', '"', ' ', 'a', '😀', 'é'), { minLength: 1, maxLength: 60 })
  .map((xs) => xs.join('').trim()).filter((s) => s !== ''));
const note = fc.array(fc.oneof(tricky, fc.constant('\n'), fc.string({ unit: 'grapheme', maxLength: 200 }).map((s) => s.replace(/\r\n?/g, '\n'))), { minLength: 1, maxLength: 6 })
  .map((xs) => xs.join('')).filter((s) => s !== '');
const nullable = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });

const card: fc.Arbitrary<Card> = fc.record({
  uid: nullable(fc.uuid()),
  kind: fc.constant('individual'),
  name: tricky,
  company: nullable(tricky),
  title: nullable(tricky),
  emails: fc.uniqueArray(fc.emailAddress(), { maxLength: 3, selector: (e) => e.toLowerCase() }),
  phones: fc.uniqueArray(fc.stringMatching(/^\+?[0-9][0-9 ()./-]{2,20}[0-9]$/), { maxLength: 3 }),
  categories: fc.uniqueArray(tricky, { maxLength: 4 }),
  note: nullable(note),
  manager: nullable(fc.record({ name: tricky, uid: nullable(fc.uuid()) })),
  role: nullable(tricky),
  externalId: nullable(tricky),
});

describe('writeCard', () => {
  it('writes 3.0 as Apple does and 4.0 by RFC 6350, folded at 75 octets', () => {
    const c: Card = {
      uid: '0f8c1f0e-5d47-4e2a-9a7e-3c1b2d4e5f60', kind: 'individual', name: 'Li Na', company: 'Acme; Sales, Inc.', title: 'Head of IT',
      emails: ['li@acme.example', 'na@home.example'], phones: ['+49 30 1234567'], categories: ['vip', 'key-account'],
      note: 'Line one\nLine two, with \\ and ;', manager: { name: 'Zhang Wei 张伟', uid: '5b6c7d8e-9f00-4a1b-8c2d-3e4f5a6b7c8d' },
      role: 'champion', externalId: 'SF-0042',
    };
    expect(writeCard(c, { version: '3.0', revised: '2026-03-11T10:30:00.000Z', prodid: '-//crm//crm//EN' }).split('\r\n')).toEqual([
      'BEGIN:VCARD', 'VERSION:3.0', 'PRODID:-//crm//crm//EN', 'UID:0f8c1f0e-5d47-4e2a-9a7e-3c1b2d4e5f60', 'FN:Li Na', 'N:Na;Li;;;',
      'ORG:Acme\\; Sales\\, Inc.', 'TITLE:Head of IT', 'EMAIL;TYPE=INTERNET,pref:li@acme.example', 'EMAIL;TYPE=INTERNET:na@home.example',
      'TEL;TYPE=pref:+49 30 1234567', 'item1.X-ABRELATEDNAMES;X-CRM-UID=5b6c7d8e-9f00-4a1b-8c2d-3e4f5a6b7c8d:Zhang', '  Wei 张伟',
      'item1.X-ABLabel:_$!<Manager>!$_', 'CATEGORIES:vip,key-account', 'NOTE:Line one\\nLine two\\, with \\\\ and \\;',
      'X-CRM-ROLE:champion', 'X-CRM-EXTERNAL-ID:SF-0042', 'REV:2026-03-11T10:30:00Z', 'END:VCARD', '',
    ]);
    expect(writeCard(c, { version: '4.0', revised: '2026-03-11T10:30:00.000Z' }).split('\r\n')).toEqual([
      'BEGIN:VCARD', 'VERSION:4.0', 'UID:urn:uuid:0f8c1f0e-5d47-4e2a-9a7e-3c1b2d4e5f60', 'FN:Li Na', 'N:Na;Li;;;',
      'ORG:Acme\\; Sales\\, Inc.', 'TITLE:Head of IT', 'EMAIL;PREF=1:li@acme.example', 'EMAIL:na@home.example',
      'TEL;VALUE=text;PREF=1:+49 30 1234567',
      'RELATED;TYPE=x-manager;VALUE=text;X-CRM-UID=5b6c7d8e-9f00-4a1b-8c2d-3e4f5a6', ' b7c8d:Zhang Wei 张伟',
      'CATEGORIES:vip,key-account', 'NOTE:Line one\\nLine two\\, with \\\\ and ;', 'X-CRM-ROLE:champion',
      'X-CRM-EXTERNAL-ID:SF-0042', 'REV:20260311T103000Z', 'END:VCARD', '',
    ]);
  });

  for (const version of ['3.0', '4.0'] as const) {
    it(`gives back the same fields when ${version} is read again, for any names, notes and lists; no line over 75 octets`, () => {
      fc.assert(fc.property(card, (c) => {
        const text = writeCard(c, { version });
        for (const l of text.split('\r\n')) {
          expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
          expect(Buffer.from(l, 'utf8').toString('utf8')).toBe(l);
        }
        const [back, ...rest] = readCards(new TextEncoder().encode(text));
        expect(rest).toEqual([]);
        const expected = { ...c, manager: c.manager && { name: c.manager.name, uid: c.manager.uid } };
        expect(fields(back!)).toEqual(expected);
      }), { numRuns: 400 });
    });
  }

  // crm's tags, which are what CATEGORIES holds: ical.js splits a category ending in a backslash (\\ before the comma) wrongly.
  const tags = fc.uniqueArray(fc.stringMatching(/^[a-z0-9][a-z0-9_.:-]{0,20}$/), { maxLength: 4 });
  it('writes 4.0 that ical.js (the vCard reader of Thunderbird\'s address book) reads back intact', () => {
    fc.assert(fc.property(card, tags, (anyCard, categories) => {
      const c = { ...anyCard, categories };
      const vcard = new ICAL.Component(ICAL.parse(writeCard(c, { version: '4.0' })));
      const all = (name: string) => vcard.getAllProperties(name).flatMap((p) => p.getValues());
      expect(vcard.getFirstPropertyValue('fn')).toBe(c.name);
      expect(all('email')).toEqual(c.emails);
      expect(all('tel')).toEqual(c.phones);
      expect(all('categories')).toEqual(c.categories);
      expect(vcard.getFirstPropertyValue('note') ?? null).toBe(c.note);
      expect(vcard.getFirstPropertyValue('title') ?? null).toBe(c.title);
      expect(vcard.getFirstPropertyValue('org') ?? null).toEqual(c.company === null ? null : c.company);
    }), { numRuns: 300 });
  });
});
