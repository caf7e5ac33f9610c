import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';

/** What a terminal shows, without the escape codes of colour. */
const NO_COLOR = { NO_COLOR: '1' };

/** Li Na twice (Gmail spellings, one phone written two ways, name order), Tom Berg twice by name only, and Ed. */
async function people() {
  const s = sandbox();
  await s.run(['contact', 'add', 'Li Na', '--email', 'li.na@gmail.com', '--phone', '+49 30 1234567']);
  await s.run(['contact', 'add', 'Tom Berg', '--email', 'tom@acme.example']);
  await s.run(['contact', 'add', 'Na, Li', '--email', 'LiNa+crm@googlemail.com', '--phone', '030 1234567']);
  await s.run(['contact', 'add', 'tom  berg', '--email', 'tberg@globex.example']);
  await s.run(['contact', 'add', 'Ed Wood']);
  return s;
}

describe('crm contact dupes', () => {
  it('lists likely duplicates with every reason, strongest first', async () => {
    const { json } = await people();
    expect(await json(['contact', 'dupes'])).toEqual([
      { a: { id: 1, name: 'Li Na' }, b: { id: 3, name: 'Na, Li' },
        reasons: [{ kind: 'email', value: 'li.na@gmail.com' }, { kind: 'name', value: 'li na' }] },
      { a: { id: 2, name: 'Tom Berg' }, b: { id: 4, name: 'tom  berg' }, reasons: [{ kind: 'name', value: 'berg tom' }] },
    ]);
    expect((await json(['contact', 'dupes', '--limit', '1'])).map((p: { a: { id: number } }) => p.a.id)).toEqual([1]);
  });

  it('matches national phone numbers once config phoneCountry says which country they are in', async () => {
    const { json, run } = await people();
    expect((await run(['config', 'set', 'phoneCountry', '+49'])).exitCode).toBe(0);
    expect(await json(['config', 'get', 'phoneCountry'])).toMatchObject({ value: 49 });
    expect((await json(['contact', 'dupes']))[0].reasons).toEqual([
      { kind: 'email', value: 'li.na@gmail.com' }, { kind: 'phone', value: '+49301234567' }, { kind: 'name', value: 'li na' },
    ]);
    const bad = await run(['config', 'set', 'phoneCountry', 'Germany']);
    expect([bad.exitCode, bad.stderr]).toEqual([2,
      'error: phoneCountry: "Germany" is not a country calling code (give its digits, e.g. 49 for Germany or 1 for the US and Canada)\n']);
  });

  it('shows a table on a terminal with how to merge, and says when nothing looks duplicated', async () => {
    const { terminal, run } = await people();
    expect(await terminal(['contact', 'dupes', '--limit', '1'], { env: NO_COLOR })).toEqual({ exitCode: 0, output: [
      'A   Name   B   Name    Reasons',
      '#1  Li Na  #3  Na, Li  same email (normalised): li.na@gmail.com; similar names: "li na"',
      'showing 1 of 2 pairs; to merge a pair: crm contact merge KEEP DUP (KEEP stays, DUP is deleted)',
      ''].join('\n') });
    expect((await run(['contact', 'dupes', '--format', 'csv'])).stdout).toBe(
      'aId,aName,bId,bName,reasons\n' +
      '1,Li Na,3,"Na, Li","same email (normalised): li.na@gmail.com; similar names: ""li na"""\n' +
      '2,Tom Berg,4,tom  berg,"similar names: ""berg tom"""\n');
    const empty = sandbox();
    await empty.run(['contact', 'add', 'Solo']);
    expect(await empty.terminal(['contact', 'dupes'], { env: NO_COLOR })).toEqual({ exitCode: 0, output: 'no likely duplicates among 1 contact\n' });
    expect(await empty.run(['contact', 'dupes', '--json'])).toEqual({ exitCode: 0, stdout: '[]\n', stderr: '' });
    const limit = await run(['contact', 'dupes', '--limit', '0']);
    expect([limit.exitCode, limit.stderr]).toEqual([2, 'error: --limit: "0" is not a whole number of at least 1 (give e.g. 50)\n']);
  });

  it('leaves out a phone a crowd shares, and warns which', async () => {
    const { run, json } = sandbox();
    for (let i = 1; i <= 26; i++) await run(['contact', 'add', `Agent ${i}`, '--phone', '+49 30 9999999']);
    expect(await json(['contact', 'dupes'])).toEqual([]);
    expect((await run(['contact', 'dupes', '--json'])).stderr).toBe(
      'warning: left out phone +49309999999 (26 contacts): a key shared by more than 25 records is a switchboard, a shared mailbox or a common name, not one duplicate\n');
  });
});

describe('crm company dupes', () => {
  it('pairs companies by domain and by name without legal forms', async () => {
    const { run, json } = sandbox();
    await run(['company', 'add', 'Acme GmbH', '--domain', 'acme.example']);
    await run(['company', 'add', 'ACME Inc.', '--domain', 'www.acme.example']);
    await run(['company', 'add', 'Globex']);
    await run(['company', 'add', 'Globex Corporation', '--domain', 'globex.example']);
    await run(['company', 'add', 'Initech', '--domain', 'initech.example']);
    expect(await json(['company', 'dupes'])).toEqual([
      { a: { id: 1, name: 'Acme GmbH' }, b: { id: 2, name: 'ACME Inc.' },
        reasons: [{ kind: 'domain', value: 'acme.example' }, { kind: 'name', value: 'acme' }] },
      { a: { id: 3, name: 'Globex' }, b: { id: 4, name: 'Globex Corporation' }, reasons: [{ kind: 'name', value: 'globex' }] },
    ]);
    expect((await run(['company', 'dupes'], { tty: true, env: NO_COLOR })).stderr)
      .toBe('to merge a pair: crm company merge KEEP DUP (KEEP stays, DUP is deleted)\n');
  });
});
