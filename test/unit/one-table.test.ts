import { describe, expect, it } from 'vitest';
import { render } from '../../src/output/render.js';
import { theme } from '../../src/output/theme.js';
import { type Column, record } from '../../src/output/view.js';

const opts = (format: any) => ({ format, quiet: false, pretty: false, locale: 'en-US', theme: theme(0) });

const fields: Column[] = [{ header: 'Name', key: 'name', value: (r) => r.name }, { header: 'Owner', key: 'owner', value: (r) => r.owner }];
const people: Column[] = [{ header: 'Name', key: 'name', value: (r) => r.name }, { header: 'Email', key: 'email', value: (r) => r.email }];
const months: Column[] = [{ header: 'Month', key: 'month', value: (r) => r.month }, { header: 'Won', key: 'won', value: (r) => r.won, type: 'count' }];
const account = record({ name: 'Acme', owner: 'li', people: [{ name: 'Bo', email: 'bo@acme.example' }, { name: 'Di' }],
  months: [{ month: '2026-01', won: 2 }, { month: '2026-02', won: 0 }] }, fields, { sections: [
  { title: 'People', key: 'people', rows: (v) => v.people, columns: people },
  { title: 'Nobody', key: 'nobody', rows: () => [], columns: [{ header: 'Why', key: 'why', value: () => '' }] },
  // The same months, turned around for a reader, and as records for a program.
  { title: 'By month', rows: (v) => [Object.fromEntries(v.months.map((m: any) => [m.month, m.won]))], audience: 'people',
    columns: ['2026-01', '2026-02'].map((m) => ({ header: m, key: m, value: (r: any) => r[m] })) },
  { title: 'By month', key: 'months', rows: (v) => v.months, columns: months, audience: 'machines' },
] });

describe('a record with sections', () => {
  it('is one CSV table: a section column, the record first, the union of the columns, empty sections adding only columns', () => {
    expect(render(account, opts('csv')).stdout).toBe([
      'section,name,owner,email,why,month,won',
      'record,Acme,li,,,,',
      'people,Bo,,bo@acme.example,,,',
      'people,Di,,,,,',
      'months,,,,,2026-01,2',
      'months,,,,,2026-02,0',
      ''].join('\n'));
    expect(render(account, opts('tsv')).stdout.split('\n')[1]).toBe('record\tAcme\tli\t\t\t\t');
  });

  it('is titled blocks in a pipe, with the machines\' sections', () => {
    expect(render(account, opts('plain')).stdout).toBe('name\tAcme\nowner\tli\n\nPeople\nBo\tbo@acme.example\nDi\t\n\nBy month\n2026-01\t2\n2026-02\t0\n');
  });

  it('shows people their sections in tables and Markdown', () => {
    const md = render(account, opts('markdown')).stdout;
    expect(md).toContain('### By month\n\n| 2026-01 | 2026-02 |\n| --- | --- |\n| 2 | 0 |');
    expect(md).not.toContain('| Month |');
    expect(render(account, opts('table')).stdout).toContain('By month\n2026-01  2026-02\n2        0\n');
  });

  it('without sections stays one header row and one data row', () => {
    expect(render(record({ name: 'Acme', owner: 'li' }, fields), opts('csv')).stdout).toBe('name,owner\nAcme,li\n');
  });
});
