import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';

/** Issue 13 item 4: a repeating follow-up keeps the day of the month its series started on. */
describe('crm followup: schedules keep their day', () => {
  const at = (date: string) => ({ env: { CRM_NOW: `${date}T10:00:00Z` } });

  /** Completes the open follow-up of a series on its due day, again and again; the due dates it went through. */
  async function dueDates(s: ReturnType<typeof sandbox>, times: number): Promise<string[]> {
    const seen: string[] = [];
    for (let i = 0; i < times; i++) {
      const [open] = await s.json(['followup', 'list']);
      seen.push(open.due);
      const done = await s.json(['followup', 'done', String(open.id)], at(open.due));
      expect(done.next).not.toBeNull();
    }
    seen.push((await s.json(['followup', 'list']))[0].due);
    return seen;
  }

  it('a monthly repeat on the 31st stays on month ends, done after done', async () => {
    const s = sandbox({ CRM_NOW: '2026-01-20T10:00:00Z' });
    await s.run(['followup', 'add', 'Invoice', '--due', '2026-01-31', '--repeat', '1m']);
    expect(await dueDates(s, 4)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31']);
  });

  it('a monthly repeat on the 30th stays on the 30th', async () => {
    const s = sandbox({ CRM_NOW: '2026-01-20T10:00:00Z' });
    await s.run(['followup', 'add', 'Report', '--due', '2026-01-30', '--repeat', 'every month']);
    expect(await dueDates(s, 2)).toEqual(['2026-01-30', '2026-02-28', '2026-03-30']);
  });

  it('repeats by quarter and by year, keeping the day too', async () => {
    const q = sandbox({ CRM_NOW: '2026-01-20T10:00:00Z' });
    const added = await q.json(['followup', 'add', 'Review', '--due', '2025-11-30', '--repeat', 'quarterly'], at('2025-11-01'));
    expect(added.repeat).toBe('1q');
    expect(await dueDates(q, 3)).toEqual(['2025-11-30', '2026-02-28', '2026-05-30', '2026-08-30']);
    const y = sandbox({ CRM_NOW: '2024-01-20T10:00:00Z' });
    expect((await y.json(['followup', 'add', 'Leap', '--due', '2024-02-29', '--repeat', '1y'])).repeat).toBe('1y');
    expect(await dueDates(y, 4)).toEqual(['2024-02-29', '2025-02-28', '2026-02-28', '2027-02-28', '2028-02-29']);
    for (const rule of ['every 2 quarters', '2q', 'yearly', 'annually', 'every year', '3 years']) {
      expect((await y.run(['followup', 'add', rule, '--due', 'today', '--repeat', rule])).exitCode, rule).toBe(0);
    }
  });

  it('a snooze moves one occurrence; the series keeps its day', async () => {
    const s = sandbox({ CRM_NOW: '2026-01-20T10:00:00Z' });
    await s.run(['followup', 'add', 'Invoice', '--due', '2026-01-31', '--repeat', '1m']);
    const feb = (await s.json(['followup', 'done', 'Invoice'], at('2026-01-31'))).next;
    expect(feb.due).toBe('2026-02-28');
    expect(await s.json(['followup', 'snooze', String(feb.id), '--until', '2026-03-03'], at('2026-02-28'))).toMatchObject({ due: '2026-03-03' });
    expect((await s.json(['followup', 'done', String(feb.id)], at('2026-03-03'))).next).toMatchObject({ due: '2026-03-31', repeat: '1m' });
  });

  it('a follow-up snoozed to before its date does not bring that date back', async () => {
    const s = sandbox({ CRM_NOW: '2026-03-11T10:00:00Z' });
    await s.run(['followup', 'add', 'Pay rent', '--due', '2026-03-20', '--repeat', '1m']);
    expect(await s.json(['followup', 'snooze', 'Pay rent'])).toMatchObject({ due: '2026-03-12' });
    expect((await s.json(['followup', 'done', 'Pay rent'], at('2026-03-12'))).next).toMatchObject({ due: '2026-04-20' });
  });

  it('edit --due re-anchors the series; edit of anything else keeps it', async () => {
    const s = sandbox({ CRM_NOW: '2026-01-20T10:00:00Z' });
    await s.run(['followup', 'add', 'Invoice', '--due', '2026-01-31', '--repeat', '1m']);
    const feb = (await s.json(['followup', 'done', 'Invoice'], at('2026-01-31'))).next;
    await s.run(['followup', 'edit', String(feb.id), '--title', 'Send invoice', '--priority', 'high']);
    const mar = (await s.json(['followup', 'done', String(feb.id)], at('2026-02-28'))).next;
    expect(mar).toMatchObject({ title: 'Send invoice', due: '2026-03-31' });
    await s.run(['followup', 'edit', String(mar.id), '--due', '2026-03-15']);
    expect((await s.json(['followup', 'done', String(mar.id)], at('2026-03-15'))).next).toMatchObject({ due: '2026-04-15' });
  });

  it('a repeat added later starts at the due date it has then', async () => {
    const s = sandbox({ CRM_NOW: '2026-01-20T10:00:00Z' });
    await s.run(['followup', 'add', 'Invoice', '--due', '2026-01-10']);
    await s.run(['followup', 'snooze', 'Invoice', '--until', '2026-01-31']);
    await s.run(['followup', 'edit', 'Invoice', '--repeat', '1m']);
    expect(await dueDates(s, 2)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
  });
});
