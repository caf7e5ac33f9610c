import { describe, expect, it } from 'vitest';
import { render } from '../../src/output/render.js';
import { theme } from '../../src/output/theme.js';
import { type Column, list, record } from '../../src/output/view.js';

const opts = (format: any) => ({ format, quiet: false, pretty: false, locale: 'en-US', theme: theme(0) });

const columns: Column[] = [
  { header: 'Name', key: 'name', value: (r) => r.name },
  { header: 'Amount', key: 'amount', value: (r) => r.amount, type: 'money', currency: () => 'USD' },
  { header: 'Count', key: 'count', value: (r) => r.count, type: 'count' },
  { header: 'Tags', key: 'tags', value: (r) => r.tags, type: 'list' },
];
const rows = ['=1+2', '+49 30 1234567', '-2+3', '@SUM(A1:A9)', '\tcmd', '\rcmd', '-120', 'Acme'].map((name, i) => ({
  name, amount: i === 0 ? -120 : 5, count: i === 0 ? -3 : 1, tags: i === 0 ? ['=x', 'y'] : [] }));

describe('CSV and TSV for spreadsheets', () => {
  it('start every text cell a spreadsheet would run as a formula with a quote; numbers stay numbers', () => {
    expect(render(list(rows, columns), opts('csv')).stdout).toBe([
      'name,amount,currency,count,tags',
      "'=1+2,-120.00,USD,-3,'=x; y",
      "'+49 30 1234567,5.00,USD,1,",
      "'-2+3,5.00,USD,1,",
      "'@SUM(A1:A9),5.00,USD,1,",
      "'\tcmd,5.00,USD,1,",
      `"'\rcmd",5.00,USD,1,`,
      "'-120,5.00,USD,1,", // text that looks like a number is still text
      'Acme,5.00,USD,1,',
      ''].join('\n'));
    expect(render(list(rows, columns), opts('tsv')).stdout.split('\n').slice(1, 7)).toEqual([
      "'=1+2\t-120.00\tUSD\t-3\t'=x; y", "'+49 30 1234567\t5.00\tUSD\t1\t", "'-2+3\t5.00\tUSD\t1\t", "'@SUM(A1:A9)\t5.00\tUSD\t1\t",
      "' cmd\t5.00\tUSD\t1\t", "' cmd\t5.00\tUSD\t1\t"]);
  });

  it('do it in records and their sections too', () => {
    const out = record({ name: '=HYPERLINK("http://x")', items: [{ name: '@a', amount: -1.5 }] }, columns.slice(0, 1),
      { sections: [{ title: 'Items', key: 'items', rows: (v) => v.items, columns: columns.slice(0, 2) }] });
    expect(render(out, opts('csv')).stdout).toBe(
      'section,name,amount,currency\nrecord,"\'=HYPERLINK(""http://x"")",,\nitems,\'@a,-1.50,USD\n');
  });

  it('leave piped output, Markdown and tables as they are: they are not opened in a spreadsheet', () => {
    expect(render(list(rows.slice(0, 2), columns), opts('plain')).stdout).toBe('=1+2\t-120.00\tUSD\t-3\t=x; y\n+49 30 1234567\t5.00\tUSD\t1\t\n');
    expect(render(list(rows.slice(0, 1), columns), opts('markdown')).stdout).toContain('| =1+2 | -$120.00 | -3 | =x, y |');
  });
});
