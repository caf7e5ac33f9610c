import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';

describe('crm next', () => {
  it("ranks one salesperson's actions with the reason and the command for each", async () => {
    // CRM_NOW is Wednesday 2026-03-11; the week ends Sunday 2026-03-15.
    const s = sandbox();
    await s.team('bob');
    await s.run(['company', 'add', 'Acme']);
    await s.run(['contact', 'add', 'Ann', '--email', 'ann@x.example']);
    await s.run(['followup', 'add', 'Call Acme', '--due', '2026-03-09', '--company', 'Acme', '--priority', 'high']);
    await s.run(['followup', 'add', 'Bob task', '--due', '2026-03-01', '--owner', 'bob']);
    await s.run(['deal', 'add', 'Acme rollout', '--amount', '5000', '--company', 'Acme', '--close', '2026-03-13']);
    await s.run(['campaign', 'add', 'Spring', '--channel', 'email', '--start', '2026-03-01', '--end', '2026-03-31']);
    await s.json(['campaign', 'target', 'Spring']);
    const r = await s.json(['next']);
    expect(r).toMatchObject({ owner: 'alice', date: '2026-03-11', total: 3 });
    expect(r.actions).toEqual([
      { rank: 1, kind: 'followup', subject: { kind: 'followup', id: 1, name: 'Call Acme' }, reason: 'overdue by 2 days, high priority (Acme)',
        command: 'crm followup done 1', amount: null, currency: null },
      { rank: 2, kind: 'closing', subject: { kind: 'deal', id: 1, name: 'Acme rollout' }, reason: 'closes this week (2026-03-13) in Lead with no next step',
        command: "crm deal edit 1 --next-step 'agree the close'", amount: 5000, currency: 'USD' },
      { rank: 3, kind: 'campaign', subject: { kind: 'contact', id: 1, name: 'Ann' }, reason: 'not yet contacted for Spring (email, ends 2026-03-31)',
        command: 'crm campaign touch Spring contact:1', amount: null, currency: null },
    ]);
    // The command it names does the job: touched, Ann leaves the list.
    expect((await s.run(['campaign', 'touch', 'Spring', 'contact:1'])).exitCode).toBe(0);
    expect((await s.json(['next'])).actions.map((a: any) => a.kind)).toEqual(['followup', 'closing']);
    expect((await s.json(['next', '--owner', 'bob'])).actions).toMatchObject([{ kind: 'followup', reason: 'overdue by 10 days' }]);
    expect((await s.json(['next', '--limit', '1'])).actions).toHaveLength(1);
  });
});
