import { describe, expect, it } from 'vitest';
import { type DocumentEvent, DocumentScanner, documentEvents, JsonStreamError, parseKeepingIntegers } from '../../src/io/json-stream.js';

/** Feeds `text` in pieces of `size` characters and gathers the rows per table and the other fields. */
function read(text: string, size: number, batch = 2) {
  const scanner = new DocumentScanner('tables', batch);
  const events: DocumentEvent[] = [];
  for (let i = 0; i < text.length; i += size) events.push(...scanner.feed(text.slice(i, i + size)));
  events.push(...scanner.end());
  const fields: Record<string, unknown> = {};
  const tables: Record<string, unknown[]> = {};
  for (const e of events) {
    if (e.kind === 'field') fields[e.key] = e.value;
    else if (e.kind === 'table') tables[e.table] = [];
    else tables[e.table]!.push(...e.rows);
  }
  return { fields, tables, batches: events.filter((e) => e.kind === 'rows').map((e) => (e as { rows: unknown[] }).rows.length) };
}

const failure = (fn: () => unknown): JsonStreamError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof JsonStreamError) return e;
    throw e;
  }
  throw new Error('no error');
};

const DOC = `{"format":"crm-backup","version":1,"sequences":{"a":3},"tables":{
"a":[
{"id":1,"name":"x \\" ] } [ { \\\\","n":null},
{"id":2,"name":"张伟\\nline","big":9007199254740993,"neg":-12345678901234567890},
{"id":3,"name":"","f":1.5e3}
],
"empty":[],
"b":[ {"k":"v"} ]
},"after":[1,{"z":true}]}
`;

describe('the streaming reader of backup documents', () => {
  it('gives the same fields and rows however the text is cut, and keeps every digit of big integers', () => {
    const whole = read(DOC, DOC.length);
    expect(whole.fields).toEqual({ format: 'crm-backup', version: 1, sequences: { a: 3 }, after: [1, { z: true }] });
    expect(whole.tables).toEqual({
      a: [{ id: 1, name: 'x " ] } [ { \\', n: null }, { id: 2, name: '张伟\nline', big: 9007199254740993n, neg: -12345678901234567890n },
        { id: 3, name: '', f: 1500 }],
      empty: [], b: [{ k: 'v' }],
    });
    expect(whole.batches).toEqual([2, 1, 1]);
    for (let size = 1; size < 40; size++) expect(read(DOC, size).tables, `pieces of ${size}`).toEqual(whole.tables);
  });

  it('reads pretty-printed JSON with the keys in any order', () => {
    const doc = JSON.stringify({ tables: { t: [{ a: 1 }, { a: 2 }] }, format: 'crm-backup' }, null, 2);
    expect(read(doc, 7)).toMatchObject({ fields: { format: 'crm-backup' }, tables: { t: [{ a: 1 }, { a: 2 }] } });
  });

  it('says where a document ends too early or is broken', () => {
    const cut = failure(() => read(DOC.slice(0, DOC.indexOf('"id":2') + 3), 5));
    expect([cut.kind, cut.table, cut.line]).toEqual(['truncated', 'a', 4]);
    expect(failure(() => read(DOC.slice(0, DOC.indexOf('"after"')), 5)).kind).toBe('truncated');
    expect(failure(() => read(DOC.trimEnd().slice(0, -1), 5)).table).toBeUndefined();
    const broken = failure(() => read(DOC.replace('"n":null', '"n":nul'), 3));
    expect([broken.kind, broken.line]).toEqual(['syntax', 3]);
    expect(failure(() => read(DOC.replace('"empty":[]', '"empty":{}'), 4)).detail).toBe('expected a list of rows for table empty');
    expect(failure(() => read(`${DOC} {}`, 10)).detail).toBe('unexpected text after the document');
    expect(failure(() => read('[]', 1)).kind).toBe('not-object');
    expect(failure(() => read('', 1)).kind).toBe('not-object');
    expect(failure(() => read('{"a":1,}', 1)).detail).toBe('expected a key in quotes');
  });

  it('decodes UTF-8 split across chunks and refuses bytes that are not UTF-8', async () => {
    const bytes = Buffer.from('{"tables":{"t":[{"n":"张伟"}]}}');
    const chunks = [...bytes].map((b) => Buffer.from([b]));
    const events: DocumentEvent[] = [];
    for await (const e of documentEvents((async function* () { yield* chunks; })())) events.push(e);
    expect(events).toEqual([{ kind: 'table', table: 't' }, { kind: 'rows', table: 't', rows: [{ n: '张伟' }] }]);
    const bad = Buffer.concat([Buffer.from('{"tables":{"t":[{"n":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}]}}')]);
    await expect((async () => { for await (const _ of documentEvents((async function* () { yield bad; })())); })()).rejects.toThrow(/not UTF-8/);
  });

  it('parses like JSON.parse where the numbers are small', () => {
    for (const text of ['{"a":[1,2,{"b":null}],"c":"\\u00e9\\"","d":-0.5,"e":true,"__proto__":1}', '[]', '{}', '"x"', '12']) {
      expect(parseKeepingIntegers(text)).toEqual(JSON.parse(text));
    }
    expect(Object.keys(parseKeepingIntegers('{"__proto__":1}') as object)).toEqual(['__proto__']);
    expect(() => parseKeepingIntegers('{"a":1,}')).toThrow();
  });
});
