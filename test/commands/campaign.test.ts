import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';

async function people(s: ReturnType<typeof sandbox>) {
  for (let i = 1; i <= 20; i++) await s.run(['contact', 'add', `Person ${i}`, '--email', `p${i}@x.example`, '--tag', i % 2 ? 'vip' : 'std']);
  await s.run(['contact', 'edit', 'Person 3', '--consent', 'opted-out']);
  await s.run(['contact', 'edit', 'Person 5', '--do-not-contact']);
}

describe('crm campaign', () => {
  it('adds, lists, shows, edits and removes campaigns; bad input names the flag', async () => {
    const s = sandbox();
    expect(await s.json(['campaign', 'add', 'Spring', '--channel', 'email', '--budget', '500', '--start', '2026-03-01', '--end', '2026-03-31']))
      .toMatchObject({ id: 1, name: 'Spring', channel: 'email', budget: 500, cost: null, currency: 'USD', start: '2026-03-01', end: '2026-03-31',
        window: { from: '2026-03-01', to: '2026-04-30' }, members: 0, excluded: 0 });
    const noChannel = await s.run(['campaign', 'add', 'X']);
    expect([noChannel.exitCode, noChannel.stderr.split(' (')[0]]).toEqual([2, 'error: --channel: a campaign needs a channel']);
    const badEnd = await s.run(['campaign', 'add', 'Y', '--channel', 'mail', '--start', '2026-03-10', '--end', '2026-03-01']);
    expect([badEnd.exitCode, badEnd.stderr]).toEqual([2, 'error: --end: 2026-03-01 is before the start 2026-03-10 (give an end on or after --start)\n']);
    const dup = await s.run(['campaign', 'add', 'spring', '--channel', 'email']);
    expect(dup.exitCode).toBe(4);
    expect(await s.json(['campaign', 'edit', 'Spring', '--cost', '450', '--window', '14'])).toMatchObject({ cost: 450, window: { to: '2026-04-14' } });
    expect((await s.json(['campaign', 'list'])).map((c: any) => c.name)).toEqual(['Spring']);
    expect((await s.run(['campaign', 'show', 'Nope'])).exitCode).toBe(3);
    expect((await s.run(['campaign', 'rm', 'Spring'])).exitCode).toBe(2);
    expect((await s.run(['campaign', 'rm', 'Spring', '--yes'])).exitCode).toBe(0);
    expect(await s.json(['campaign', 'list'])).toEqual([]);
  });

  it('targets by tag, leaves out opted-out and do-not-contact contacts and counts them; the seed reproduces the holdout', async () => {
    const s = sandbox();
    await people(s);
    await s.run(['campaign', 'add', 'Spring', '--channel', 'email']);
    const r = await s.json(['campaign', 'target', 'Spring', '--tag', 'vip', '--holdout', '30%', '--seed', '7']);
    // 10 vip contacts (odd numbers); 3 opted out and 5 do-not-contact.
    expect(r).toMatchObject({ added: 8, excluded: 2, alreadyMembers: 0, seed: 7, holdoutShare: 0.3, dryRun: false });
    const members = await s.json(['campaign', 'members', 'Spring']);
    expect(members).toHaveLength(8);
    expect(members.map((m: any) => m.name)).not.toContain('Person 3');
    expect(members[0]).toEqual({ kind: 'contact', id: 1, name: 'Person 1', email: 'p1@x.example', group: members[0].group, touchedAt: null,
      respondedAt: null, outcome: null });
    // The same seed over the same members in another database gives the same split.
    const t = sandbox();
    await people(t);
    await t.run(['campaign', 'add', 'Spring', '--channel', 'email']);
    await t.json(['campaign', 'target', 'Spring', '--tag', 'vip', '--holdout', '30%', '--seed', '7']);
    expect((await t.json(['campaign', 'members', 'Spring'])).map((m: any) => m.group)).toEqual(members.map((m: any) => m.group));
    // Targeting again adds nobody twice.
    expect(await s.json(['campaign', 'target', 'Spring', '--tag', 'vip'])).toMatchObject({ added: 0, alreadyMembers: 8, excluded: 2 });
    // Ids on standard input, as -q prints them.
    expect(await s.json(['campaign', 'target', 'Spring', '--ids', 'contact'], { input: '2\n4\n5\n' })).toMatchObject({ added: 2, excluded: 1 });
    const bad = await s.run(['campaign', 'target', 'Spring', '--ids', 'contact'], { input: '2\nabc\n' });
    expect([bad.exitCode, bad.stderr.split(' (')[0]]).toEqual([2, 'error: --ids: line 2 of standard input, "abc", is not an id']);
    const csv = await s.run(['campaign', 'members', 'Spring', '--format', 'csv']);
    expect(csv.stdout.split('\n')[0]).toBe('kind,id,name,email,group,touchedAt,respondedAt,outcome');
  });

  it('touches treated members only, logs the activity, and records responses', async () => {
    const s = sandbox();
    await people(s);
    await s.run(['campaign', 'add', 'Spring', '--channel', 'call']);
    await s.json(['campaign', 'target', 'Spring', '--tag', 'std', '--holdout', '50%', '--seed', '3']);
    const members = await s.json(['campaign', 'members', 'Spring']);
    const holdout = members.filter((m: any) => m.group === 'holdout');
    const treated = members.filter((m: any) => m.group === 'treated');
    expect(holdout.length).toBeGreaterThan(0);
    const refused = await s.run(['campaign', 'touch', 'Spring', holdout[0].name]);
    expect([refused.exitCode, refused.stderr.split(' (')[0]]).toEqual([2, `error: MEMBER: ${holdout[0].name} is in the holdout group of Spring`]);
    const done = await s.json(['campaign', 'touch', 'Spring', '--at', '2026-03-11']);
    expect(done.map((m: any) => m.name)).toEqual(treated.map((m: any) => m.name));
    expect(await s.json(['log', 'list', '--contact', treated[0].name])).toMatchObject([{ type: 'call', summary: 'Campaign Spring (call)' }]);
    expect(await s.json(['campaign', 'respond', 'Spring', holdout[0].name, '--at', '2026-03-12', '--outcome', 'bought'])).toMatchObject({
      group: 'holdout', respondedAt: '2026-03-12', outcome: 'bought' });
    expect(await s.json(['campaign', 'show', 'Spring'])).toMatchObject({ members: 10, touched: treated.length, responded: 1 });
    const notMember = await s.run(['campaign', 'respond', 'Spring', 'Person 1']);
    expect(notMember.exitCode).toBe(3);
  });

  it('imports responses from CSV by email; importing twice changes nothing; a non-member is named by line', async () => {
    const s = sandbox();
    await people(s);
    await s.run(['campaign', 'add', 'Spring', '--channel', 'email']);
    await s.json(['campaign', 'target', 'Spring', '--tag', 'vip', '--seed', '1']);
    const csv = 'Email,Replied,Outcome\np1@x.example,2026-03-05,demo\np7@x.example,2026-03-06,\n';
    expect(await s.json(['import', 'responses', '-', '--campaign', 'Spring', '--map', 'member=Email', '--map', 'date=Replied'], { input: csv }))
      .toMatchObject({ rows: 2, imported: 2, duplicates: 0 });
    expect(await s.json(['import', 'responses', '-', '--campaign', 'Spring', '--map', 'member=Email', '--map', 'date=Replied'], { input: csv }))
      .toMatchObject({ rows: 2, imported: 0, duplicates: 2 });
    const members = await s.json(['campaign', 'members', 'Spring']);
    expect(members.find((m: any) => m.name === 'Person 1')).toMatchObject({ respondedAt: '2026-03-05', outcome: 'demo' });
    const bad = await s.run(['import', 'responses', '-', '--campaign', 'Spring', '--map', 'member=Email', '--map', 'date=Replied'],
      { input: 'Email,Replied\np2@x.example,2026-03-05\n' });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('line 2: member (Email)');
    expect(bad.stderr).toContain('is not a member of Spring');
  });

  // CDNOW's 2,357 customers, imported first: on a busy machine's PostgreSQL that alone can take half a minute.
  it('targets by --at-risk exactly the customers report clv --at-risk lists', { timeout: 90_000 }, async () => {
    const s = sandbox();
    const cdnow = fileURLToPath(new URL('../../examples/cdnow-orders.csv', import.meta.url));
    expect((await s.run(['order', 'import', cdnow, '--create-customers', 'contact'])).exitCode).toBe(0);
    const listed = (await s.json(['report', 'clv', '--as-of', '1997-09-30', '--at-risk'])).customers.map((c: any) => `${c.kind}:${c.id}`);
    expect(listed.length).toBeGreaterThan(50);
    await s.run(['campaign', 'add', 'Winback', '--channel', 'email']);
    expect(await s.json(['campaign', 'target', 'Winback', '--at-risk', '--as-of', '1997-09-30', '--seed', '1'])).toMatchObject({ added: listed.length, excluded: 0 });
    const members = (await s.json(['campaign', 'members', 'Winback'])).map((m: any) => `${m.kind}:${m.id}`);
    expect(members.sort()).toEqual([...listed].sort());
  });

  it('targets customers by value tier; a company none of whose people may be contacted is excluded', async () => {
    const s = sandbox();
    const lines = ['customer,date,amount'];
    for (let i = 1; i <= 10; i++) lines.push(`Co ${i},2026-02-0${(i % 9) + 1},${i * 100}`);
    await s.json(['order', 'import', '-', '--create-customers', 'company'], { input: lines.join('\n') + '\n' });
    await s.run(['contact', 'add', 'Nine', '--company', 'Co 9', '--do-not-contact']);
    await s.run(['campaign', 'add', 'Thanks', '--channel', 'mail']);
    // Deciles 1-2 of ten customers by spend are Co 10 and Co 9 (MVC); Co 9's only person is do-not-contact.
    expect(await s.json(['campaign', 'target', 'Thanks', '--tier', 'MVC'])).toMatchObject({ added: 1, excluded: 1 });
    expect(await s.json(['campaign', 'members', 'Thanks'])).toMatchObject([{ kind: 'company', name: 'Co 10', group: 'treated' }]);
    const mixed = await s.run(['campaign', 'target', 'Thanks', '--tier', 'MVC', '--lifecycle', 'lead']);
    expect([mixed.exitCode, mixed.stderr.split(' (')[0]]).toEqual([2, 'error: --lifecycle picks contacts; it does not combine with --segment, --tier or --at-risk, which pick customers']);
  });

  it('report campaign measures the hand-built campaign of test/unit/campaign.test.ts end to end', async () => {
    const s = sandbox();
    for (let i = 1; i <= 12; i++) await s.run(['contact', 'add', `P${i}`]);
    await s.run(['campaign', 'add', 'Spring', '--channel', 'email', '--budget', '100', '--start', '2026-03-01', '--end', '2026-03-31']);
    await s.json(['campaign', 'target', 'Spring', '--ids', 'contact'], { input: '1\n2\n3\n4\n5\n6\n7\n8\n' });
    await s.json(['campaign', 'target', 'Spring', '--ids', 'contact', '--holdout', '99%', '--seed', '1'], { input: '9\n10\n11\n12\n' });
    expect((await s.json(['campaign', 'members', 'Spring', '--group', 'holdout'])).map((m: any) => m.id)).toEqual([9, 10, 11, 12]);
    await s.run(['campaign', 'touch', 'Spring', '--at', '2026-03-02']);
    await s.run(['campaign', 'respond', 'Spring', 'P1', '--at', '2026-03-05']);
    await s.run(['campaign', 'respond', 'Spring', 'P2', '--at', '2026-04-30']);
    await s.run(['campaign', 'respond', 'Spring', 'P10', '--at', '2026-05-01']);
    for (const [who, amount, date] of [['P3', '300', '2026-03-10'], ['P4', '600', '2026-04-20'], ['P5', '999', '2026-02-27'], ['P6', '-100', '2026-03-15'],
      ['P9', '200', '2026-03-20']]) await s.run(['order', 'add', who!, '--amount', amount!, '--date', date!]);
    const r = await s.json(['report', 'campaign', 'Spring']);
    // The figures worked on paper in test/unit/campaign.test.ts.
    expect(r).toEqual({
      campaign: 'Spring', channel: 'email', currency: 'USD', window: { from: '2026-03-01', to: '2026-04-30' }, excluded: 0, targeted: 12, contacted: 8,
      groups: { treated: { members: 8, responded: 4, rate: 0.5, revenue: 800, revenuePerMember: 100 },
        holdout: { members: 4, responded: 1, rate: 0.25, revenue: 200, revenuePerMember: 50 } },
      lift: { absolute: 0.25, low: -0.297827, high: 0.797827, relative: 1 }, incrementalRevenue: 400, cost: 100, roi: 3, note: null,
    });
    const all = await s.json(['report', 'campaigns']);
    expect(all.campaigns).toHaveLength(1);
    expect(all.campaigns[0]).toMatchObject({ campaign: 'Spring', roi: 3 });
    const screen = await s.terminal(['report', 'campaign', 'Spring']);
    expect(screen.output).toContain('+25.0 pp (95% CI -29.8 pp to +79.8 pp)');
  });

  it('report campaign without a holdout gives response and says lift cannot be measured', async () => {
    const s = sandbox();
    await s.run(['contact', 'add', 'Ann']);
    await s.run(['campaign', 'add', 'Solo', '--channel', 'call', '--start', '2026-03-01']);
    await s.json(['campaign', 'target', 'Solo']);
    await s.run(['campaign', 'respond', 'Solo', 'Ann', '--at', '2026-03-02']);
    const r = await s.run(['report', 'campaign', 'Solo', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ groups: { treated: { members: 1, rate: 1 }, holdout: { members: 0, rate: null } }, lift: null,
      incrementalRevenue: null, roi: null, note: 'no holdout group: lift cannot be measured (target with --holdout, e.g. 10%)' });
    expect(r.stderr).toContain('lift cannot be measured');
  });
});
