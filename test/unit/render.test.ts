import Table from 'cli-table3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { colorLevel } from '../../src/io/terminal.js';
import { displayCell } from '../../src/output/cells.js';
import { line } from '../../src/output/delimited.js';
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

describe('tables drawn in blocks', () => {
  // The oracle: the whole list as one cli-table3 table, as crm drew it before blocks (quadratic in rows, issue #68).
  function oneTable(cols: Column[], data: any[], headColor: (s: string) => string): string {
    const t = new Table({
      head: cols.map((c) => headColor(c.header)),
      chars: { top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '',
        'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ' },
      style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0, compact: true },
      colAligns: cols.map((c) => (c.type === 'count' ? 'right' : 'left')),
    });
    for (const r of data) t.push(cols.map((c) => displayCell(c, r, 'en-US')));
    return line(t.toString().split('\n').map((l) => l.trimEnd()).join('\n'));
  }
  // Wide (CJK, emoji), zero-width, coloured and multi-line cells: whatever changes a column's measured width.
  const cell = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('', '张伟', 'Ünïcödé', '👩‍💼 rep', '\u001b[31mred\u001b[39m', 'two\nlines', 'a\u0301', 'x'.repeat(30)),
  );

  it('draw exactly what one cli-table3 table draws, across block boundaries', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 4 }),
      fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: 45, maxLength: 130 }),
      fc.boolean(),
      (width, cells, counts) => {
        const cols: Column[] = Array.from({ length: width }, (_, i) => ({
          header: ['ID', 'Name', '名前', 'n'][i]!, key: `c${i}`, value: (r: string[]) => r[i], type: counts && i === 0 ? 'count' : undefined,
        }));
        const data = counts ? cells.map((r) => [String(r[0]!.length * 997), ...r.slice(1)]) : cells;
        for (const level of [0, 1] as const) {
          const o = { ...opts('table'), theme: theme(level) };
          expect(render(list(data, cols), o).stdout).toBe(oneTable(cols, data, o.theme.header));
        }
      }), { numRuns: 60 });
  });
});
