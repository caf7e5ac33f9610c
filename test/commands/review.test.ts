import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';

/** Bugs a code review found, one test each, so they stay fixed. */
describe('review findings', () => {
  it('reopening a won deal removes only the order its win recorded', async () => {
    const { run, json } = sandbox();
    await run(['company', 'add', 'Acme']);
    await run(['deal', 'add', 'Big', '--company', 'Acme', '--amount', '1000']);
    await run(['order', 'add', 'Acme', '--amount', '500', '--deal', 'Big', '--reference', 'INV-1']);
    await run(['deal', 'win', 'Big']);
    expect(await json(['order', 'list'])).toHaveLength(2);
    await run(['deal', 'reopen', 'Big']);
    expect((await json(['order', 'list'])).map((o: any) => o.reference)).toEqual(['INV-1']);
  });

  it('refuses to change a currency without the amount in it', async () => {
    const { run, json } = sandbox();
    await run(['deal', 'add', 'Big', '--amount', '100']);
    const deal = await run(['deal', 'edit', 'Big', '--currency', 'JPY']);
    expect([deal.exitCode, deal.stderr.split(' (')[0]]).toEqual([2, 'error: --currency: changing USD to JPY needs the amount in JPY']);
    expect(await json(['deal', 'edit', 'Big', '--currency', 'JPY', '--amount', '15000'])).toMatchObject({ amount: 15000, currency: 'JPY' });
    await run(['company', 'add', 'Acme', '--wallet', '250,000', '--currency', 'EUR']);
    expect((await run(['company', 'edit', 'Acme', '--currency', 'JPY'])).exitCode).toBe(2);
    expect(await json(['company', 'show', 'Acme'])).toMatchObject({ wallet: 250000, currency: 'EUR' });
  });

  it('a merge never makes a reporting loop, and the org chart never hides people', async () => {
    const { run, json } = sandbox();
    await run(['company', 'add', 'Acme']);
    await run(['contact', 'add', 'Dup', '--company', 'Acme']);
    await run(['contact', 'add', 'X', '--company', 'Acme', '--reports-to', 'Dup']);
    await run(['contact', 'add', 'Keep', '--company', 'Acme', '--reports-to', 'X']);
    expect((await run(['contact', 'merge', 'Keep', 'Dup', '--yes'])).exitCode).toBe(0);
    const tree = await json(['company', 'tree', 'Acme']);
    const names = (nodes: any[]): string[] => nodes.flatMap((n) => [n.name, ...names(n.reports)]);
    expect(names(tree.contacts).sort()).toEqual(['Keep', 'X']);
  });

  it('keeps the history of deleted deals and follow-ups reachable', async () => {
    const { run, json } = sandbox();
    await run(['deal', 'add', 'Big', '--amount', '1']);
    await run(['followup', 'add', 'Call', '--due', 'tomorrow']);
    await run(['deal', 'rm', 'Big', '--yes']);
    await run(['followup', 'rm', 'Call', '--yes']);
    expect((await json(['history', 'deal:1'])).map((e: any) => e.action)).toEqual(['create', 'delete']);
    expect((await json(['history', 'followup:1'])).map((e: any) => e.action)).toEqual(['create', 'delete']);
  });

  it('books a won deal of a contact on the contact\'s company', async () => {
    const { run, json } = sandbox();
    await run(['company', 'add', 'Acme']);
    await run(['contact', 'add', 'Li', '--company', 'Acme']);
    await run(['deal', 'add', 'Big', '--amount', '10']);
    await run(['deal', 'edit', 'Big', '--contact', 'Li', '--company', '']);
    expect((await json(['deal', 'win', 'Big'])).order.customer).toEqual({ kind: 'company', id: 1, name: 'Acme' });
  });

  it('a repeating follow-up completed late is next due after today', async () => {
    const { run, json } = sandbox({ CRM_NOW: '2026-03-11T10:30:00Z' });
    await run(['followup', 'add', 'Weekly', '--due', '2026-03-01', '--repeat', '1w']);
    expect((await json(['followup', 'done', 'Weekly', '--at', '2026-03-02'])).next).toMatchObject({ due: '2026-03-15', overdue: false });
  });

  it('refuses renames onto an existing name with exit 4', async () => {
    const { run } = sandbox();
    const stage = await run(['stage', 'edit', 'Lead', '--name', 'qualified']);
    expect([stage.exitCode, stage.stderr.split(' (')[0]]).toEqual([4, 'error: --name: a stage "qualified" already exists']);
    await run(['company', 'add', 'Acme']);
    await run(['company', 'add', 'Globex']);
    expect((await run(['company', 'edit', 'Globex', '--name', 'acme'])).exitCode).toBe(4);
    expect((await run(['company', 'edit', 'Globex', '--name', 'acme', '--allow-duplicate'])).exitCode).toBe(0);
  });

  it('a database path inside a file is a usage error, and --format json errors are JSON', async () => {
    const { run, home } = sandbox();
    writeFileSync(join(home, 'file'), 'x');
    const r = await run(['company', 'list', '--db', join(home, 'file', 'x.db')]);
    expect([r.exitCode, r.stderr.split(' (')[0]]).toEqual([2, `error: cannot create the database ${join(home, 'file', 'x.db')}`]);
    const j = await run(['contact', 'list', '--format', 'json', '--bogus']);
    expect(JSON.parse(j.stderr).error).toMatchObject({ code: 'usage', hint: "see 'crm contact list --help'" });
    expect((await run(['completionz', 'bash'])).stderr).toContain("see 'crm --help'");
  });

});
