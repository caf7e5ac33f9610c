import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';

const strip = (c: Record<string, unknown>) => {
  const { uuid: _u, createdAt: _c, updatedAt: _up, createdBy: _cb, updatedBy: _ub, ...rest } = c;
  return rest;
};

describe('crm import contacts (crm\'s own columns)', () => {
  const FILE = [
    'name,emails,phones,title,company,reportsTo,role,lifecycle,tags,notes',
    'Zhang Wei 张伟,zw@acme.example,+86 10 1234 5678,CEO,Acme GmbH,,decision maker,customer,vip,"Met at ""Expo"", Berlin\nLikes tea"',
    'Li Na,li@acme.example; li.na@home.example,,Head of IT,Acme GmbH,Zhang Wei 张伟,champion,,vip; it,',
    'Tom Berg,,,,Acme GmbH,Li Na,,,,',
    'Ana Díaz,ana@globex.example,,,Globex,Mateo Ruiz,,,,',
    'Mateo Ruiz,mateo@globex.example,,,Globex,,,,,',
    '',
  ].join('\n');

  it('creates contacts with their companies (found or created) and managers (also further down the file)', async () => {
    const { run, json } = sandbox();
    await run(['company', 'add', 'Acme GmbH', '--domain', 'acme.example']);
    const r = await run(['import', 'contacts', '-', '--json'], { input: FILE });
    expect(r.exitCode, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ kind: 'contacts', rows: 5, dryRun: false, counts: { created: 5, updated: 0, skipped: 0, companiesCreated: 1 } });
    expect(summary.created).toEqual([
      { line: 2, id: 1, name: 'Zhang Wei 张伟' }, { line: 4, id: 2, name: 'Li Na' }, { line: 5, id: 3, name: 'Tom Berg' },
      { line: 6, id: 4, name: 'Ana Díaz' }, { line: 7, id: 5, name: 'Mateo Ruiz' }]);
    expect(summary.companiesCreated).toEqual([{ line: 6, id: 2, name: 'Globex' }]);
    const contacts = (await json(['contact', 'list', '--sort', 'id'])).map(strip);
    expect(contacts[0]).toEqual({
      id: 1, name: 'Zhang Wei 张伟', emails: ['zw@acme.example'], phones: ['+86 10 1234 5678'], title: 'CEO',
      company: { id: 1, name: 'Acme GmbH' }, role: 'decision-maker', reportsTo: null, source: null, lifecycle: 'customer',
      consent: 'unknown', doNotContact: false, wallet: null, currency: null, tags: ['vip'], owner: 'alice',
      notes: 'Met at "Expo", Berlin\nLikes tea', externalId: null,
    });
    expect(contacts.map((c: any) => [c.name, c.emails, c.company?.name, c.reportsTo?.name ?? null, c.tags])).toEqual([
      ['Zhang Wei 张伟', ['zw@acme.example'], 'Acme GmbH', null, ['vip']],
      ['Li Na', ['li@acme.example', 'li.na@home.example'], 'Acme GmbH', 'Zhang Wei 张伟', ['it', 'vip']],
      ['Tom Berg', [], 'Acme GmbH', 'Li Na', []],
      ['Ana Díaz', ['ana@globex.example'], 'Globex', 'Mateo Ruiz', []],
      ['Mateo Ruiz', ['mateo@globex.example'], 'Globex', null, []],
    ]);
  });

  it('changes nothing when the same file comes again: every row is matched and skipped, the journal untouched', async () => {
    const { run, json } = sandbox();
    await run(['import', 'contacts', '-'], { input: FILE });
    const before = await json(['history', 'Li Na']);
    const again = JSON.parse((await run(['import', 'contacts', '-', '--json'], { input: FILE })).stdout);
    expect(again.counts).toEqual({ created: 0, updated: 0, skipped: 5, companiesCreated: 0 });
    expect(again.skipped.map((s: any) => [s.line, s.id, s.matchedBy])).toEqual([[2, 1, 'email'], [4, 2, 'email'], [5, 3, 'name'], [6, 4, 'email'], [7, 5, 'email']]);
    expect(await json(['history', 'Li Na'])).toEqual(before);
    expect((await json(['contact', 'list'])).length).toBe(5);
    expect((await json(['company', 'list'])).length).toBe(2);
  });

  it('--update fills and overwrites what the row gives, adds its emails and tags, and leaves the rest', async () => {
    const { run, json } = sandbox();
    await run(['import', 'contacts', '-'], { input: FILE });
    await run(['contact', 'edit', 'Li Na', '--source', 'referral', '--add-tag', 'board']);
    const next = 'name,emails,title,tags\nLi Na,li@acme.example; na.li@acme.example,CIO,exec\nTom Berg,,,\n';
    const r = JSON.parse((await run(['import', 'contacts', '-', '--update', '--json'], { input: next })).stdout);
    expect(r.counts).toEqual({ created: 0, updated: 1, skipped: 1, companiesCreated: 0 });
    const li = await json(['contact', 'show', 'Li Na']);
    expect([li.title, li.source, li.emails, li.tags, li.company.name, li.reportsTo.name]).toEqual(
      ['CIO', 'referral', ['li@acme.example', 'li.na@home.example', 'na.li@acme.example'], ['board', 'exec', 'it', 'vip'], 'Acme GmbH', 'Zhang Wei 张伟']);
    const again = JSON.parse((await run(['import', 'contacts', '-', '--update', '--json'], { input: next })).stdout);
    expect(again.counts).toEqual({ created: 0, updated: 0, skipped: 2, companiesCreated: 0 });
  });

  it('--dry-run says what would be created and skipped, and writes nothing', async () => {
    const { run, json, terminal } = sandbox();
    await run(['contact', 'add', 'Mateo Ruiz', '--email', 'mateo@globex.example']);
    const r = JSON.parse((await run(['import', 'contacts', '-', '--dry-run', '--json'], { input: FILE })).stdout);
    expect(r).toMatchObject({ dryRun: true, counts: { created: 4, updated: 0, skipped: 1, companiesCreated: 2 } });
    expect(r.created.map((c: any) => [c.line, c.id, c.name])).toEqual([[2, null, 'Zhang Wei 张伟'], [4, null, 'Li Na'], [5, null, 'Tom Berg'], [6, null, 'Ana Díaz']]);
    expect(r.skipped).toEqual([{ line: 7, id: 1, name: 'Mateo Ruiz', matchedBy: 'email' }]);
    expect((await json(['contact', 'list'])).length).toBe(1);
    expect(await json(['company', 'list'])).toEqual([]);
    const screen = await terminal(['import', 'contacts', '-', '--dry-run'], { input: FILE, env: { NO_COLOR: '1' } });
    expect(screen.output.replace(/^.*\r(?=.)/gm, '')).toBe([
      'checking 5 rows',
      'File               -', 'Kind               contacts', 'Rows               5', 'Created            4', 'Updated            0',
      'Skipped            1', 'Companies created  2', 'Dry run            yes', '',
      'Created, would be', 'Line  Name', '2     Zhang Wei 张伟', '4     Li Na', '5     Tom Berg', '6     Ana Díaz', '',
      'Skipped (already there), would be', 'Line  ID  Name        Matched by', '7     1   Mateo Ruiz  email', '',
      'Companies created, would be', 'Line  Name', '2     Acme GmbH', '6     Globex',
      'dry run: 4 contacts would be created, 0 updated, 1 skipped; nothing was written', ''].join('\n'));
  });

  it('checks every row first: bad rows fail the import with exit 2, naming line, field, column and fix; nothing is written', async () => {
    const { run, json, home } = sandbox();
    const file = join(home, 'people.csv');
    writeFileSync(file, 'Full Name,Email,Role\nAna,ana@x.example,user\n,b@x.example,\nCy,cy@,boss\nDee,dee@x.example,\n');
    const r = await run(['import', 'contacts', file, '--map', 'name=Full Name', '--map', 'emails=Email', '--map', 'role=Role']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe([
      '  line 3: name (Full Name) is empty; every contact needs a name',
      '  line 4: emails (Email) "cy@" is not a valid email address; write it like name@example.com',
      '  line 4: role (Role) "boss" is not a buying role; use one of decision-maker, influencer, champion, user, buyer, gatekeeper',
      'error: 2 of 4 rows are invalid; nothing was imported (fix the rows listed above and import again)', ''].join('\n'));
    expect(await json(['contact', 'list'])).toEqual([]);
  });

  it('reads a hand-made sheet: headers in any case, email and phone in the singular', async () => {
    const { run, json } = sandbox();
    const r = await run(['import', 'contacts', '-', '--json'], { input: 'Name,Email,Phone,Company \nAda Lovelace,ada@babbage.example,+44 20 7946 0000,Babbage Ltd\n' });
    expect(r.exitCode, r.stderr).toBe(0);
    const [ada] = await json(['contact', 'list']);
    expect(ada).toMatchObject({ name: 'Ada Lovelace', emails: ['ada@babbage.example'], phones: ['+44 20 7946 0000'], company: { name: 'Babbage Ltd' } });
    const bad = await run(['import', 'contacts', '-'], { input: 'Name,Email\nBad,not-an-email\n' });
    expect([bad.exitCode, bad.stderr.split('\n')[0]]).toEqual([2, '  line 2: emails (Email) "not-an-email" is not a valid email address; write it like name@example.com']);
  });

  it('names a manager who is nowhere, after the last row, by line', async () => {
    const { run, json } = sandbox();
    const r = await run(['import', 'contacts', '-'], { input: 'name,reportsTo\nAna,Nobody Known\nBo,Ana\n' });
    expect([r.exitCode, r.stderr]).toEqual([2, '  line 2: reportsTo (reportsTo) "Nobody Known" is no contact in the database or the file; ' +
      'give the manager\'s name, email or uuid as it is there, or leave the cell empty\n' +
      'error: 1 of 2 rows are invalid; nothing was imported (fix the rows listed above and import again)\n']);
    expect(await json(['contact', 'list'])).toEqual([]);
  });
});
