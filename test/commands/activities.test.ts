import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';

describe('crm log', () => {
  it('logs every type, links the company of a contact and the customer of a deal', async () => {
    const { json, run } = sandbox();
    await run(['company', 'add', 'Acme']);
    await run(['contact', 'add', 'Li Na', '--company', 'Acme', '--email', 'li@acme.example']);
    await run(['deal', 'add', 'Acme renewal', '--company', 'Acme', '--contact', 'Li Na', '--amount', '100']);
    const call = await json(['log', 'call', 'li@acme.example', '--summary', 'Pricing', '--direction', 'outbound', '--outcome', 'interested',
      '--satisfaction', '4', '--at', '2026-03-10 15:00']);
    expect(call).toMatchObject({ id: 1, type: 'call', at: '2026-03-10T15:00:00.000Z', summary: 'Pricing', outcome: 'interested',
      direction: 'outbound', satisfaction: 4, contact: { id: 1, name: 'Li Na' }, company: { id: 1, name: 'Acme' }, deal: null, loggedBy: 'alice' });
    expect(await json(['log', 'meeting', 'deal:Acme renewal', '--summary', 'Demo', '--at', 'tomorrow 10:00'])).toMatchObject({
      type: 'meeting', at: '2026-03-12T10:00:00.000Z', deal: { id: 1, name: 'Acme renewal' }, company: { id: 1 }, contact: null });
    expect(await json(['log', 'email', 'Acme', '--summary', 'Sent brochure'])).toMatchObject({ company: { id: 1 }, contact: null });
    expect(await json(['log', 'note', 'Acme', '--summary', 'Budget frozen', '--deal', 'Acme renewal'])).toMatchObject({ deal: { id: 1 } });
    const summaries = async (...args: string[]) => (await json(['log', 'list', ...args])).map((a: any) => a.summary);
    expect(await summaries()).toEqual(['Demo', 'Budget frozen', 'Sent brochure', 'Pricing']);
    expect(await summaries('--type', 'call')).toEqual(['Pricing']);
    expect(await summaries('--deal', 'Acme renewal')).toEqual(['Demo', 'Budget frozen']);
    expect(await summaries('--contact', 'Li Na')).toEqual(['Pricing']);
    expect(await summaries('--company', 'Acme')).toHaveLength(4);
    expect(await summaries('--since', 'today', '--until', 'today')).toEqual(['Budget frozen', 'Sent brochure']);
    expect(await summaries('--since', 'today', '--until', 'tomorrow')).toEqual(['Demo', 'Budget frozen', 'Sent brochure']); // inclusive
    expect(await summaries('--search', 'brochure')).toEqual(['Sent brochure']);
    expect(await summaries('--owner', 'bob')).toEqual([]);
    expect((await json(['search', 'frozen']))[0]).toMatchObject({ kind: 'activity', id: 4, name: 'note: Budget frozen' });
    expect((await json(['deal', 'show', '1'])).activities.map((a: any) => a.summary)).toEqual(['Demo', 'Budget frozen']);
    expect(await json(['deal', 'show', '1'])).toMatchObject({ lastActivityAt: '2026-03-12T10:00:00.000Z' });
  });

  it('names the ambiguity across kinds, and rejects bad input', async () => {
    const { run } = sandbox();
    await run(['company', 'add', 'Jordan']);
    await run(['contact', 'add', 'Jordan']);
    const amb = await run(['log', 'call', 'Jordan', '--summary', 'x']);
    expect([amb.exitCode, amb.stderr.split(' (use')[0]]).toEqual([2, 'error: "Jordan" matches 2 records: contact #1 Jordan, company #1 Jordan']);
    expect((await run(['log', 'call', 'company:Jordan', '--summary', 'x'])).exitCode).toBe(0);
    const cases: [string[], string][] = [
      [['log', 'call', 'company:1'], 'error: missing --summary (pass --summary: crm log call REF --summary "what happened"'],
      [['log', 'call'], 'error: missing REF and --summary'],
      [['log', 'call', 'company:1', '--summary', 'x', '--satisfaction', '6'], 'error: --satisfaction: "6" must be a score from 1 (poor) to 5'],
      [['log', 'call', 'company:1', '--summary', 'x', '--at', 'whenever'], 'error: --at: "whenever" is not a date crm understands'],
      [['log', 'call', 'company:1', '--summary', 'x', '--direction', 'sideways'], "error: option '--direction <direction>' argument 'sideways' is invalid"],
    ];
    for (const [args, line] of cases) {
      const r = await run(args);
      expect([r.exitCode, r.stderr.slice(0, line.length)], args.join(' ')).toEqual([2, line]);
    }
    expect((await run(['log', 'call', 'Nobody', '--summary', 'x'])).exitCode).toBe(3);
  });
});

describe('crm followup', () => {
  it('schedules, lists by due period and overdue, snoozes, edits and removes', async () => {
    const { json, run, team } = sandbox({ CRM_NOW: '2026-03-11T10:30:00Z' });
    await team('bob');
    await run(['company', 'add', 'Globex']);
    await run(['followup', 'add', 'Overdue call', '--due', '2026-03-09', '--company', 'Globex']);
    await run(['followup', 'add', 'Today call', '--due', 'today', '--priority', 'high']);
    await run(['followup', 'add', 'Timed today', '--due', 'today 09:15']);
    await run(['followup', 'add', 'Friday', '--due', 'friday', '--owner', 'bob']);
    await run(['followup', 'add', 'Next month', '--due', '2026-04-02']);
    const titles = async (...args: string[]) => (await json(['followup', 'list', ...args])).map((f: any) => f.title);
    expect(await titles()).toEqual(['Overdue call', 'Timed today', 'Today call', 'Friday', 'Next month']);
    expect(await titles('--overdue')).toEqual(['Overdue call']);
    expect((await json(['followup', 'list', '--overdue']))[0]).toMatchObject({ overdue: true, daysOverdue: 2, due: '2026-03-09', company: { name: 'Globex' } });
    expect(await titles('--due', 'today')).toEqual(['Timed today', 'Today call']);
    expect(await titles('--due', 'this-week')).toEqual(['Overdue call', 'Timed today', 'Today call', 'Friday']);
    expect(await titles('--due', 'next-month')).toEqual(['Next month']);
    expect(await titles('--owner', 'bob')).toEqual(['Friday']);
    expect(await titles('--mine', '--limit', '1')).toEqual(['Overdue call']);
    expect(await json(['followup', 'snooze', 'Overdue call'])).toMatchObject({ due: '2026-03-12', overdue: false });
    expect(await json(['followup', 'snooze', 'Friday', '--until', 'next monday 08:00'])).toMatchObject({ due: '2026-03-16', dueTime: '08:00' });
    expect(await json(['followup', 'edit', 'Next month', '--title', 'Renewal talk', '--priority', 'low', '--due', '+1w']))
      .toMatchObject({ title: 'Renewal talk', priority: 'low', due: '2026-03-18' });
    expect((await run(['followup', 'rm', 'Renewal talk', '--yes'])).exitCode).toBe(0);
    expect(await titles('--all')).toHaveLength(4);
    const bad = await run(['followup', 'add', 'X', '--due', 'sometime soon']);
    expect([bad.exitCode, bad.stderr.split(' (')[0]]).toEqual([2, 'error: --due: "sometime soon" is not a date crm understands']);
    const missing = await run(['followup', 'add', 'X']);
    expect([missing.exitCode, missing.stderr.split(' (')[0]]).toEqual([2, 'error: missing --due']);
    const rule = await run(['followup', 'add', 'X', '--due', 'today', '--repeat', 'often']);
    expect(rule.exitCode).toBe(2);
    expect(await titles('--all')).toHaveLength(4);
  });

  it('completing a repeating follow-up schedules the next one, step by step', async () => {
    const { json, run } = sandbox({ CRM_NOW: '2026-03-11T10:30:00Z' });
    await run(['followup', 'add', 'Send contract', '--due', 'tomorrow', '--repeat', '2w', '--priority', 'high']);
    const first = await json(['followup', 'done', 'Send contract']);
    expect(first).toMatchObject({ id: 1, status: 'done', doneAt: '2026-03-11T10:30:00.000Z',
      next: { id: 2, title: 'Send contract', due: '2026-03-26', status: 'open', repeat: '2w', priority: 'high' } });
    // Done late: the next one lands after the day it was done, not in the past.
    const second = await json(['followup', 'done', 'Send contract', '--at', '2026-04-20'], { env: { CRM_NOW: '2026-04-20T12:00:00Z' } });
    expect(second.next).toMatchObject({ id: 3, due: '2026-04-23' });
    await run(['followup', 'edit', '3', '--repeat', 'none']);
    expect((await json(['followup', 'done', '3'])).next).toBeNull();
    expect((await json(['followup', 'list', '--done'])).map((f: any) => [f.id, f.due])).toEqual([[1, '2026-03-12'], [2, '2026-03-26'], [3, '2026-04-23']]);
    const again = await run(['followup', 'done', '1']);
    expect([again.exitCode, again.stderr.split(' (')[0]]).toEqual([2, 'error: follow-up #1 Send contract is already done']);
  });
});

describe('crm agenda', () => {
  it('shows overdue items first, then the week day by day', async () => {
    const { json, run, team } = sandbox({ CRM_NOW: '2026-03-11T10:30:00Z' }); // a Wednesday
    await team('bob');
    await run(['company', 'add', 'Acme']);
    await run(['followup', 'add', 'Late call', '--due', '2026-03-06', '--company', 'Acme']);
    await run(['deal', 'add', 'Late deal', '--amount', '1000', '--close', '2026-03-02', '--company', 'Acme']);
    await run(['followup', 'add', 'Thursday call', '--due', 'thursday 09:30', '--priority', 'high']);
    await run(['followup', 'add', 'Thursday mail', '--due', 'thursday']);
    await run(['deal', 'add', 'Acme renewal', '--amount', '2,500', '--stage', 'Negotiation', '--close', 'friday', '--company', 'Acme']);
    await run(['log', 'meeting', 'Acme', '--summary', 'Kickoff', '--at', 'thursday 14:00']);
    await run(['log', 'meeting', 'Acme', '--summary', 'Last week', '--at', '2026-03-03 10:00']);
    await run(['followup', 'add', 'Next week', '--due', '2026-03-17']);
    await run(['followup', 'add', 'Bob only', '--due', 'friday', '--owner', 'bob']);
    const week = await json(['agenda', '--week']);
    const acme = { id: 1, name: 'Acme' };
    const none = { contact: null, company: null, deal: null };
    expect(week).toEqual({
      asOf: '2026-03-11', period: 'week', from: '2026-03-09', to: '2026-03-15', owner: null,
      overdue: [
        { kind: 'deal', id: 1, date: '2026-03-02', time: null, title: 'Late deal', owner: 'alice', contact: null, company: acme, deal: null,
          amount: 1000, currency: 'USD', stage: 'Lead', probability: 10 },
        { kind: 'followup', id: 1, date: '2026-03-06', time: null, title: 'Late call', owner: 'alice', ...none, company: acme, priority: 'normal' },
      ],
      days: [
        { date: '2026-03-12', items: [
          { kind: 'followup', id: 2, date: '2026-03-12', time: '09:30', title: 'Thursday call', owner: 'alice', ...none, priority: 'high' },
          { kind: 'meeting', id: 1, date: '2026-03-12', time: '14:00', title: 'Kickoff', owner: 'alice', ...none, company: acme },
          { kind: 'followup', id: 3, date: '2026-03-12', time: null, title: 'Thursday mail', owner: 'alice', ...none, priority: 'normal' },
        ] },
        { date: '2026-03-13', items: [
          { kind: 'followup', id: 5, date: '2026-03-13', time: null, title: 'Bob only', owner: 'bob', ...none, priority: 'normal' },
          { kind: 'deal', id: 2, date: '2026-03-13', time: null, title: 'Acme renewal', owner: 'alice', contact: null, company: acme, deal: null,
            amount: 2500, currency: 'USD', stage: 'Negotiation', probability: 75 },
        ] },
      ],
    });
    const mine = await json(['agenda', '--week', '--mine']);
    expect(mine.days[1].items.map((i: any) => i.title)).toEqual(['Acme renewal']);
    const today = await json(['agenda']);
    expect([today.period, today.from, today.to, today.days, today.overdue.length]).toEqual(['day', '2026-03-11', '2026-03-11', [], 2]);
    expect((await json(['agenda', '--day', '--from', 'tomorrow'])).days[0].items).toHaveLength(3);
    expect((await json(['agenda', '--month'])).days.map((d: any) => d.date)).toEqual(['2026-03-12', '2026-03-13', '2026-03-17']);
    const table = (await run(['agenda', '--week', '--format', 'table'])).stdout;
    expect(table).toContain('Overdue (2)');
    expect(table).toContain('Thursday 2026-03-12');
    expect(table).toMatch(/deal #2\s+Acme renewal closes\s+\$2,500\.00 · Negotiation 75% · Acme/);
    expect((await run(['agenda', '--week', '--month'])).exitCode).toBe(2);
  });
});
