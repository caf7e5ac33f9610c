import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';

describe('crm order import, on the import runner', () => {
  it('takes an empty input for a mistake (exit 2), and writes nothing', async () => {
    const { run, json } = sandbox();
    expect(await run(['order', 'import', '-'], { input: '' })).toEqual({ exitCode: 2, stdout: '',
      stderr: 'error: FILE: standard input is empty (the first line must name the columns: customer, date, amount)\n' });
    expect(await json(['order', 'list'])).toEqual([]);
  });

  it('refuses a file that has a column it reads twice', async () => {
    const { run } = sandbox();
    const r = await run(['order', 'import', '-', '--create-customers', 'company'], { input: 'customer,date,amount,amount\nAcme,2026-01-02,10,20\n' });
    expect([r.exitCode, r.stderr]).toEqual([2, 'error: FILE: has the column "amount" more than once (columns: customer, date, amount, amount) ' +
      '(rename or remove the extra one, so that each field reads one column)\n']);
  });
});
