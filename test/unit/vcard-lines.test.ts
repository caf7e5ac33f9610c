import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentLine, foldLine, splitCards } from '../../src/domain/vcard/lines.js';

const bytes = (s: string) => new TextEncoder().encode(s);
const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

/** Each card as [its first line, [name, value] of each property]. */
const shape = (text: string | Uint8Array) =>
  splitCards(typeof text === 'string' ? bytes(text) : text).map((c) => [c.line, c.props.map((p) => [p.name, p.value])]);

describe('splitCards: the content lines of vCard files as phones and programs write them', () => {
  it('reads CRLF, LF and lone CR alike, skips a BOM and the blank lines between cards', () => {
    const text = '\uFEFFBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann\r\nEND:VCARD\r\n\r\n\nBEGIN:VCARD\nVERSION:3.0\nFN:Bo\nEND:VCARD\rBEGIN:VCARD\rFN:Cy\rEND:VCARD';
    expect(shape(text)).toEqual([
      [1, [['VERSION', '3.0'], ['FN', 'Ann']]],
      [7, [['VERSION', '3.0'], ['FN', 'Bo']]],
      [11, [['FN', 'Cy']]],
    ]);
  });

  it('unfolds lines continued with a space or a tab, and numbers properties by the line they start on', () => {
    const cards = splitCards(bytes('BEGIN:VCARD\r\nNOTE:first \r\n part\r\n\tand more\r\nFN:X\r\nEND:VCARD\r\n'));
    expect(cards[0]!.props.map((p) => [p.line, p.name, p.value])).toEqual([[2, 'NOTE', 'first partand more'], [5, 'FN', 'X']]);
  });

  it('does not split a UTF-8 sequence that a fold cut in two', () => {
    const zhang = bytes('张'); // three bytes
    const folded = new Uint8Array([...bytes('BEGIN:VCARD\r\nFN:'), zhang[0]!, ...bytes('\r\n '), zhang[1]!, zhang[2]!, ...bytes('\r\nEND:VCARD\r\n')]);
    expect(shape(folded)).toEqual([[1, [['FN', '张']]]]);
  });

  it('takes a card that never ends, and a card that a new BEGIN cuts short', () => {
    expect(splitCards(bytes('BEGIN:VCARD\nFN:A\nBEGIN:VCARD\nFN:B\n')).map((c) => [c.line, c.ended, c.props.length])).toEqual([[1, false, 1], [3, false, 1]]);
  });

  it('splits group, name and parameters; bare 2.1 parameters are types; quoted values keep their colons and semicolons', () => {
    const [card] = splitCards(bytes('BEGIN:VCARD\r\nitem1.EMAIL;type=INTERNET;type=pref:ann@x.example\r\nTEL;CELL;PREF:+49 1\r\n' +
      'ADR;LABEL="Main St: 1; back";TYPE=work,home:;;Main St 1;;;;\r\nEND:VCARD\r\n'));
    expect(card!.props.map((p) => [p.group, p.name, p.params, p.value])).toEqual([
      ['item1', 'EMAIL', { TYPE: ['INTERNET', 'pref'] }, 'ann@x.example'],
      [null, 'TEL', { TYPE: ['CELL', 'PREF'] }, '+49 1'],
      [null, 'ADR', { LABEL: ['Main St: 1; back'], TYPE: ['work', 'home'] }, ';;Main St 1;;;;'],
    ]);
  });

  it('decodes RFC 6868 carets in parameter values', () => {
    const [card] = splitCards(bytes('BEGIN:VCARD\nRELATED;LABEL="a ^\'b^\' ^^c^nd":x\nEND:VCARD\n'));
    expect(card!.props[0]!.params).toEqual({ LABEL: ['a "b" ^c\nd'] });
  });

  it('decodes 2.1 quoted-printable with soft line breaks, in the charset the property names', () => {
    const text = 'BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen\r\n' +
      'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=BC=A0=E4=BC=9F=E5=BC=A0=E4=BC=9F=E5=BC=A0=E4=BC=9F=E5=\r\n=BC=A0\r\n' +
      'NOTE;QUOTED-PRINTABLE:line one=0D=0Aline two=\r\n continued\r\nEND:VCARD\r\n';
    expect(shape(latin1(text))).toEqual([[1, [['VERSION', '2.1'], ['N', 'Müller;Jürgen'], ['FN', '张伟张伟张伟张'],
      ['NOTE', 'line one\r\nline two continued']]]]);
  });

  it('reads raw Latin-1 bytes that are not UTF-8 as Windows-1252, and UTF-16 files by their BOM', () => {
    expect(shape(latin1('BEGIN:VCARD\nFN:Ren\xe9 M\xfcller\nEND:VCARD\n'))).toEqual([[1, [['FN', 'René Müller']]]]);
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'BEGIN:VCARD\r\nFN:张伟\r\nEND:VCARD\r\n'].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(shape(utf16)).toEqual([[1, [['FN', '张伟']]]]);
  });

  it('skips binary values (a PHOTO in base64 over many folded lines, 2.1 style unindented) without choking', () => {
    const photo = Array.from({ length: 300 }, () => ' /9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0a').join('\r\n');
    const text = `BEGIN:VCARD\r\nVERSION:3.0\r\nPHOTO;ENCODING=b;TYPE=JPEG:${photo.slice(1)}\r\nFN:Ann\r\nEND:VCARD\r\n` +
      'BEGIN:VCARD\r\nVERSION:2.1\r\nPHOTO;ENCODING=BASE64;TYPE=JPEG:\r\n/9j/4AAQSkZJRgABAQAAAQABAAD\r\nHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL\r\n\r\nFN:Bo\r\nEND:VCARD\r\n';
    expect(shape(text)).toEqual([[1, [['VERSION', '3.0'], ['PHOTO', ''], ['FN', 'Ann']]], [305, [['VERSION', '2.1'], ['PHOTO', ''], ['FN', 'Bo']]]]);
  });
});

describe('foldLine: 75 octets a line, never inside a UTF-8 sequence or an escape', () => {
  const octets = (s: string) => new TextEncoder().encode(s).length;

  it('leaves a short line alone and folds a long one with CRLF and a space', () => {
    expect(foldLine('FN:Ann')).toBe('FN:Ann');
    const long = `NOTE:${'x'.repeat(200)}`;
    const lines = foldLine(long).split('\r\n');
    expect(lines.map(octets)).toEqual([75, 75, 57]);
    expect(lines.slice(1).every((l) => l.startsWith(' '))).toBe(true);
  });

  it('keeps a backslash escape on one line', () => {
    const lines = foldLine(`NOTE:${'x'.repeat(69)}\\,y`).split('\r\n');
    expect(lines).toEqual([`NOTE:${'x'.repeat(69)}`, ' \\,y']);
  });

  it('holds for any text: every line at most 75 octets, valid UTF-8 on its own, and unfolding restores it', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
      const line = `NOTE:${text.replace(/[\r\n]/g, '')}`;
      const folded = foldLine(line);
      for (const l of folded.split('\r\n')) {
        expect(octets(l)).toBeLessThanOrEqual(75);
        expect(Buffer.from(l, 'utf8').toString('utf8')).toBe(l);
      }
      expect(folded.replace(/\r\n[ ]/g, '')).toBe(line);
    }), { numRuns: 300 });
  });
});

describe('contentLine', () => {
  it('writes group, name, parameters (quoted when they hold , ; or :) and the value', () => {
    expect(contentLine({ group: 'item1', name: 'X-ABRELATEDNAMES', params: { TYPE: ['pref'] }, value: 'Ann' })).toBe('item1.X-ABRELATEDNAMES;TYPE=pref:Ann');
    expect(contentLine({ name: 'EMAIL', params: { TYPE: ['INTERNET', 'pref'], LABEL: ['a;b'] }, value: 'x' })).toBe('EMAIL;TYPE=INTERNET,pref;LABEL="a;b":x');
  });

  it('round-trips through splitCards, parameters with quotes and line breaks too', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 200 }), (label, value) => {
      const v = value.replace(/[\r\n]/g, '');
      const text = `BEGIN:VCARD\r\n${foldLine(contentLine({ name: 'X-TEST', params: { LABEL: [label] }, value: v }))}\r\nEND:VCARD\r\n`;
      const [card] = splitCards(bytes(text));
      expect(card!.props).toEqual([{ line: 2, group: null, name: 'X-TEST', params: { LABEL: [label.replace(/\r\n?/g, '\n')] }, value: v }]);
    }), { numRuns: 300 });
  });
});
