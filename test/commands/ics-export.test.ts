import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';

/** Alice's and Bob's follow-ups and meetings around 2026-03-11 (CRM_NOW). */
async function agenda() {
  const s = sandbox();
  const { run } = s;
  await s.team('bob');
  await run(['company', 'add', 'Acme GmbH']);
  await run(['contact', 'add', 'Li Na', '--email', 'li@acme.example', '--company', 'Acme GmbH']);
  await run(['followup', 'add', 'Send contract', '--due', '2026-03-12', '--contact', 'Li Na', '--priority', 'high', '--notes', 'Draft v2; with VAT']);
  await run(['followup', 'add', 'Call back', '--due', '2026-03-13 14:00', '--company', 'Acme GmbH', '--owner', 'bob']);
  await run(['followup', 'add', 'Monthly report', '--due', '2026-03-31', '--repeat', 'monthly', '--priority', 'low']);
  await run(['followup', 'add', 'Old one', '--due', '2026-03-01']);
  await run(['followup', 'done', 'Old one']);
  await run(['log', 'meeting', 'Li Na', '--summary', 'Demo', '--at', '2026-03-12 10:00']);
  await run(['log', 'meeting', 'Acme GmbH', '--summary', 'Kick-off', '--at', '2026-04-02 09:00'], { env: { CRM_USER: 'bob' } });
  return s;
}

/** Each component's lines, unfolded, without the stamps and UIDs. */
const items = (text: string) => text.replace(/\r\n /g, '').split(/\r\nBEGIN:/).slice(1)
  .map((c) => c.split('\r\n').filter((l) => l !== '' && !/^(DTSTAMP|CREATED|LAST-MODIFIED|UID|END):/.test(l)));

describe('crm export ics', () => {
  it('writes open follow-ups as VTODO and meetings as VEVENT, each with the uuid of its record', async () => {
    const { run, json } = await agenda();
    const r = await run(['export', 'ics']);
    expect([r.exitCode, r.stderr]).toEqual([0, '']);
    expect(items(r.stdout)).toEqual([
      ['VTODO', 'SUMMARY:Send contract', 'DESCRIPTION:Draft v2\\; with VAT\\nContact: Li Na <li@acme.example>\\nCompany: Acme GmbH',
        'DUE;VALUE=DATE:20260312', 'PRIORITY:1', 'STATUS:NEEDS-ACTION'],
      ['VTODO', 'SUMMARY:Call back', 'DESCRIPTION:Company: Acme GmbH', 'DUE:20260313T140000', 'PRIORITY:5', 'STATUS:NEEDS-ACTION'],
      ['VTODO', 'SUMMARY:Monthly report', 'DTSTART;VALUE=DATE:20260331', 'DUE;VALUE=DATE:20260331', 'PRIORITY:9', 'STATUS:NEEDS-ACTION',
        'RRULE:FREQ=MONTHLY;BYMONTHDAY=-1'],
      ['VEVENT', 'SUMMARY:Demo', 'DTSTART:20260312T100000Z', 'DURATION:PT1H', 'DESCRIPTION:Contact: Li Na <li@acme.example>\\nCompany: Acme GmbH',
        'ATTENDEE;CN=Li Na;ROLE=REQ-PARTICIPANT:mailto:li@acme.example'],
      ['VEVENT', 'SUMMARY:Kick-off', 'DTSTART:20260402T090000Z', 'DURATION:PT1H', 'DESCRIPTION:Company: Acme GmbH'],
    ]);
    const uids = [...r.stdout.matchAll(/\r\nUID:(.+)\r\n/g)].map((m) => m[1]);
    const followups = await json(['followup', 'list']);
    const meetings = await json(['log', 'list', '--type', 'meeting']);
    expect(uids).toEqual([...followups.map((f: any) => `${f.uuid}@crm`), ...meetings.reverse().map((m: any) => `${m.uuid}@crm`)]);
    expect((await run(['export', 'ics'])).stdout).toBe(r.stdout);
  });

  it('narrows to an owner and to days with --owner, --from and --to; --all adds completed follow-ups', async () => {
    const { run } = await agenda();
    const summaries = async (...args: string[]) => [...(await run(['export', 'ics', ...args])).stdout.matchAll(/\r\nSUMMARY:(.+)\r\n/g)].map((m) => m[1]);
    expect(await summaries('--owner', 'bob')).toEqual(['Call back', 'Kick-off']);
    expect(await summaries('--from', '2026-03-13', '--to', 'eom')).toEqual(['Call back', 'Monthly report']);
    expect(await summaries('--from', 'today', '--to', 'today')).toEqual([]);
    expect(await summaries('--all', '--to', '2026-03-12')).toEqual(['Old one', 'Send contract', 'Demo']);
    expect((await run(['export', 'ics', '--all'])).stdout).toContain('STATUS:COMPLETED\r\nCOMPLETED:20260311T103000Z\r\n');
  });

  it('takes the meeting length from --duration and refuses one it cannot read, and --from after --to (exit 2)', async () => {
    const { run } = await agenda();
    expect((await run(['export', 'ics', '--duration', '45m'])).stdout).toContain('DURATION:PT45M');
    expect(await run(['export', 'ics', '--duration', 'long'])).toEqual({ exitCode: 2, stdout: '',
      stderr: 'error: --duration: "long" is not a meeting length (use e.g. 30m, 1h or 1h30m (up to 24h))\n' });
    expect((await run(['export', 'ics', '--from', '2026-04-01', '--to', '2026-03-01'])).stderr)
      .toBe('error: --from 2026-04-01 is after --to 2026-03-01 (give a --from on or before --to)\n');
  });

  it('rewrites an --output file in one step, mode 0600, and answers with a summary', async () => {
    const { run, home } = await agenda();
    const file = join(home, 'crm.ics');
    const r = await run(['export', 'ics', '--output', file, '--json']);
    expect(JSON.parse(r.stdout)).toEqual({ file, followups: 3, meetings: 2, bytes: statSync(file).size });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const before = statSync(file).ino;
    await run(['followup', 'add', 'New one', '--due', 'tomorrow']);
    await run(['export', 'ics', '--output', file]);
    expect(statSync(file).ino).not.toBe(before);
    expect(readFileSync(file, 'utf8')).toContain('SUMMARY:New one');
  });
});
