import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';

describe('crm contact', () => {
  it('adds with every field', async () => {
    const { json, run, team } = sandbox();
    await team('bob');
    await run(['company', 'add', 'Acme GmbH', '--domain', 'acme.example']);
    await run(['contact', 'add', 'Zhang Wei 张伟', '--email', 'zw@acme.example']);
    const c = await json(['contact', 'add', 'Li Na', '--email', 'Li@Acme.example', '--email', 'li.na@home.example',
      '--phone', '+49 30 1234567', '--title', 'Head of IT', '--company', 'acme.example', '--role', 'Champion',
      '--reports-to', 'zw@acme.example', '--source', 'referral', '--lifecycle', 'prospect', '--consent', 'opted-in',
      '--tag', 'vip', '--owner', 'bob', '--notes', 'Prefers email', '--wallet', '1,500.50', '--currency', 'GBP',
      '--external-id', 'P-9']);
    expect(c).toEqual({
      id: 2, name: 'Li Na', emails: ['li@acme.example', 'li.na@home.example'], phones: ['+49 30 1234567'],
      title: 'Head of IT', company: { id: 1, name: 'Acme GmbH' }, role: 'champion',
      reportsTo: { id: 1, name: 'Zhang Wei 张伟' }, source: 'referral', lifecycle: 'prospect', consent: 'opted-in',
      doNotContact: false, wallet: 1500.5, currency: 'GBP', tags: ['vip'], owner: 'bob', notes: 'Prefers email',
      externalId: 'P-9', uuid: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/), createdAt: '2026-03-11T10:30:00.000Z', updatedAt: '2026-03-11T10:30:00.000Z',
      createdBy: 'alice', updatedBy: 'alice',
    });
    expect(await json(['contact', 'show', 'Zhang Wei 张伟'])).toMatchObject({
      reports: [{ id: 2, name: 'Li Na', title: 'Head of IT', role: 'champion' }],
    });
    expect(await json(['company', 'show', 'Acme GmbH'])).toMatchObject({ contacts: [{ name: 'Li Na' }] });
  });

  it('finds a contact by id, name, any email and external id', async () => {
    const { json, run } = sandbox();
    await run(['contact', 'add', 'Li Na', '--email', 'li@acme.example', '--email', 'x@y.example', '--external-id', 'P-1']);
    for (const ref of ['1', '#1', 'li na', 'X@Y.example', 'P-1', 'contact:1']) {
      expect((await json(['contact', 'show', ref])).id, ref).toBe(1);
    }
  });

  it('lists with every filter', async () => {
    const { json, run, team } = sandbox();
    await team('bob');
    await run(['company', 'add', 'Acme']);
    await run(['company', 'add', 'Globex']);
    await run(['contact', 'add', 'Ann', '--company', 'Acme', '--tag', 'vip', '--lifecycle', 'customer']);
    await run(['contact', 'add', 'Bob', '--company', 'Globex', '--tag', 'vip', '--owner', 'bob', '--title', 'CFO']);
    await run(['contact', 'add', 'Cy', '--company', 'Acme', '--notes', 'golf partner']);
    const names = (xs: { name: string }[]) => xs.map((x) => x.name);
    expect(names(await json(['contact', 'list', '--tag', 'vip']))).toEqual(['Ann', 'Bob']);
    expect(names(await json(['contact', 'list', '--company', 'Acme']))).toEqual(['Ann', 'Cy']);
    expect(names(await json(['contact', 'list', '--mine']))).toEqual(['Ann', 'Cy']);
    expect(names(await json(['contact', 'list', '--owner', 'bob']))).toEqual(['Bob']);
    expect(names(await json(['contact', 'list', '--lifecycle', 'customer']))).toEqual(['Ann']);
    expect(names(await json(['contact', 'list', '--search', 'golf']))).toEqual(['Cy']);
    expect(names(await json(['contact', 'list', '--search', 'cf']))).toEqual(['Bob']);
    expect(names(await json(['contact', 'list', '--sort', 'company', '--desc']))).toEqual(['Bob', 'Ann', 'Cy']);
    expect(names(await json(['contact', 'list', '--limit', '1']))).toEqual(['Ann']);
    expect((await run(['contact', 'list', '-q', '--tag', 'vip'])).stdout).toBe('1\n2\n');
    expect((await run(['contact', 'list', '--company', 'Nope'])).exitCode).toBe(3);
  });

  it('edits lists, links and flags', async () => {
    const { json, run } = sandbox();
    await run(['company', 'add', 'Acme']);
    await run(['contact', 'add', 'Boss']);
    await run(['contact', 'add', 'Li Na', '--email', 'a@x.example', '--phone', '123', '--company', 'Acme', '--reports-to', 'Boss', '--tag', 'old']);
    const c = await json(['contact', 'edit', 'Li Na', '--add-email', 'b@x.example', '--remove-email', 'a@x.example',
      '--add-phone', '456', '--add-tag', 'new', '--remove-tag', 'old', '--no-company', '--no-reports-to',
      '--do-not-contact', '--title', 'CTO']);
    expect(c).toMatchObject({ emails: ['b@x.example'], phones: ['123', '456'], tags: ['new'], company: null,
      reportsTo: null, doNotContact: true, title: 'CTO' });
    expect(await json(['contact', 'edit', '2', '--allow-contact', '--title', ''])).toMatchObject({ doNotContact: false, title: null });
    const missing = await run(['contact', 'edit', '2', '--remove-email', 'zzz@x.example']);
    expect([missing.exitCode, missing.stderr]).toEqual([2, 'error: --remove-email: "zzz@x.example" is not on this contact (it has: b@x.example)\n']);
  });

  it('refuses reports-to loops and self-reporting, leaving the chart unchanged', async () => {
    const { json, run } = sandbox();
    await run(['contact', 'add', 'A']);
    await run(['contact', 'add', 'B', '--reports-to', 'A']);
    await run(['contact', 'add', 'C', '--reports-to', 'B']);
    const loop = await run(['contact', 'edit', 'A', '--reports-to', 'C']);
    expect(loop.exitCode).toBe(2);
    expect(loop.stderr).toMatch(/^error: --reports-to: "C" would make a loop: C already reports, directly or through others, to A \(/);
    const self = await run(['contact', 'edit', 'A', '--reports-to', 'A']);
    expect([self.exitCode, self.stderr.split(' (')[0]]).toEqual([2, 'error: --reports-to: A cannot report to themselves']);
    expect(await json(['contact', 'show', 'A'])).toMatchObject({ reportsTo: null });
  });

  it('keeps emails unique across contacts (exit 4)', async () => {
    const { json, run } = sandbox();
    await run(['contact', 'add', 'Li Na', '--email', 'li@acme.example']);
    const dup = await run(['contact', 'add', 'Other', '--email', 'LI@acme.example']);
    expect(dup.exitCode).toBe(4);
    expect(dup.stderr).toMatch(/^error: --email: li@acme.example already belongs to contact #1 Li Na/);
    expect(await json(['contact', 'list'])).toHaveLength(1);
  });

  it('resolves ambiguous names by listing candidates (exit 2)', async () => {
    const { run } = sandbox();
    await run(['contact', 'add', 'Li Na', '--email', 'li@acme.example']);
    await run(['contact', 'add', 'Li Na', '--email', 'li@globex.example']);
    const r = await run(['contact', 'show', 'Li Na']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('error: "Li Na" matches 2 records: #1 Li Na (li@acme.example), #2 Li Na (li@globex.example) (use the id, or qualify the kind, e.g. contact:12)\n');
    const j = await run(['contact', 'show', 'Li Na', '--json']);
    expect(JSON.parse(j.stderr)).toEqual({ error: {
      code: 'ambiguous', message: '"Li Na" matches 2 records: #1 Li Na (li@acme.example), #2 Li Na (li@globex.example)',
      hint: 'use the id, or qualify the kind, e.g. contact:12',
      candidates: [{ kind: 'contact', id: 1, name: 'Li Na' }, { kind: 'contact', id: 2, name: 'Li Na' }] } });
  });

  it('removes a contact; their reports then report to nobody', async () => {
    const { json, run } = sandbox();
    await run(['contact', 'add', 'Boss']);
    await run(['contact', 'add', 'Li Na', '--reports-to', 'Boss']);
    expect((await run(['contact', 'rm', 'Boss'])).exitCode).toBe(2);
    expect((await run(['contact', 'rm', 'Boss', '-y'])).exitCode).toBe(0);
    expect(await json(['contact', 'show', 'Li Na'])).toMatchObject({ reportsTo: null });
    expect((await run(['contact', 'show', 'Boss'])).exitCode).toBe(3);
  });

  it('merges a duplicate into the keeper and records it', async () => {
    const { json, run } = sandbox();
    await run(['company', 'add', 'Acme']);
    await run(['contact', 'add', 'Li Na', '--email', 'li@acme.example', '--tag', 'vip']);
    await run(['contact', 'add', 'Na Li', '--email', 'nali@home.example', '--phone', '555 1234', '--company', 'Acme',
      '--title', 'CTO', '--tag', 'golf', '--do-not-contact']);
    await run(['contact', 'add', 'Junior', '--reports-to', 'Na Li']);
    expect((await run(['contact', 'merge', 'Li Na', 'Na Li'])).exitCode).toBe(2);
    const merged = await json(['contact', 'merge', 'Li Na', 'Na Li', '--yes']);
    expect(merged).toMatchObject({
      id: 1, name: 'Li Na', emails: ['li@acme.example', 'nali@home.example'], phones: ['555 1234'],
      company: { id: 1, name: 'Acme' }, title: 'CTO', tags: ['golf', 'vip'], doNotContact: true,
      mergedFrom: { id: 2, name: 'Na Li' },
    });
    expect((await run(['contact', 'show', '2'])).exitCode).toBe(3);
    expect(await json(['contact', 'show', 'nali@home.example'])).toMatchObject({ id: 1 });
    expect(await json(['contact', 'show', 'Junior'])).toMatchObject({ reportsTo: { id: 1, name: 'Li Na' } });
    const history = await json(['history', 'contact:1']);
    expect(history.map((h: { action: string }) => h.action)).toEqual(['create', 'merge']);
    expect(history[1].changes).toContainEqual({ field: 'mergedFrom', before: null, after: { id: 2, name: 'Na Li' } });
    expect((await json(['history', 'contact:2'])).map((h: { action: string }) => h.action)).toEqual(['create', 'delete']);
    const same = await run(['contact', 'merge', '1', 'Li Na', '-y']);
    expect([same.exitCode, same.stderr]).toEqual([2, 'error: KEEP and DUP are the same contact (#1) (name two different contacts)\n']);
  });

  it('rejects bad input with one line naming the field, and writes nothing', async () => {
    const { run, json } = sandbox();
    const cases: [string[], number, string][] = [
      [['contact', 'add', '  '], 2, 'error: name: "  " must not be empty'],
      [['contact', 'add', 'X', '--email', 'not-an-email'], 2, 'error: --email: "not-an-email" is not a valid email address (write it like name@example.com)'],
      [['contact', 'add', 'X', '--company', 'Nope'], 3, 'error: --company: no company matches "Nope"'],
      [['contact', 'add', 'X', '--reports-to', 'Nobody'], 3, 'error: --reports-to: no contact matches "Nobody"'],
      [['contact', 'add', 'X', '--role', 'boss'], 2, 'error: --role: "boss" is not a buying role (use one of decision-maker, influencer, champion, user, buyer, gatekeeper)'],
      [['contact', 'add', 'X', '--lifecycle', 'zombie'], 2, 'error: --lifecycle: "zombie" is not a lifecycle stage'],
      [['contact', 'add', 'X', '--consent', 'maybe'], 2, 'error: --consent: "maybe" is not a consent state'],
      [['contact', 'add', 'X', '--phone', 'call me'], 2, 'error: --phone: "call me" is not a phone number'],
      [['contact', 'add', 'X', '--wallet', 'lots'], 2, 'error: --wallet: "lots" is not an amount'],
      [['contact', 'add', 'X', '--currency', 'EURO', '--wallet', '5'], 2, 'error: --currency: "EURO" is not an ISO 4217 currency code'],
      [['contact', 'add', 'X', '--limit'], 2, "error: unknown option '--limit'"],
      [['contact', 'add'], 2, 'error: missing NAME (pass NAME: crm contact add NAME'],
      [['contact', 'edit', '1'], 2, 'error: missing the fields to change'],
      [['contact', 'add', 'X', '--do-not-contact', '--allow-contact'], 2, "error: unknown option '--allow-contact'"],
      [['contact', 'list', '--limit', 'many'], 2, 'error: --limit: "many" is not a whole number of at least 1'],
      [['contact', 'list', '--lifecycle', 'zombie'], 2, "error: option '--lifecycle <stage>' argument 'zombie' is invalid"],
    ];
    for (const [args, code, line] of cases) {
      const r = await run(args);
      expect([r.exitCode, r.stderr.slice(0, line.length)], args.join(' ')).toEqual([code, line]);
      expect(r.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
    }
    expect(await json(['contact', 'list'])).toEqual([]);
  });
});

describe('crm contact list, streamed', () => {
  // More contacts than one batch (500) holds, with what the formats quote: commas, quotes, CJK, formulas, no company.
  const companies = ['Acme, Inc.', 'Globex', '', '株式会社'];
  const file = ['name,emails,phones,company,lifecycle,tags,notes',
    ...Array.from({ length: 1100 }, (_, i) => [
      `"${['Li, Na', 'Bo "B"', '=SUM(1)', '张伟', 'Zoë'][i % 5]!.replaceAll('"', '""')} ${i}"`, `p${i}@x.example`,
      i % 7 ? '' : '+49 30 1234567', `"${companies[i % 4]}"`, ['lead', 'customer'][i % 2], i % 3 ? '' : 'vip; key', i % 11 ? '' : '"two\nlines"',
    ].join(',')), ''].join('\n');

  it('writes every form as the whole-list renderers would, across batches, in the order and number asked', async () => {
    const { run, json } = sandbox();
    const imported = await run(['import', 'contacts', '-'], { input: file });
    expect(imported.exitCode, imported.stderr).toBe(0);
    const { render } = await import('../../src/output/render.js');
    const { theme } = await import('../../src/output/theme.js');
    const { contactList } = await import('../../src/output/views/contact.js');
    const whole = (data: any[], format: any, quiet = false) =>
      render(contactList(data) as any, { format, quiet, pretty: false, locale: 'en-US', theme: theme(0) }).stdout;
    for (const args of [[], ['--sort', 'company', '--desc', '--tag', 'vip'], ['--sort', 'id', '--desc', '--limit', '777']]) {
      const all = await json(['contact', 'list', ...args]);
      const r = (extra: string[]) => run(['contact', 'list', ...args, ...extra]);
      expect((await r(['--json'])).stdout).toBe(`${JSON.stringify(all)}\n`);
      for (const format of ['csv', 'tsv', 'ndjson']) expect((await r(['--format', format])).stdout, `${format} ${args}`).toBe(whole(all, format));
      expect((await r([])).stdout).toBe(whole(all, 'plain'));
      expect((await r(['-q'])).stdout).toBe(whole(all, 'plain', true));
      if (args.includes('--limit')) expect((await r(['--format', 'table'])).stdout).toBe(whole(all, 'table'));
      if (args.includes('--limit')) expect(all.map((c: any) => c.id)).toEqual(Array.from({ length: 777 }, (_, i) => 1100 - i));
      if (!args.length) {
        expect(all).toHaveLength(1100);
        expect(new Set(all.map((c: any) => c.id)).size).toBe(1100);
        expect(all.map((c: any) => c.name.toLowerCase())).toEqual(all.map((c: any) => c.name.toLowerCase()).sort());
      }
    }
    // A person at a terminal gets the array indented, as JSON.stringify(all, null, 2) lays it out.
    const screen = await run(['contact', 'list', '--json', '--limit', '600'], { tty: true });
    expect(screen.stdout).toBe(`${JSON.stringify((await json(['contact', 'list', '--limit', '600'])), null, 2)}\n`);
  }, 120_000);

  it('writes in JSON and NDJSON the text JSON.stringify makes of each contact, whatever its values', async () => {
    const { run, team } = sandbox();
    await team('bob');
    for (const name of ['Zeta "Quoted" Co', 'Gone Ltd']) await run(['company', 'add', name]);
    for (const name of ['Boss', 'Gone Boss']) await run(['contact', 'add', name]);
    const adds = [
      ['Li Na', '--email', 'z@x.example', '--email', 'a@x.example', '--phone', '+49 1', '--phone', '+1 555', '--tag', 'zed',
        '--tag', 'alpha', '--wallet', '1234.56', '--currency', 'USD', '--company', '1', '--reports-to', 'Boss', '--role', 'champion',
        '--notes', 'line\n"q" \\ \t\u0001\u001f\u007f\u2028 😀 张伟', '--title', 'Head of "things"'],
      ['Ōta 大田', '--wallet', '1500', '--currency', 'JPY', '--do-not-contact', '--source', 'referral', '--external-id', 'E-1',
        '--owner', 'bob', '--reports-to', 'Gone Boss', '--lifecycle', 'customer', '--consent', 'opted-in'],
      ['Dinar', '--wallet', '12.345', '--currency', 'BHD', '--company', 'Gone Ltd'],
      ['Zero', '--wallet', '0', '--currency', 'EUR', '--lifecycle', 'former', '--consent', 'opted-out'],
      ['Big', '--wallet', '123456789012.34', '--currency', 'EUR'],
      ['Tiny', '--wallet', '0.01', '--currency', 'USD', '--tag', 'vip'],
    ];
    for (const add of adds) {
      const added = await run(['contact', 'add', ...add]);
      expect(added.exitCode, added.stderr).toBe(0);
    }
    // What a contact pointed at is gone: the list shows no manager and no company, as the record does.
    expect((await run(['contact', 'rm', 'Gone Boss', '--yes'])).exitCode).toBe(0);
    expect((await run(['company', 'rm', 'Gone Ltd', '--yes'])).exitCode).toBe(0);
    // A terminal's indented JSON is written from the contacts as objects; a pipe's JSON and NDJSON come as text.
    const objects = JSON.parse((await run(['contact', 'list', '--json'], { tty: true })).stdout);
    expect(objects.map((c: any) => [c.name, c.wallet, c.currency])).toEqual([['Big', 123456789012.34, 'EUR'], ['Boss', null, null],
      ['Dinar', 12.345, 'BHD'], ['Li Na', 1234.56, 'USD'], ['Tiny', 0.01, 'USD'], ['Zero', 0, 'EUR'], ['Ōta 大田', 1500, 'JPY']]);
    expect(objects[3]).toMatchObject({ emails: ['z@x.example', 'a@x.example'], tags: ['alpha', 'zed'], company: { id: 1, name: 'Zeta "Quoted" Co' } });
    expect(objects[6]).toMatchObject({ reportsTo: null, doNotContact: true });
    expect(objects[2].company).toBeNull();
    expect((await run(['contact', 'list', '--json'])).stdout).toBe(`${JSON.stringify(objects)}\n`);
    expect((await run(['contact', 'list', '--format', 'ndjson'])).stdout).toBe(`${objects.map((c: unknown) => JSON.stringify(c)).join('\n')}\n`);
    // A list longer than a batch (500), which PostgreSQL writes from one query, each child table grouped whole.
    const more = await run(['import', 'contacts', '-'], { input: ['name,emails,tags', ...Array.from({ length: 600 }, (_, i) => `M ${i},m${i}@x.example,b; a`), ''].join('\n') });
    expect(more.exitCode, more.stderr).toBe(0);
    const long = JSON.parse((await run(['contact', 'list', '--json'], { tty: true })).stdout);
    expect(long).toHaveLength(607);
    expect((await run(['contact', 'list', '--json'])).stdout).toBe(`${JSON.stringify(long)}\n`);
    expect((await run(['contact', 'list', '--format', 'ndjson'])).stdout).toBe(`${long.map((c: unknown) => JSON.stringify(c)).join('\n')}\n`);
  });
});
