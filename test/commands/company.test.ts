import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';

describe('crm company', () => {
  it('adds with every field and shows it back as JSON', async () => {
    const { json } = sandbox();
    const c = await json(['company', 'add', 'Acme GmbH', '--domain', 'https://www.Acme.example/', '--industry', 'Manufacturing',
      '--size', '250', '--address', 'Hauptstr. 1, Berlin', '--wallet', '120,000', '--currency', 'eur', '--tag', 'VIP',
      '--tag', 'partner', '--notes', 'Key account', '--external-id', 'C-17']);
    expect(c).toEqual({
      id: 1, name: 'Acme GmbH', domain: 'acme.example', industry: 'Manufacturing', size: 250,
      address: 'Hauptstr. 1, Berlin', wallet: 120000, currency: 'EUR', tags: ['partner', 'vip'], owner: 'alice',
      notes: 'Key account', externalId: 'C-17', uuid: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/), createdAt: '2026-03-11T10:30:00.000Z',
      updatedAt: '2026-03-11T10:30:00.000Z', createdBy: 'alice', updatedBy: 'alice',
    });
    const shown = await json(['company', 'show', 'acme.example']);
    expect(shown).toEqual({ ...c, contacts: [], openDeals: [], latestActivities: [], openFollowups: [],
      orders: { orders: 0, totals: [], firstOrder: null, lastOrder: null } });
    expect(await json(['company', 'show', 'C-17'])).toMatchObject({ id: 1 });
    expect(await json(['company', 'show', 'ACME gmbh'])).toMatchObject({ id: 1 });
  });

  it('lists with filters, sort and limit', async () => {
    const { json, run, team } = sandbox();
    await team('bob');
    await run(['company', 'add', 'Globex', '--industry', 'Energy', '--tag', 'vip']);
    await run(['company', 'add', 'Acme', '--industry', 'Manufacturing', '--owner', 'bob']);
    await run(['company', 'add', 'Initech', '--industry', 'Software', '--tag', 'vip', '--tag', 'churn-risk', '--notes', 'TPS reports']);
    const names = (xs: { name: string }[]) => xs.map((x) => x.name);
    expect(names(await json(['company', 'list']))).toEqual(['Acme', 'Globex', 'Initech']);
    expect(names(await json(['company', 'list', '--tag', 'vip']))).toEqual(['Globex', 'Initech']);
    expect(names(await json(['company', 'list', '--tag', 'vip', '--tag', 'churn-risk']))).toEqual(['Initech']);
    expect(names(await json(['company', 'list', '--owner', 'bob']))).toEqual(['Acme']);
    expect(names(await json(['company', 'list', '--mine']))).toEqual(['Globex', 'Initech']);
    expect(names(await json(['company', 'list', '--industry', 'Energy']))).toEqual(['Globex']);
    expect(names(await json(['company', 'list', '--search', 'tps']))).toEqual(['Initech']);
    expect(names(await json(['company', 'list', '--sort', 'id', '--desc', '--limit', '2']))).toEqual(['Initech', 'Acme']);
    expect(await json(['company', 'list', '--tag', 'nope'])).toEqual([]);
    expect((await run(['company', 'list', '-q'])).stdout).toBe('2\n1\n3\n');
  });

  it('edits fields, tags and clears values', async () => {
    const { json, run } = sandbox();
    await run(['company', 'add', 'Acme', '--domain', 'acme.example', '--tag', 'a', '--size', '10']);
    const c = await json(['company', 'edit', 'Acme', '--name', 'Acme Corp', '--add-tag', 'b', '--remove-tag', 'a',
      '--domain', '', '--size', '12', '--wallet', '5000'], { env: { CRM_USER: 'bob', CRM_NOW: '2026-03-12T08:00:00Z' } });
    expect(c).toMatchObject({ name: 'Acme Corp', tags: ['b'], domain: null, size: 12, wallet: 5000, currency: 'USD',
      updatedBy: 'bob', updatedAt: '2026-03-12T08:00:00.000Z', createdBy: 'alice', owner: 'alice' });
  });

  it('removes a company after confirmation, detaching its contacts', async () => {
    const { json, run } = sandbox();
    await run(['company', 'add', 'Acme']);
    await run(['contact', 'add', 'Li Na', '--company', 'Acme']);
    const refused = await run(['company', 'rm', 'Acme']);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toBe('error: will not delete company #1 Acme without confirmation (pass --yes (-y) to confirm when there is no terminal)\n');
    expect(await json(['company', 'list'])).toHaveLength(1);
    expect((await run(['company', 'rm', 'Acme', '--yes'])).exitCode).toBe(0);
    expect(await json(['company', 'list'])).toEqual([]);
    expect(await json(['contact', 'show', 'Li Na'])).toMatchObject({ company: null });
    expect((await run(['company', 'show', '1'])).exitCode).toBe(3);
  });

  it('shows the order summary in one line, and says so in one line when there are no orders', async () => {
    const { run } = sandbox();
    await run(['company', 'add', 'Quiet']);
    await run(['company', 'add', 'Busy']);
    await run(['order', 'add', 'Busy', '--amount', '1,200', '--date', '2026-03-01']);
    await run(['order', 'add', 'Busy', '--amount', 'EUR 99.5', '--date', '2026-03-05']);
    const tty = { tty: true, env: { NO_COLOR: '1' } };
    const quiet = (await run(['company', 'show', 'Quiet'], tty)).stdout;
    expect(quiet).toMatch(/^Orders   none$/m);
    expect(quiet).not.toMatch(/Summary|no orders/);
    expect((await run(['company', 'show', 'Busy'], tty)).stdout).toMatch(/^Orders   2 orders, €99\.50 \+ \$1,200\.00; first 2026-03-01, last 2026-03-05$/m);
    expect((await run(['company', 'show', 'Quiet'])).stdout).toMatch(/^orders\tnone$/m);
    expect((await run(['contact', 'add', 'Solo', '-q'])).exitCode).toBe(0);
    expect((await run(['contact', 'show', 'Solo'], tty)).stdout).toMatch(/^Orders +none$/m);
  });

  it('prints the org chart with buying roles', async () => {
    const { json, run } = sandbox();
    await run(['company', 'add', 'Acme GmbH']);
    await run(['contact', 'add', 'Zhang Wei 张伟', '--company', 'Acme GmbH', '--title', 'CEO', '--role', 'decision maker']);
    await run(['contact', 'add', 'Li Na', '--company', '1', '--reports-to', 'Zhang Wei 张伟', '--role', 'champion']);
    await run(['contact', 'add', 'Bo', '--company', '1', '--reports-to', 'Li Na', '--title', 'Engineer']);
    await run(['contact', 'add', 'Ann', '--company', '1', '--reports-to', 'Zhang Wei 张伟']);
    await run(['contact', 'add', 'Outsider', '--reports-to', 'Zhang Wei 张伟']);
    const tree = await run(['company', 'tree', 'Acme GmbH', '--format', 'table']);
    expect(tree.stdout).toBe([
      'Acme GmbH',
      '└── Zhang Wei 张伟  CEO [decision-maker]',
      '    ├── Ann',
      '    └── Li Na  [champion]',
      '        └── Bo  Engineer',
      '',
    ].join('\n'));
    expect(await json(['company', 'tree', 'Acme GmbH'])).toEqual({
      company: { id: 1, name: 'Acme GmbH' },
      contacts: [{ id: 1, name: 'Zhang Wei 张伟', title: 'CEO', role: 'decision-maker', reports: [
        { id: 4, name: 'Ann', title: null, role: null, reports: [] },
        { id: 2, name: 'Li Na', title: null, role: 'champion', reports: [
          { id: 3, name: 'Bo', title: 'Engineer', role: null, reports: [] }] }] }],
    });
  });

  it('rejects bad input with one line naming the field, and writes nothing', async () => {
    const { run, json } = sandbox();
    await run(['company', 'add', 'Acme']);
    const cases: [string[], number, string][] = [
      [['company', 'add', ''], 2, 'error: name: "" must not be empty (give a name)'],
      [['company', 'add', 'X', '--size', 'ten'], 2, 'error: --size: "ten" must be a whole number, e.g. 50'],
      [['company', 'add', 'X', '--domain', 'not a domain'], 2, 'error: --domain: "not a domain" is not a domain name (write it like acme.example)'],
      [['company', 'add', 'X', '--wallet', '-5'], 2, 'error: --wallet: "-5" is negative (give an amount of zero or more)'],
      [['company', 'add', 'X', '--tag', 'has space'], 2, 'error: --tag: "has space" is not a tag (use letters, digits and _ . : - (up to 50), e.g. vip)'],
      [['company', 'add', 'acme'], 4, 'error: company "acme" already exists as #1 (use that one, or pass --allow-duplicate to add a second company of that name)'],
      [['company', 'edit', 'Nope', '--industry', 'x'], 3, `error: no company matches "Nope" (try 'crm search "Nope"' or use an id)`],
      [['company', 'add', 'X', '--colour'], 2, "error: unknown option '--colour'"],
    ];
    for (const [args, code, line] of cases) {
      const r = await run(args);
      expect([r.exitCode, r.stderr.split('\n')[0]!.slice(0, line.length)], args.join(' ')).toEqual([code, line]);
      expect(r.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
    expect((await json(['company', 'list'])).map((c: { name: string }) => c.name)).toEqual(['Acme']);
    expect((await run(['company', 'add', 'acme', '--allow-duplicate'])).exitCode).toBe(0);
  });
});
