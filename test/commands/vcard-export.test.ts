import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCards } from '../../src/domain/vcard/card.js';
import { sandbox } from '../support/inprocess.js';

/** Acme with a small org chart: CJK, accents, a note over two lines, tags, a second email and a phone. */
async function team() {
  const s = sandbox();
  await s.run(['company', 'add', 'Acme GmbH']);
  await s.run(['contact', 'add', 'Zhang Wei 张伟', '--email', 'zw@acme.example', '--company', 'Acme GmbH', '--title', 'CEO', '--role', 'decision-maker']);
  await s.run(['contact', 'add', 'Li Na', '--email', 'li@acme.example', '--email', 'na@home.example', '--phone', '+49 30 1234567',
    '--company', 'Acme GmbH', '--reports-to', 'Zhang Wei 张伟', '--title', 'Head of IT, Berlin; EMEA', '--tag', 'vip', '--tag', 'key-account',
    '--notes', 'Met at the fair.\nPrefers email; no calls before 10:00', '--external-id', 'SF-42']);
  await s.run(['contact', 'add', 'Jürgen Müller']);
  return s;
}

describe('crm export vcard', () => {
  it('writes every contact as a 3.0 card by default, to stdout, with the fields crm keeps', async () => {
    const { run, json } = await team();
    const [zhang, li, juergen] = await Promise.all([1, 2, 3].map(async (id) => (await json(['contact', 'show', String(id)])).uuid as string));
    const r = await run(['export', 'vcard']);
    expect([r.exitCode, r.stderr]).toEqual([0, '']);
    expect(r.stdout.replace(/\r\n /g, '').split('\r\n').slice(0, 20)).toEqual([
      'BEGIN:VCARD', 'VERSION:3.0', 'PRODID:-//crm//crm//EN', `UID:${juergen}`, 'FN:Jürgen Müller', 'N:Müller;Jürgen;;;',
      'REV:2026-03-11T10:30:00Z', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:3.0', 'PRODID:-//crm//crm//EN', `UID:${li}`, 'FN:Li Na', 'N:Na;Li;;;', 'ORG:Acme GmbH',
      'TITLE:Head of IT\\, Berlin\\; EMEA', 'EMAIL;TYPE=INTERNET,pref:li@acme.example', 'EMAIL;TYPE=INTERNET:na@home.example',
      'TEL;TYPE=pref:+49 30 1234567', `item1.X-ABRELATEDNAMES;X-CRM-UID=${zhang}:Zhang Wei 张伟`,
    ]);
    const cards = readCards(Buffer.from(r.stdout));
    expect(cards.map((c) => [c.name, c.company, c.emails, c.categories, c.note, c.manager, c.role, c.externalId])).toEqual([
      ['Jürgen Müller', null, [], [], null, null, null, null],
      ['Li Na', 'Acme GmbH', ['li@acme.example', 'na@home.example'], ['key-account', 'vip'], 'Met at the fair.\nPrefers email; no calls before 10:00',
        { name: 'Zhang Wei 张伟', uid: zhang }, null, 'SF-42'],
      ['Zhang Wei 张伟', 'Acme GmbH', ['zw@acme.example'], [], null, null, 'decision-maker', null],
    ]);
  });

  it('writes 4.0 with --version 4.0 (a flag of this command, not crm --version)', async () => {
    const { run, json } = await team();
    const zhang = (await json(['contact', 'show', '1'])).uuid;
    const r = await run(['export', 'vcard', '--version', '4.0']);
    expect(r.exitCode).toBe(0);
    const li = r.stdout.split('END:VCARD\r\n')[1]!.replace(/\r\n /g, '').split('\r\n');
    expect(li).toContain(`RELATED;TYPE=x-manager;VALUE=text;X-CRM-UID=${zhang}:Zhang Wei 张伟`);
    expect(li).toContain(`UID:urn:uuid:${(await json(['contact', 'show', '2'])).uuid}`);
    expect(li).toContain('TEL;VALUE=text;PREF=1:+49 30 1234567');
    expect(li).toContain('REV:20260311T103000Z');
    expect((await run(['export', 'vcard', '--version', '2.1'])).stderr).toMatch(/^error: option '--version <version>' argument '2.1' is invalid/);
    expect((await run(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('writes --output atomically with mode 0600 and answers with a summary, in JSON too', async () => {
    const { run, home } = await team();
    const r = await run(['export', 'vcard', '--output', 'team.vcf', '--json']);
    expect(r.exitCode).toBe(0);
    const file = join(home, 'team.vcf');
    expect(JSON.parse(r.stdout)).toEqual({ file: 'team.vcf', version: '3.0', contacts: 3, bytes: statSync(file).size });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readCards(readFileSync(file)).map((c) => c.name)).toEqual(['Jürgen Müller', 'Li Na', 'Zhang Wei 张伟']);
  });

  it('refuses --json without --output: the file is the output (exit 2)', async () => {
    const { run } = await team();
    expect(await run(['export', 'vcard', '--format', 'csv'])).toEqual({ exitCode: 2, stdout: '',
      stderr: 'error: crm export vcard writes its file to stdout, not csv (leave out --json and --format, or pass --output FILE to get a summary in that format)\n' });
    const r = await run(['export', 'vcard', '--json']);
    expect([r.exitCode, r.stdout, JSON.parse(r.stderr).error.message]).toEqual([2, '', 'crm export vcard writes its file to stdout, not JSON']);
  });

  it('tells a person at a terminal what it wrote, on stderr, and writes nothing for an empty database', async () => {
    const { terminal, run } = sandbox();
    await run(['contact', 'add', 'Ann']);
    expect((await terminal(['export', 'vcard'])).output.replace(/\x1b\[[0-9;]*m/g, '')).toMatch(/END:VCARD\r\nexported 1 contact as vCard 3.0\n$/);
    const empty = sandbox();
    expect(await empty.run(['export', 'vcard'])).toEqual({ exitCode: 0, stdout: '', stderr: '' });
  });
});
