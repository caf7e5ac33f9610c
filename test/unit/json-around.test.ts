import { describe, expect, it } from 'vitest';
import { jsonAround } from '../../src/output/row-stream.js';

/** What writeRows would write for `rows` in `text`'s form. */
function written(data: Record<string, unknown>, key: string, rows: unknown[], pretty: boolean): string {
  const text = jsonAround(data, key, pretty);
  return text.head + rows.map((r, i) => text.row(r, i)).join('') + text.tail(rows.length);
}

describe('jsonAround', () => {
  const rows = [{ name: 'Ann "A"', tags: ['x', 'y'], nested: { a: 1, b: [] } }, { name: 'Bo\u0000b', tags: [], nested: null }];
  const cases: [string, Record<string, unknown>][] = [
    ['rows last', { asOf: '2026-01-01', segments: [{ s: 1 }], customers: null }],
    ['fields after the rows', { asOf: '2026-01-01', customers: null, compare: { moved: [1, 2] }, unconverted: [] }],
    ['rows first', { customers: null, n: 3 }],
  ];
  for (const [name, data] of cases) {
    for (const pretty of [false, true]) {
      for (const list of [rows, []]) {
        it(`is JSON.stringify's text: ${name}, ${pretty ? 'pretty' : 'compact'}, ${list.length} rows`, () => {
          expect(written(data, 'customers', list, pretty)).toBe(`${JSON.stringify({ ...data, customers: list }, null, pretty ? 2 : undefined)}\n`);
        });
      }
    }
  }
});
