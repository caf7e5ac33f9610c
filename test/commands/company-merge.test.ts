import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';

/** What a terminal shows, without the escape codes of colour. */
const NO_COLOR = { NO_COLOR: '1' };

describe('crm company merge', () => {
  async function acmeTwice() {
    const s = sandbox();
    await s.run(['company', 'add', 'Acme GmbH', '--tag', 'key-account', '--notes', 'HQ in Berlin']);
    await s.run(['company', 'add', 'ACME Inc.', '--domain', 'acme.example', '--industry', 'Manufacturing', '--size', '120',
      '--tag', 'partner', '--notes', 'US office']);
    await s.run(['contact', 'add', 'Li Na', '--company', '1']);
    await s.run(['contact', 'add', 'Bo Chen', '--company', '2', '--email', 'bo@acme.example']);
    await s.run(['deal', 'add', 'Rollout', '--company', '2', '--contact', 'Bo Chen', '--amount', '1000']);
    await s.run(['log', 'call', 'company:2', '--summary', 'Kickoff']);
    await s.run(['followup', 'add', 'Call back', '--due', 'tomorrow', '--company', '2']);
    await s.run(['order', 'add', 'company:2', '--amount', '250']);
    return s;
  }

  it("moves DUP's contacts, deals, activities, follow-ups, orders and tags onto KEEP, fills its gaps, deletes DUP", async () => {
    const { run, json } = await acmeTwice();
    const asked = await run(['company', 'merge', 'Acme GmbH', 'ACME Inc.']);
    expect([asked.exitCode, asked.stderr]).toEqual([2,
      'error: will not merge company #2 into #1 without confirmation (pass --yes (-y) to confirm when there is no terminal)\n']);
    const merged = await json(['company', 'merge', 'Acme GmbH', 'ACME Inc.', '--yes']);
    expect(merged).toMatchObject({
      id: 1, name: 'Acme GmbH', domain: 'acme.example', industry: 'Manufacturing', size: 120, tags: ['key-account', 'partner'],
      notes: 'HQ in Berlin\nUS office', mergedFrom: { id: 2, name: 'ACME Inc.' },
      moved: { contacts: 1, deals: 1, activities: 1, followups: 1, orders: 1 },
    });
    expect((await run(['company', 'show', '2'])).exitCode).toBe(3);
    expect((await json(['contact', 'list', '--company', '1'])).map((c: { name: string }) => c.name)).toEqual(['Bo Chen', 'Li Na']);
    expect(await json(['deal', 'show', 'Rollout'])).toMatchObject({ company: { id: 1, name: 'Acme GmbH' }, contact: { id: 2 } });
    expect((await json(['log', 'list', '--company', '1'])).map((a: { summary: string }) => a.summary)).toEqual(['Kickoff']);
    expect((await json(['followup', 'list', '--all'])).map((f: { company: unknown }) => f.company)).toEqual([{ id: 1, name: 'Acme GmbH' }]);
    expect((await json(['order', 'list', '--customer', 'company:1'])).map((o: { amount: number }) => o.amount)).toEqual([250]);
    expect(await json(['search', 'acme.example'])).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'company', id: 1 })]));
  });

  it('journals the merge as one change set, and history of DUP still works', async () => {
    const { run, json } = await acmeTwice();
    await run(['company', 'merge', '1', '2', '--yes']);
    const keep = await json(['history', 'company:1']);
    expect(keep.map((h: { action: string }) => h.action)).toEqual(['create', 'merge']);
    expect(keep[1].changes).toContainEqual({ field: 'mergedFrom', before: null, after: { id: 2, name: 'ACME Inc.' } });
    expect((await json(['history', 'company:2'])).map((h: { action: string }) => h.action)).toEqual(['create', 'delete']);
    const human = await run(['history', 'company:2']);
    expect([human.exitCode, human.stdout.split('\n').length]).toEqual([0, 3]);
    // Everything the merge changed went into one change set: the same command line on each entry.
    const bo = await json(['history', 'contact:2']);
    expect(bo.at(-1)).toMatchObject({ action: 'update', changes: [{ field: 'company', before: { id: 2, name: 'ACME Inc.' }, after: { id: 1, name: 'Acme GmbH' } }] });
    expect(new Set([bo.at(-1).changeSet, keep[1].changeSet]).size).toBe(1);
  });

  it('refuses merging a company into itself, and names what it did on a terminal', async () => {
    const { run } = await acmeTwice();
    const same = await run(['company', 'merge', 'Acme GmbH', '1', '-y']);
    expect([same.exitCode, same.stderr]).toEqual([2, 'error: KEEP and DUP are the same company (#1) (name two different companies)\n']);
    const done = await run(['company', 'merge', '1', '2', '-y'], { tty: true, env: NO_COLOR });
    expect([done.exitCode, done.stderr]).toEqual([0,
      'merged company #2 ACME Inc. into company #1 Acme GmbH; moved 1 contact, 1 deal, 1 activity, 1 follow-up, 1 order\n']);
  });
});
