import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/imports/', import.meta.url));
const fixture = (name: string) => join(FIXTURES, name);

type Sandbox = ReturnType<typeof sandbox>;

/** A copy of a fixture with one more row, written in the fixture's own encoding, and the line that row is on. */
function withRow(s: Sandbox, name: string, row: string, encoding: 'utf8' | 'utf16le' | 'latin1' = 'utf8'): { file: string; line: number } {
  const bytes = readFileSync(fixture(name));
  const text = bytes.toString(encoding);
  const file = join(s.home, `bad-${name}`);
  writeFileSync(file, Buffer.concat([bytes, Buffer.from(`${row}\r\n`, encoding)]));
  // The new row starts after every line of the file (the fixtures end with a line break).
  return { file, line: text.split(/\r\n|\n/).length };
}

async function imported(s: Sandbox, kind: string, args: string[]) {
  const r = await s.run(['import', kind, ...args, '--json']);
  expect(r.exitCode, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

/** Importing a file again changes nothing: every row is skipped, and no change set is added to the journal. */
async function importsOnce(s: Sandbox, kind: string, args: string[], rows: number) {
  const history = await s.json(['history', 'contact:1']).catch(() => null);
  const again = await imported(s, kind, args);
  expect(again.counts).toEqual({ created: 0, updated: 0, skipped: rows, companiesCreated: 0 });
  expect(await s.json(['history', 'contact:1']).catch(() => null)).toEqual(history);
}

/** The fields people check, of every contact in id order. */
const contacts = async (s: Sandbox) => (await s.json(['contact', 'list', '--sort', 'id']))
  .map((c: any) => [c.name, c.emails, c.phones, c.title, c.company?.name ?? null, c.tags, c.lifecycle, c.owner]);

const refusal = async (s: Sandbox, kind: string, args: string[]) => {
  const r = await s.run(['import', kind, ...args]);
  expect(r.exitCode).toBe(2);
  return r.stderr;
};

const FAILED = (bad: number, rows: number) => `error: ${bad} of ${rows} rows are invalid; nothing was imported (fix the rows listed above and import again)\n`;

describe('crm import --preset google', () => {
  it('reads the 2024 layout: several emails in one cell, phone slots, labels, CJK names family name first, notes', async () => {
    const s = sandbox();
    const args = [fixture('google-contacts.csv'), '--preset', 'google'];
    const r = await imported(s, 'contacts', args);
    expect(r.counts).toEqual({ created: 5, updated: 0, skipped: 0, companiesCreated: 3 });
    expect(await contacts(s)).toEqual([
      ['José Müller', ['jose@mueller-soehne.example', 'jose.mueller@mail.example'], ['+49 89 1234567', '+49 171 2345678'], 'Geschäftsführer',
        'Müller & Söhne GmbH', ['kunden'], 'lead', 'alice'],
      ['田中花子', ['hanako.tanaka@test.example.jp'], ['+81 3-1234-5678', '+81 90-1234-5678'], '部長', '株式会社テスト', ['kunden'], 'lead', 'alice'],
      ['Renée Ångström', ['renee@nordisk.example'], ['+46 70 123 45 67'], 'CTO', 'Nordisk Design AB', ['family-friends', 'starred'], 'lead', 'alice'],
      ['张伟', ['zhang.wei@test.example.jp'], ['+86 10 8888 6666'], 'Engineer', '株式会社テスト', [], 'lead', 'alice'],
      ['Mo', ['mo@mail.example'], [], null, null, [], 'lead', 'alice'],
    ]);
    expect((await s.json(['contact', 'show', 'José Müller'])).notes).toBe('Met at Hannover Messe.\nPrefers German, "Sie".');
    await importsOnce(s, 'contacts', args, 5);
  });

  it('reads the layout before 2024: Name, Group Membership, E-mail 1 - Type', async () => {
    const s = sandbox();
    expect((await imported(s, 'contacts', [fixture('google-contacts-legacy.csv'), '--preset', 'google'])).counts.created).toBe(2);
    expect(await contacts(s)).toEqual([
      ['Zoë Lefèvre', ['zoe@lefevre.example', 'zoe.l@mail.example'], ['+33 6 12 34 56 78', '+33 1 23 45 67 89'], 'Gérante', 'Lefèvre SARL', ['partners'], 'lead', 'alice'],
      ['Kim Min-jun', ['minjun.kim@hangang.example'], [], '팀장', '한강 전자', [], 'lead', 'alice'],
    ]);
  });

  it('refuses a bad address by line, field and columns, and writes nothing; --dry-run writes nothing either', async () => {
    const s = sandbox();
    const { file, line } = withRow(s, 'google-contacts.csv', 'Anna,,Schmidt,,,,,,,,,,,,,,* myContacts,* Work,anna.schmidt(at)example.de');
    expect(await refusal(s, 'contacts', [file, '--preset', 'google'])).toBe(`  line ${line}: emails (E-mail 1 - Value, E-mail 2 - Value) ` +
      '"anna.schmidt(at)example.de" is not a valid email address; write it like name@example.com\n' + FAILED(1, 6));
    expect(await s.json(['company', 'list'])).toEqual([]);
    const dry = await imported(s, 'contacts', [fixture('google-contacts.csv'), '--preset', 'google', '--dry-run']);
    expect([dry.dryRun, dry.counts]).toEqual([true, { created: 5, updated: 0, skipped: 0, companiesCreated: 3 }]);
    expect([await s.json(['contact', 'list']), await s.json(['company', 'list'])]).toEqual([[], []]);
  });
});

describe('crm import --preset outlook', () => {
  it('says which rows are not UTF-8 in a file Outlook wrote in Windows-1252, and reads it with --encoding', async () => {
    const s = sandbox();
    const args = [fixture('outlook-contacts.csv'), '--preset', 'outlook'];
    const hint = 'the row holds bytes that are not UTF-8 text; save the file as UTF-8, or pass --encoding windows-1252 (what Excel and Outlook on Windows write)';
    expect(await refusal(s, 'contacts', args)).toBe(`  line 2: ${hint}\n  line 3: ${hint}\n${FAILED(2, 2)}`);
    const r = await imported(s, 'contacts', [...args, '--encoding', 'windows-1252']);
    expect(r.counts).toEqual({ created: 2, updated: 0, skipped: 0, companiesCreated: 1 });
    expect(await contacts(s)).toEqual([
      ['François Dubois', ['f.dubois@sge.example'], ['+33 1 40 00 00 00', '+33 6 00 00 00 01'], 'Directeur commercial', 'Société Générale des Eaux',
        ['clients', 'vip'], 'lead', 'alice'],
      ['Søren Kierkegård', ['s.kierkegard@sge.example', 'soren@mail.example'], ['+33 1 40 00 00 10'], 'Acheteur', 'Société Générale des Eaux',
        ['clients'], 'lead', 'alice'],
    ]);
    expect((await s.json(['contact', 'show', 'Søren Kierkegård'])).reportsTo.name).toBe('François Dubois');
    expect((await s.json(['contact', 'show', 'François Dubois'])).notes).toBe('Déjeuner prévu en mars.');
    await importsOnce(s, 'contacts', [...args, '--encoding', 'windows-1252'], 2);
  });

  it('refuses a phone that is no phone number', async () => {
    const s = sandbox();
    const { file, line } = withRow(s, 'outlook-contacts.csv', '"Mr.","Hans","","Grün","","","","","","","","","","","","","","","","","","","","",' +
      '"","","","","","","","call me","","","","","","","","","","","","","","","",""', 'latin1');
    expect(await refusal(s, 'contacts', [file, '--preset', 'outlook', '--encoding', 'windows-1252'])).toBe(`  line ${line}: phones (Business Phone, ` +
      'Business Phone 2, Mobile Phone, Home Phone, Home Phone 2, Primary Phone, Company Main Phone, Other Phone) "call me" is not a phone number; ' +
      `use digits, spaces and + ( ) - . only, e.g. +49 30 1234567\n${FAILED(1, 3)}`);
  });
});

describe('crm import --preset hubspot', () => {
  it('reads companies, then contacts with their lifecycle stages, owners and associated companies', async () => {
    const s = sandbox();
    // The owners a file names must be on the team, as --owner's must: each row naming someone else is refused.
    expect(await refusal(s, 'companies', [fixture('hubspot-companies.csv'), '--preset', 'hubspot'])).toBe(
      '  line 2: owner (Company owner) "Jane Doe" is not on the team; add them first: crm team add "Jane Doe"\n' +
      `  line 3: owner (Company owner) "Tom Lee" is not on the team; add them first: crm team add "Tom Lee"\n${FAILED(2, 2)}`);
    expect(await s.json(['company', 'list'])).toEqual([]);
    await s.team('Jane Doe', 'Tom Lee');
    const companies = await imported(s, 'companies', [fixture('hubspot-companies.csv'), '--preset', 'hubspot']);
    expect(companies.counts.created).toBe(2);
    const alba = await s.json(['company', 'show', 'Alba Energía S.L.']);
    expect([alba.domain, alba.industry, alba.size, alba.address, alba.owner, alba.externalId]).toEqual(
      ['alba.example', 'Renewables & Environment', 320, 'Calle de Alcalá 50, Madrid, 28014, Spain', 'Jane Doe', '9001']);
    const args = [fixture('hubspot-contacts.csv'), '--preset', 'hubspot'];
    const r = await imported(s, 'contacts', args);
    expect(r.counts).toEqual({ created: 4, updated: 0, skipped: 0, companiesCreated: 1 });
    expect(r.companiesCreated).toEqual([{ line: 3, id: 3, name: 'Alpen Logistik GmbH' }]);
    expect(await contacts(s)).toEqual([
      ['Ana Díaz', ['ana.diaz@alba.example'], ['+34 91 123 45 67'], 'CFO', 'Alba Energía S.L.', [], 'prospect', 'Jane Doe'],
      ['Jürgen Weiß', ['juergen.weiss@alpen.example'], ['+43 664 1234567'], 'Einkauf', 'Alpen Logistik GmbH', [], 'customer', 'Jane Doe'],
      ['李娜', ['li.na@shanghai-trade.example'], [], '总经理', '上海贸易有限公司', [], 'lead', 'Tom Lee'],
      ['Sam Hill', ['sam@hill.example'], [], null, null, [], 'lead', 'alice'],
    ]);
    expect((await s.json(['contact', 'show', 'Ana Díaz'])).externalId).toBe('5101');
    await importsOnce(s, 'contacts', args, 4);
  });

  it('refuses a lifecycle stage crm has no word for, and an employee count that is no number', async () => {
    const s = sandbox();
    await s.team('Jane Doe', 'Tom Lee');
    const contacts = withRow(s, 'hubspot-contacts.csv', '5105,Eve,Stone,eve@stone.example,,,,Champion,,,,,,,');
    expect(await refusal(s, 'contacts', [contacts.file, '--preset', 'hubspot'])).toBe(`  line ${contacts.line}: lifecycle (Lifecycle Stage) "Champion" ` +
      `is not a lifecycle stage; use one of lead, prospect, customer, former\n${FAILED(1, 5)}`);
    const companies = withRow(s, 'hubspot-companies.csv', '9003,Stone Ltd,stone.example,,lots,,,,,,,,,,');
    expect(await refusal(s, 'companies', [companies.file, '--preset', 'hubspot'])).toBe(`  line ${companies.line}: size (Number of Employees) ` +
      `"lots" is not a number of employees; write a whole number, e.g. 250\n${FAILED(1, 3)}`);
  });
});

describe('crm import --preset pipedrive', () => {
  it('reads organizations, people and deals: stages by Pipedrive\'s names, won and lost by status', async () => {
    const s = sandbox();
    await s.team('Piotr Nowak');
    expect((await imported(s, 'companies', [fixture('pipedrive-organizations.csv'), '--preset', 'pipedrive'])).counts.created).toBe(1);
    expect((await imported(s, 'contacts', [fixture('pipedrive-people.csv'), '--preset', 'pipedrive'])).counts).toEqual(
      { created: 2, updated: 0, skipped: 0, companiesCreated: 0 });
    expect(await contacts(s)).toEqual([
      ['Łukasz Wiśniewski', ['lukasz@wisla.example', 'lukasz.w@mail.example'], ['+48 22 123 45 67', '+48 601 234 567'], null, 'Wisła Software',
        ['decision-maker', 'hot-lead'], 'lead', 'Piotr Nowak'],
      ['Chloé Martin', ['chloe@wisla.example'], [], null, 'Wisła Software', [], 'lead', 'Piotr Nowak'],
    ]);
    const args = [fixture('pipedrive-deals.csv'), '--preset', 'pipedrive'];
    const r = await imported(s, 'deals', args);
    expect(r.counts).toEqual({ created: 3, updated: 0, skipped: 0, companiesCreated: 1 });
    const deals = (await s.json(['deal', 'list', '--all', '--sort', 'id'])).map((d: any) =>
      [d.title, d.amount, d.currency, d.stage, d.status, d.probability, d.expectedClose, d.closedOn, d.company?.name, d.contact?.name ?? null, d.lostReason, d.owner]);
    expect(deals).toEqual([
      ['Wisła – ERP rollout', 48000, 'PLN', 'Proposal', 'open', 50, '2026-04-30', null, 'Wisła Software', 'Łukasz Wiśniewski', null, 'Piotr Nowak'],
      ['Wisła – support 2026', 12000, 'PLN', 'Won', 'won', 100, '2026-01-31', '2026-01-28', 'Wisła Software', 'Chloé Martin', null, 'Piotr Nowak'],
      ['Kraków office', 5000, 'EUR', 'Lost', 'lost', 0, null, '2026-02-14', 'Kraków Studio', null, 'Went with a competitor', 'Piotr Nowak'],
    ]);
    const again = await imported(s, 'deals', args);
    expect(again.counts).toEqual({ created: 0, updated: 0, skipped: 3, companiesCreated: 0 });
  });

  it('refuses a stage that is not in the pipeline, naming it and how to add it', async () => {
    const s = sandbox();
    await s.team('Piotr Nowak');
    await imported(s, 'contacts', [fixture('pipedrive-people.csv'), '--preset', 'pipedrive']);
    const { file, line } = withRow(s, 'pipedrive-deals.csv', '7004,Pilot,,,1000,EUR,,,Acme,,,Pilot running,,Open,,,,,,');
    expect(await refusal(s, 'deals', [file, '--preset', 'pipedrive'])).toBe(`  line ${line}: stage (Deal - Stage) "Pilot running" is not a stage of ` +
      'the pipeline (Lead, Qualified, Proposal, Negotiation, Won, Lost); add it with crm stage add "Pilot running", or change the cell to one of those\n' +
      FAILED(1, 4));
    expect((await s.json(['company', 'list'])).map((c: any) => c.name)).toEqual(['Wisła Software']);
    // Once the pipeline has the stage, the same file imports.
    await s.run(['stage', 'add', 'Pilot running', '--position', '2']);
    expect((await imported(s, 'deals', [file, '--preset', 'pipedrive'])).counts.created).toBe(4);
    expect((await s.json(['deal', 'show', 'Pilot'])).stage).toBe('Pilot running');
  });
});

describe('crm import --preset salesforce', () => {
  it('reads accounts, contacts (a manager further down, email opt-out as consent) and opportunities', async () => {
    const s = sandbox();
    await s.team('Maria Garcia');
    expect((await imported(s, 'companies', [fixture('salesforce-accounts.csv'), '--preset', 'salesforce'])).counts.created).toBe(2);
    const nordwind = await s.json(['company', 'show', 'Nordwind Energie AG']);
    expect([nordwind.domain, nordwind.size, nordwind.address, nordwind.externalId]).toEqual(
      ['nordwind.example', 1250, 'Große Elbstraße 145, Hamburg, 22767, Germany', '0015g00000AbCdEAAV']);
    const args = [fixture('salesforce-contacts.csv'), '--preset', 'salesforce'];
    expect((await imported(s, 'contacts', args)).counts).toEqual({ created: 3, updated: 0, skipped: 0, companiesCreated: 0 });
    const people = (await s.json(['contact', 'list', '--sort', 'id'])).map((c: any) => [c.name, c.title, c.company.name, c.consent, c.source, c.reportsTo?.name ?? null]);
    expect(people).toEqual([
      ['Björn Håkansson', 'VP Operations', 'Nordwind Energie AG', 'unknown', 'Trade Show', null],
      ['Inês Conceição', 'Buyer', 'Café Olé S.A.', 'opted-out', 'Web', null],
      ['Emma Schulz', 'Energy Analyst', 'Nordwind Energie AG', 'unknown', null, 'Björn Håkansson'],
    ]);
    await importsOnce(s, 'contacts', args, 3);
    expect((await imported(s, 'deals', [fixture('salesforce-opportunities.csv'), '--preset', 'salesforce'])).counts.created).toBe(3);
    const deals = (await s.json(['deal', 'list', '--all', '--sort', 'id'])).map((d: any) =>
      [d.title, d.amount, d.stage, d.probability, d.expectedClose, d.closedOn, d.company.name, d.nextStep]);
    expect(deals).toEqual([
      ['Nordwind – grid sensors', 120000, 'Proposal', 75, '2026-05-29', null, 'Nordwind Energie AG', 'Send revised quote'],
      ['Café Olé – espresso bars', 8400, 'Won', 100, '2026-02-27', '2026-02-27', 'Café Olé S.A.', null],
      ['Nordwind – pilot', 15000, 'Lead', 10, '2026-08-31', null, 'Nordwind Energie AG', null],
    ]);
  });

  it('refuses a date in another order than the file\'s, and a manager nobody is', async () => {
    const s = sandbox();
    await s.team('Maria Garcia');
    const opp = withRow(s, 'salesforce-opportunities.csv', 'Maria Garcia,Nordwind Energie AG,Late deal,Prospecting,,"1,000.00",10,,31/12/2026,,,,,');
    expect(await refusal(s, 'deals', [opp.file, '--preset', 'salesforce'])).toBe(`  line ${opp.line}: expectedClose (Close Date) "31/12/2026" ` +
      `is not a date; use YYYY-MM-DD\n${FAILED(1, 4)}`);
    const people = withRow(s, 'salesforce-contacts.csv', 'Maria Garcia,,Paul,Weber,,Nordwind Energie AG,,,,,,,,paul@nordwind.example,0,,Nobody Here,');
    expect(await refusal(s, 'contacts', [people.file, '--preset', 'salesforce'])).toBe(`  line ${people.line}: reportsTo (Reports To) "Nobody Here" ` +
      'is no contact in the database or the file; give the manager\'s name, email or uuid as it is there, or leave the cell empty\n' + FAILED(1, 4));
    expect(await s.json(['contact', 'list'])).toEqual([]);
  });
});

describe('files spreadsheets write, in crm\'s own columns', () => {
  it('reads Excel\'s UTF-16 with ; and finds the encoding and the delimiter itself', async () => {
    const s = sandbox();
    const r = await imported(s, 'contacts', [fixture('excel-utf16-semicolon.csv')]);
    expect(r.counts).toEqual({ created: 3, updated: 0, skipped: 0, companiesCreated: 3 });
    expect(await contacts(s)).toEqual([
      ['Björn Käßmann', ['bjoern@kaessmann.example'], ['+49 30 9876543'], 'Inhaber', 'Käßmann Bäckerei', ['b2b', 'kunde'], 'lead', 'alice'],
      ['Zhang Wei 张伟', ['zw@acme.example', 'zhang@home.example'], [], null, 'Acme GmbH', ['vip'], 'lead', 'alice'],
      ['Åsa Öberg', ['asa@oberg.example'], [], '=Chefin', 'Öberg AB', [], 'lead', 'alice'],
    ]);
    expect((await s.json(['contact', 'show', 'Björn Käßmann'])).notes).toBe('Rückruf: "Montag", 9 Uhr; danach Angebot');
    const { file, line } = withRow(s, 'excel-utf16-semicolon.csv', 'Carl;carl@;;;;;', 'utf16le');
    expect(await refusal(s, 'contacts', [file])).toBe(`  line ${line}: emails (emails) "carl@" is not a valid email address; ` +
      `write it like name@example.com\n${FAILED(1, 4)}`);
  });

  it('reads Excel\'s CSV UTF-8 with its byte-order mark; amounts with thousands separators', async () => {
    const s = sandbox();
    expect((await imported(s, 'companies', [fixture('excel-utf8-bom-companies.csv')])).counts.created).toBe(2);
    const companies = (await s.json(['company', 'list', '--sort', 'id'])).map((c: any) => [c.name, c.domain, c.size, c.wallet, c.currency, c.tags, c.externalId]);
    expect(companies).toEqual([
      ['Ørsted Teknik A/S', 'orsted-teknik.example', 540, 1250000, 'DKK', ['key-account', 'nordics'], 'ERP-1042'],
      ['株式会社テスト', 'test.example.jp', null, 5000000, 'JPY', [], 'ERP-2001'],
    ]);
  });

  it('refuses a preset for a kind it does not read, an empty file, and a header with a read column twice', async () => {
    const s = sandbox();
    const r = await s.run(['import', 'deals', fixture('google-contacts.csv'), '--preset', 'google']);
    expect([r.exitCode, r.stderr]).toEqual([2, 'error: --preset google reads contacts, not deals ' +
      '(use crm import contacts FILE --preset google, or import deals in crm\'s own columns (crm help import))\n']);
    const empty = await s.run(['import', 'contacts', '-'], { input: '\ufeff' });
    expect([empty.exitCode, empty.stderr]).toEqual([2, 'error: FILE: standard input is empty (the first line must name the columns: name)\n']);
    const twice = await s.run(['import', 'contacts', '-'], { input: 'name;emails;name\nAna;;Bo\n' });
    expect([twice.exitCode, twice.stderr]).toEqual([2, 'error: FILE: has the column "name" more than once (columns: name, emails, name) ' +
      '(rename or remove the extra one, so that each field reads one column)\n']);
  });
});
