import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { onPostgres } from '../support/engine.js';
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

describe('a large order import', () => {
  // Past 10,000 orders (and as many as the table held) SQLite builds the orders' indexes after the last row: the rows
  // written, the duplicates skipped and the indexes must be what they would have been.
  it('skips references stored already or repeated in the file, before and after its first 10,000 orders, and keeps the indexes', async () => {
    const { run, json } = sandbox();
    expect((await json(['order', 'import', '-', '--create-customers', 'company'],
      { input: 'customer,date,amount,reference\nOld,2025-01-01,1,X1\nOld,2025-01-02,2,X2\n' })).imported).toBe(2);
    const path = onPostgres ? null : (await run(['db', 'path'])).stdout.trim();
    const indexes = () => new Database(path!, { readonly: true }).prepare("select name, sql from sqlite_master where tbl_name = 'orders' order by name").all();
    const before = path && indexes();
    const rows = ['customer,date,amount,reference'];
    for (let i = 0; i < 12_000; i++) rows.push(`C${i % 700},2025-${String(1 + (i % 12)).padStart(2, '0')}-15,${(i % 90) + 1}.25,R${i}`);
    // Before the switch: a stored reference and one repeated; after it: the same (R11999 first here, so the file's own
    // row is the repeat), and two rows without a reference.
    rows.splice(100, 0, 'C1,2025-02-01,5,X1', 'C1,2025-02-01,5,R3');
    rows.splice(11_000, 0, 'C2,2025-02-01,5,X2', 'C2,2025-02-01,5,R6000', 'C2,2025-02-01,5,R11999', 'C3,2025-03-01,7,', 'C3,2025-03-01,7,');
    const out = await json(['order', 'import', '-', '--create-customers', 'company'], { input: `${rows.join('\n')}\n` });
    expect(out).toMatchObject({ rows: 12_007, imported: 12_002, duplicates: 5, skipped: 5, newCustomers: 700, firstOrderId: 3 });
    const orders = await json(['order', 'list', '--limit', '100000']);
    expect(orders.length).toBe(12_004);
    expect(new Set(orders.map((o: { reference: string | null }) => o.reference)).size).toBe(12_003);
    expect(orders.filter((o: { reference: string | null }) => o.reference === 'R11999').map((o: { amount: number }) => o.amount)).toEqual([5]);
    if (path) expect(indexes()).toEqual(before);
    // Importing the file again adds only the two orders without a reference (nothing tells them from new ones).
    expect(await json(['order', 'import', '-', '--create-customers', 'company'], { input: `${rows.join('\n')}\n` }))
      .toMatchObject({ imported: 2, skipped: 12_005, newCustomers: 0 });
  }, 120_000);
});
