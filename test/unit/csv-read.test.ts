import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { badUtf8, type CsvOptions, readCsv, sniffDelimiter } from '../../src/io/csv.js';

async function read(bytes: Buffer, options: CsvOptions = {}) {
  const file = join(mkdtempSync(join(tmpdir(), 'crm-csv-')), 'f.csv');
  writeFileSync(file, bytes);
  let header: string[] = [];
  const records = [];
  for await (const r of readCsv(file, options, (h) => { header = h; })) records.push(r);
  return { header, records };
}

const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();

describe('reading CSV as spreadsheets write it', () => {
  it('reads UTF-8 with and without a byte-order mark, CJK and accents intact', async () => {
    const text = 'name,city\nZhang Wei 张伟,北京\nJosé Müller,Zürich\n';
    for (const bytes of [Buffer.from(text), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])]) {
      const { header, records } = await read(bytes);
      expect(header).toEqual(['name', 'city']);
      expect(records).toEqual([{ record: { name: 'Zhang Wei 张伟', city: '北京' }, line: 2 }, { record: { name: 'José Müller', city: 'Zürich' }, line: 3 }]);
    }
  });

  it('reads Excel\'s UTF-16 ("Unicode text", tab-separated) and UTF-16 with ; from its byte-order mark, and finds the delimiter', async () => {
    const tab = await read(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Name\tFirma\r\nRenée Ångström\t株式会社テスト\r\n', 'utf16le')]));
    expect([tab.header, tab.records[0]!.record]).toEqual([['Name', 'Firma'], { Name: 'Renée Ångström', Firma: '株式会社テスト' }]);
    const semi = await read(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be('Name;Betrag\r\n"Köhler; Jörg";"1.234,50"\r\n')]));
    expect(semi.records[0]!.record).toEqual({ Name: 'Köhler; Jörg', Betrag: '1.234,50' });
    // UTF-16 without a byte-order mark: a NUL beside every ASCII letter gives it away.
    const bare = await read(Buffer.from('a,b\n1,2\n', 'utf16le'));
    expect(bare.records[0]!.record).toEqual({ a: '1', b: '2' });
  });

  it('takes the delimiter the header line uses most, outside quotes; a given one wins', async () => {
    expect(['a,b,c', 'a;b;c', 'a\tb\tc', '"x,y";b;c', 'single'].map(sniffDelimiter)).toEqual([',', ';', '\t', ';', ',']);
    const { records } = await read(Buffer.from('a;b\n1,5;2\n'), { delimiter: ';' });
    expect(records[0]!.record).toEqual({ a: '1,5', b: '2' });
  });

  it('marks the record holding bytes that are not UTF-8, by line, and decodes Windows-1252 when told to', async () => {
    const bytes = Buffer.concat([Buffer.from('name,city\nAna,Madrid\nJos'), Buffer.from([0xe9]), Buffer.from(',Paris\n"Multi\nline",x\n\nBo,Lyon\n'),
      Buffer.from('"Two\nlines '), Buffer.from([0xff]), Buffer.from('",y\nCy,z\n')]);
    const { records } = await read(bytes);
    // Records are named by the line they start on, past empty lines; a bad byte on a record's second line marks it.
    expect(records.map((r) => [r.line, r.problem !== undefined])).toEqual([[2, false], [3, true], [4, false], [7, false], [8, true], [10, false]]);
    expect(records[1]!.problem).toBe('the row holds bytes that are not UTF-8 text; save the file as UTF-8, or pass --encoding windows-1252 ' +
      '(what Excel and Outlook on Windows write)');
    const cp1252 = await read(Buffer.concat([Buffer.from('name,price\nJos'), Buffer.from([0xe9]), Buffer.from(','), Buffer.from([0x80]), Buffer.from('5\n')]),
      { encoding: 'windows-1252' });
    expect(cp1252.records).toEqual([{ record: { name: 'José', price: '€5' }, line: 2 }]);
  });

  it('refuses a header that is not UTF-8', async () => {
    await expect(read(Buffer.concat([Buffer.from('na'), Buffer.from([0xff]), Buffer.from('me\nx\n')]))).rejects.toThrow(
      'FILE: line 1 (the header) is not valid UTF-8 text');
  });

  it('decodes characters split between two reads of a big file', async () => {
    const row = 'Zhang Wei 张伟,株式会社\n';
    const text = `name,company\n${row.repeat(20_000)}`;
    const { records } = await read(Buffer.from(text));
    expect(records.length).toBe(20_000);
    expect(records.every((r) => r.record.name === 'Zhang Wei 张伟' && r.record.company === '株式会社' && !r.problem)).toBe(true);
  });

  it('finds every byte that starts no valid UTF-8 sequence', () => {
    expect(badUtf8(Buffer.from('ok ü 张 😀'))).toEqual([]);
    // A lone continuation, an overlong "/", a surrogate, a sequence cut short, a byte past F4.
    expect(badUtf8(Uint8Array.from([0x41, 0x80, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xe4, 0xb8, 0x41, 0xf5]))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 10]);
  });

  it('reads a file without quotes or carriage returns (split at newlines and delimiters) exactly as csv-parse reads it', async () => {
    // Padding csv-parse trims before a cell, whitespace it trims only after one (\u00a0, \ufeff), empty and blank lines,
    // short and long rows, repeated and empty column names, and a last line without a newline.
    const char = fc.constantFrom('a', 'b', 'é', '漢', ' ', '\t', '\f', '\u00a0', '\ufeff', ',', ';', '\n', '\n', 'x');
    const text = fc.tuple(fc.string({ unit: char, maxLength: 12 }), fc.string({ unit: char, maxLength: 80 }));
    await fc.assert(fc.asyncProperty(text, fc.constantFrom(',', ';', '\t', ' '), async ([head, body], delimiter) => {
      const file = `h${head}\n${body}`; // (a leading \ufeff would be a byte-order mark, which readCsv drops)
      let header: string[] | undefined;
      const expected = parse(file, { bom: false, delimiter, skip_empty_lines: true, trim: true, relax_column_count: true, info: true,
        columns: (h: string[]) => { header = h; return h; } }) as { record: Record<string, string>; info: { lines: number } }[];
      const got = await read(Buffer.from(file), { delimiter });
      expect(got.header).toEqual(header ?? []);
      expect(got.records).toEqual(expected.map((r) => ({ record: r.record, line: r.info.lines })));
    }), { numRuns: 400 });
  });

  it('names the line of a bad byte, and refuses a bad header, in a file read by lines as in one csv-parse reads', async () => {
    const rows = Buffer.concat([Buffer.from('name,city\nAna,Madrid\n\nJos'), Buffer.from([0xe9]), Buffer.from(',Paris\nBo,Lyon')]);
    expect((await read(rows)).records.map((r) => [r.line, r.problem !== undefined])).toEqual([[2, false], [4, true], [5, false]]);
    await expect(read(Buffer.concat([Buffer.from('na'), Buffer.from([0xff]), Buffer.from('me\nx\n')]))).rejects.toThrow(
      'FILE: line 1 (the header) is not valid UTF-8 text');
  });
});
