import { describe, expect, it } from 'vitest';
import { colorLevel } from '../../src/io/terminal.js';
import { render } from '../../src/output/render.js';
import { theme } from '../../src/output/theme.js';
import { type Column, list, record } from '../../src/output/view.js';

const columns: Column[] = [
  { header: 'ID', key: 'id', value: (r) => r.id },
  { header: 'Name', key: 'name', value: (r) => r.name },
  { header: 'Amount', key: 'amount', value: (r) => r.amount, type: 'money', currency: (r) => r.currency },
  { header: 'Tags', key: 'tags', value: (r) => r.tags, type: 'list' },
];
const rows = [
  { id: 1, name: 'Zhang Wei 张伟', amount: 12500.5, currency: 'EUR', tags: ['a', 'b'] },
  { id: 2, name: 'He said "hi", left', amount: 3, currency: 'EUR', tags: [] },
];
const opts = (format: any, quiet = false) => ({ format, quiet, pretty: true, locale: 'en-US', theme: theme(0) });

describe('render', () => {
  it('CSV quotes per RFC 4180 and writes plain numbers, with the currency in a column of its own', () => {
    expect(render(list(rows, columns), opts('csv')).stdout).toBe(
      'id,name,amount,currency,tags\n1,Zhang Wei 张伟,12500.50,EUR,a; b\n2,"He said ""hi"", left",3.00,EUR,\n');
    // After the last money column; empty where the row has no amount.
    const two = [...columns.slice(0, 3), { header: 'Paid', key: 'paid', value: (r: any) => r.paid, type: 'money', currency: (r: any) => r.currency } as Column];
    expect(render(list([{ id: 1, amount: 5000, paid: 100, currency: 'JPY' }, { id: 2, amount: null, paid: null, currency: 'JPY' }], two), opts('csv')).stdout)
      .toBe('id,name,amount,paid,currency\n1,,5000,100,JPY\n2,,,,\n');
  });

  it('TSV has a header; piped plain output has none', () => {
    expect(render(list(rows, columns), opts('tsv')).stdout.split('\n')[0]).toBe('id\tname\tamount\tcurrency\ttags');
    expect(render(list(rows, columns), opts('plain')).stdout.split('\n')[0]).toBe('1\tZhang Wei 张伟\t12500.50\tEUR\ta; b');
  });

  it('tables align wide characters and format money', () => {
    const out = render(list(rows, columns), opts('table')).stdout.split('\n');
    expect(out[0]).toBe('ID  Name                    Amount  Tags');
    expect(out[1]).toBe('1   Zhang Wei 张伟      €12,500.50  a, b');
  });

  it('markdown escapes pipes', () => {
    const out = render(list([{ id: 1, name: 'a|b', amount: 1, currency: 'USD', tags: [] }], columns), opts('markdown')).stdout;
    expect(out).toBe('| ID | Name | Amount | Tags |\n| --- | --- | --- | --- |\n| 1 | a\\|b | $1.00 |  |\n');
  });

  it('quiet prints ids only; ndjson one object per line', () => {
    expect(render(list(rows, columns), opts('table', true)).stdout).toBe('1\n2\n');
    expect(render(record(rows[0]!, columns), opts('json', true)).stdout).toBe('1\n');
    expect(render(list(rows, columns), opts('ndjson')).stdout.trim().split('\n').map((l) => JSON.parse(l).id)).toEqual([1, 2]);
  });

  it('an empty list is [] in JSON and a note on stderr in a table', () => {
    expect(render(list([], columns, 'no contacts match'), opts('json')).stdout).toBe('[]\n');
    expect(render(list([], columns, 'no contacts match'), opts('table'))).toEqual({ stdout: '', stderr: 'no contacts match' });
  });
});

describe('colorLevel', () => {
  it('follows NO_COLOR, --no-color, TERM=dumb, pipes and FORCE_COLOR', () => {
    expect(colorLevel({}, true, undefined)).toBeGreaterThan(0);
    expect(colorLevel({}, false, undefined)).toBe(0);
    expect(colorLevel({ NO_COLOR: '1' }, true, undefined)).toBe(0);
    expect(colorLevel({ TERM: 'dumb' }, true, undefined)).toBe(0);
    expect(colorLevel({}, true, false)).toBe(0);
    expect(colorLevel({ FORCE_COLOR: '1' }, false, undefined)).toBe(1);
    expect(colorLevel({ FORCE_COLOR: '1', NO_COLOR: '1' }, false, undefined)).toBe(1);
  });
});

describe('piped records', () => {
  it('keep their sections as titled TSV blocks', () => {
    const out = record({ id: 1, name: 'Acme', people: [{ id: 2, name: 'Li' }] }, columns.slice(0, 2), {
      sections: [{ title: 'People', rows: (v: any) => v.people, columns: columns.slice(0, 2) },
        { title: 'Empty', rows: () => [], columns: columns.slice(0, 2) }],
    });
    expect(render(out, opts('plain')).stdout).toBe('id\t1\nname\tAcme\n\nPeople\n2\tLi\n');
  });
});
