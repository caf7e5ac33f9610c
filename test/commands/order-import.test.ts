import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';

describe('crm order import, on the import runner', () => {
  it('takes an empty input for a mistake (exit 2), and writes nothing', async () => {
    const { run, json } = sandbox();
    expect(await run(['order', 'import', '-'], { input: '' })).toEqual({ exitCode: 2, stdout: '',
      stderr: 'error: FILE: standard input is empty (the first line must name the columns: customer, date, amount)\n' });
    expect(await json(['order', 'list'])).toEqual([]);
  });

  it('refuses a row without a customer, naming --skip-no-customer, which skips and counts such rows (guest purchases)', async () => {
    const { run, json } = sandbox();
    const input = 'customer,date,amount,reference\nA1,2026-01-01,10,R1\n,2026-01-02,5,R2\nA1,2026-01-03,7,R3\n';
    const refused = await run(['order', 'import', '-', '--create-customers', 'company'], { input });
    expect([refused.exitCode, refused.stderr.split('\n')[0]]).toEqual([2, '  line 3: customer (customer) is empty; pass --skip-no-customer to skip such rows (guest purchases)']);
    expect(await json(['order', 'list'])).toEqual([]);
    expect(await json(['order', 'import', '-', '--create-customers', 'company', '--skip-no-customer'], { input }))
      .toMatchObject({ rows: 3, imported: 2, skipped: 0, withoutCustomer: 1, newCustomers: 1 });
    expect((await json(['order', 'list'])).map((o: { reference: string; amount: number }) => [o.reference, o.amount])).toEqual([['R3', 7], ['R1', 10]]);
  });

  it('refuses a file that has a column it reads twice', async () => {
    const { run } = sandbox();
    const r = await run(['order', 'import', '-', '--create-customers', 'company'], { input: 'customer,date,amount,amount\nAcme,2026-01-02,10,20\n' });
    expect([r.exitCode, r.stderr]).toEqual([2, 'error: FILE: has the column "amount" more than once (columns: customer, date, amount, amount) ' +
      '(rename or remove the extra one, so that each field reads one column)\n']);
  });
});

describe('order import --currency', () => {
  it('is checked like every currency flag: a code it does not know is exit 2 and nothing is imported', async () => {
    const { run, json } = sandbox();
    await run(['company', 'add', 'Acme']);
    const r = await run(['order', 'import', '-', '--currency', 'XYZZY'], { input: 'customer,date,amount\nAcme,2026-01-05,10\n' });
    expect([r.exitCode, r.stderr.split(' (')[0]]).toEqual([2, 'error: --currency: "XYZZY" is not an ISO 4217 currency code']);
    expect(await json(['order', 'list'])).toEqual([]);
    expect((await json(['order', 'import', '-', '--currency', 'eur'], { input: 'customer,date,amount\nAcme,2026-01-05,10\n' })).imported).toBe(1);
    expect((await json(['order', 'list']))[0].currency).toBe('EUR');
  });
});
