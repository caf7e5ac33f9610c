import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/vcard/${name}`, import.meta.url));

/** What a person sees of each contact: name, emails, phones, title, company, manager, tags, notes. */
async function people(json: ReturnType<typeof sandbox>['json']) {
  const list = await json(['contact', 'list', '--sort', 'id']);
  return list.map((c: any) => [c.name, c.emails, c.phones, c.title, c.company?.name ?? null, c.reportsTo?.name ?? null, c.tags, c.notes]);
}

describe('crm import vcard', () => {
  it('imports an iPhone/macOS export: item groups, the manager relation, ORG, CATEGORIES, NOTE; a manager found nowhere is listed', async () => {
    const { run, json } = sandbox();
    const r = await run(['import', 'vcard', fixture('iphone-3.0.vcf'), '--json']);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      file: fixture('iphone-3.0.vcf'), cards: 3, added: 2, updated: 0, unchanged: 0, companiesAdded: 1, companiesUpdated: 0, skipped: 0,
      managersLinked: 1, managersNotFound: [{ line: 72, contact: 'Zhang Wei 张伟', manager: 'Olga Board', why: 'not in the file or in crm' }], dryRun: false,
    });
    expect(r.stderr).toBe('warning: 1 manager was not linked: Olga Board (for Zhang Wei 张伟, line 72: not in the file or in crm); ' +
      'link them with crm contact edit NAME --reports-to MANAGER\n');
    expect(await people(json)).toEqual([
      ['Jürgen Müller', ['juergen.mueller@acme.example', 'jm@mail.example'], ['+49 171 1234567', '+49 30 9876543'], 'Head of Sales', 'Acme GmbH',
        'Zhang Wei 张伟', ['key-account', 'vip'],
        'Met at the Hannover fair, booth 12.\nPrefers email; calls only after 10:00. A long note that an address book folds over several lines.'],
      ['Zhang Wei 张伟', ['zw@acme.example'], [], 'CEO', 'Acme GmbH', null, [], null],
    ]);
    expect((await json(['company', 'list'])).map((c: any) => c.name)).toEqual(['Acme GmbH']);
  });

  it('imports an Android/Outlook 2.1 export: quoted-printable UTF-8 and Latin-1 names, bare types, a manager further down the file', async () => {
    const { run, json } = sandbox();
    const r = await json(['import', 'vcard', fixture('android-2.1.vcf')]);
    expect([r.added, r.companiesAdded, r.managersLinked, r.managersNotFound]).toEqual([3, 2, 1, []]);
    expect(await people(json)).toEqual([
      ['张伟', ['zhang.wei@example.cn'], ['+86 138 0013 8000', '+86 10 6552 9988'], null, '北京科技', null, [],
        '第一行\n第二行: a note long enough that the phone broke it with a soft line break'],
      ['José García', ['jose.garcia@initech.example', 'pepe@correo.example'], ['+34 91 123 45 67'], 'Jefe de Logística', 'Initech',
        'Björn Fischer', ['business'], null],
      ['Björn Fischer', [], ['040 123456'], null, 'Initech', null, [], null],
    ]);
    expect((await run(['company', 'tree', 'Initech'])).stdout).toBe('Initech\n└── Björn Fischer\n    └── José García  Jefe de Logística\n');
  });

  it('imports 4.0: PREF order, tel: URIs, RELATED by name and by urn:uuid, KIND:org as a company, a group skipped', async () => {
    const { json } = sandbox();
    const r = await json(['import', 'vcard', fixture('four.vcf')]);
    expect([r.cards, r.added, r.companiesAdded, r.skipped, r.managersLinked]).toEqual([5, 3, 1, 1, 2]);
    expect(await people(json)).toEqual([
      ['Amélie Dubois', ['amelie@maison.example', 'amelie.dubois@globex.example'], ['+33-6-12-34-56-78', '+33-1-23-45-67-89'], 'CTO',
        'Globex S.A.', 'Pierre Martin', ['france', 'partner'], 'Speaks French, English and Japanese.'],
      ['Pierre Martin', ['pierre.martin@globex.example'], [], 'CEO', 'Globex S.A.', null, [], null],
      ['田中由紀', ['yuki.tanaka@globex.example'], [], null, 'Globex S.A.', 'Amélie Dubois', [], null],
    ]);
    expect((await json(['company', 'show', 'Globex S.A.'])).tags).toEqual([]);
    const again = await json(['import', 'vcard', fixture('four.vcf'), '--update']);
    expect([again.added, again.updated, again.unchanged, again.companiesAdded, again.companiesUpdated, again.managersLinked]).toEqual([0, 0, 3, 0, 1, 0]);
    expect((await json(['company', 'show', 'Globex S.A.'])).tags).toEqual(['partner']);
  });

  it('checks every card first: bad ones are listed by line and field, exit 2, and nothing is imported', async () => {
    const { run, json } = sandbox();
    expect(await run(['import', 'vcard', fixture('broken.vcf')])).toEqual({
      exitCode: 2, stdout: '', stderr: [
        '  line 6: emails (EMAIL) "not-an-email" is not a valid email address (write it like name@example.com)',
        '  line 12: name (FN) is missing: the card has no FN, N or ORG (give it a name)',
        '  line 17: phones (TEL) "call me maybe" is not a phone number (use digits, spaces and + ( ) - . only, e.g. +49 30 1234567)',
        'error: 3 of 4 cards are invalid; nothing was imported (fix the cards listed above and import again)', ''].join('\n'),
    });
    expect(await json(['contact', 'list'])).toEqual([]);
  });

  it('refuses a file without a card, and one that is not there', async () => {
    const { run, home } = sandbox();
    writeFileSync(join(home, 'notes.txt'), 'just some text\n');
    expect((await run(['import', 'vcard', 'notes.txt'])).stderr)
      .toBe('error: FILE: notes.txt holds no vCard (no BEGIN:VCARD line) (give a .vcf file, as a phone or address book exports it)\n');
    expect(await run(['import', 'vcard', 'nope.vcf'])).toEqual({ exitCode: 2, stdout: '',
      stderr: 'error: FILE: nope.vcf is not a readable file (give a .vcf file, or - for standard input)\n' });
  });

  it('--dry-run counts what would change and writes nothing; - reads standard input', async () => {
    const { json } = sandbox();
    const r = await json(['import', 'vcard', '-', '--dry-run'], { input: readFileSync(fixture('four.vcf'), 'utf8') });
    expect([r.file, r.cards, r.added, r.companiesAdded, r.skipped, r.managersLinked, r.dryRun]).toEqual(['-', 5, 3, 1, 1, 2, true]);
    expect(await json(['contact', 'list'])).toEqual([]);
    expect(await json(['company', 'list'])).toEqual([]);
  });

  it('matches by email, then exact name: a contact already there is left alone, or updated with --update', async () => {
    const { run, json, home } = sandbox();
    await run(['contact', 'add', 'J. Müller', '--email', 'jm@mail.example', '--phone', '+49 40 111', '--tag', 'met-2025', '--title', 'Sales']);
    await run(['contact', 'add', 'Zhang Wei 张伟']);
    const file = fixture('iphone-3.0.vcf');
    const kept = await json(['import', 'vcard', file]);
    expect([kept.added, kept.updated, kept.unchanged, kept.managersLinked]).toEqual([0, 0, 2, 0]);
    expect((await people(json))[0]).toEqual(['J. Müller', ['jm@mail.example'], ['+49 40 111'], 'Sales', null, null, ['met-2025'], null]);
    const updated = await json(['import', 'vcard', file, '--update']);
    expect([updated.added, updated.updated, updated.unchanged, updated.managersLinked]).toEqual([0, 2, 0, 1]);
    expect((await people(json))[0]).toEqual(['Jürgen Müller', ['jm@mail.example', 'juergen.mueller@acme.example'],
      ['+49 40 111', '+49 171 1234567', '+49 30 9876543'], 'Head of Sales', 'Acme GmbH', 'Zhang Wei 张伟', ['key-account', 'met-2025', 'vip'],
      'Met at the Hannover fair, booth 12.\nPrefers email; calls only after 10:00. A long note that an address book folds over several lines.']);
    const again = await json(['import', 'vcard', file, '--update']);
    expect([again.added, again.updated, again.unchanged, again.managersLinked]).toEqual([0, 0, 2, 0]);
    expect((await json(['history', 'contact:1'])).length).toBe(3);
  });

  it('refuses a card whose emails belong to two contacts, naming both', async () => {
    const { run } = sandbox();
    await run(['contact', 'add', 'Jürgen at work', '--email', 'juergen.mueller@acme.example']);
    await run(['contact', 'add', 'Jürgen at home', '--email', 'jm@mail.example']);
    const r = await run(['import', 'vcard', fixture('iphone-3.0.vcf')]);
    expect([r.exitCode, r.stderr.split('\n')[0]]).toEqual([2, '  line 1: emails (EMAIL) "juergen.mueller@acme.example, jm@mail.example" matches 2 contacts: ' +
      '#1 Jürgen at work, #2 Jürgen at home (merge them first: crm contact merge KEEP DUP)']);
  });
});

describe('export then import: the UID makes a re-import update, never duplicate', () => {
  it('re-imports its own export as the same contacts, also after edits to the file; a fresh database gets the same org chart', async () => {
    const { run, json, home } = sandbox();
    await run(['company', 'add', 'Acme GmbH']);
    await run(['contact', 'add', 'Zhang Wei 张伟', '--email', 'zw@acme.example', '--company', 'Acme GmbH', '--role', 'decision-maker']);
    await run(['contact', 'add', 'Zhang Wei 张伟', '--company', 'Acme GmbH', '--title', 'Namesake']);
    await run(['contact', 'add', 'Li Na', '--company', 'Acme GmbH', '--reports-to', '1', '--tag', 'vip', '--notes', 'Line one\nLine two; with, commas']);
    for (const version of ['3.0', '4.0']) {
      const file = join(home, `team-${version}.vcf`);
      await run(['export', 'vcard', '--version', version, '--output', file]);
      const before = await people(json);
      const r = await json(['import', 'vcard', file, '--update']);
      expect([r.added, r.updated, r.unchanged, r.companiesAdded]).toEqual([0, 0, 3, 0]);
      expect(await people(json)).toEqual(before);

      writeFileSync(file, readFileSync(file, 'utf8').replace('FN:Li Na', 'FN:Li Na (Berlin)'));
      const edited = await json(['import', 'vcard', file, '--update']);
      expect([edited.added, edited.updated, edited.unchanged]).toEqual([0, 1, 2]);
      expect((await json(['contact', 'show', '3'])).name).toBe('Li Na (Berlin)');
      await run(['contact', 'edit', '3', '--name', 'Li Na']);

      // Another database: same people, Li Na's manager found by the UID among two people called Zhang Wei.
      const other = sandbox();
      const fresh = await other.json(['import', 'vcard', file]);
      expect([fresh.added, fresh.companiesAdded, fresh.managersLinked]).toEqual([3, 1, 1]);
      const li = (await other.json(['contact', 'list'])).find((c: any) => c.name === 'Li Na (Berlin)');
      expect([li.reportsTo.name, (await other.json(['contact', 'show', String(li.reportsTo.id)])).emails, li.tags, li.notes])
        .toEqual(['Zhang Wei 张伟', ['zw@acme.example'], ['vip'], 'Line one\nLine two; with, commas']);
    }
  });
});
