import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';

describe('crm search', () => {
  it('finds records by names, emails, domains, titles and notes, and follows edits and deletes', async () => {
    const { run, json } = sandbox();
    await run(['company', 'add', 'Acme GmbH', '--domain', 'acme.example', '--notes', 'Maker of anvils']);
    await run(['company', 'add', 'Globex', '--domain', 'globex.example']);
    await run(['contact', 'add', 'Zhang Wei 张伟', '--email', 'zw@acme.example', '--title', 'Chief Executive']);
    await run(['contact', 'add', 'Hank Scorpio', '--email', 'hank@globex.example', '--notes', 'Volcano lair, likes hammocks']);
    const hits = async (...words: string[]) =>
      (await json(['search', ...words])).map((h: { kind: string; id: number }) => `${h.kind}:${h.id}`).sort();
    expect(await hits('acme')).toEqual(['company:1', 'contact:1']);
    expect(await hits('globex.example')).toEqual(['company:2', 'contact:2']);
    expect(await hits('anvil')).toEqual(['company:1']);
    expect(await hits('chief')).toEqual(['contact:1']);
    expect(await hits('hammock')).toEqual(['contact:2']);
    expect(await hits('张伟')).toEqual(['contact:1']);
    expect(await hits('hank', 'volcano')).toEqual(['contact:2']);
    expect(await json(['search', 'acme', '--kind', 'contact'])).toEqual([
      { kind: 'contact', id: 1, name: 'Zhang Wei 张伟', match: expect.stringContaining('acme') }]);
    expect(await json(['search', 'nothing-like-this'])).toEqual([]);
    await run(['deal', 'add', 'Rollout', '--company', 'Globex']);
    await run(['company', 'edit', 'Globex', '--name', 'Globex Corporation']);
    expect(await hits('corporation')).toEqual(['company:2', 'deal:1']); // the deal is found by its company's new name
    expect((await json(['search', 'corporation'])).find((h: any) => h.kind === 'company')).toMatchObject({ id: 2, name: 'Globex Corporation' });
    // Deals and activities are found by their contact's and deal's names too, the new ones after a rename.
    await run(['deal', 'add', 'Lair upgrade', '--contact', 'Hank Scorpio']);
    await run(['log', 'note', 'deal:2', '--summary', 'Budget approved', '--contact', 'Hank Scorpio']);
    expect(await hits('scorpio')).toEqual(['activity:1', 'contact:2', 'deal:2']);
    await run(['contact', 'edit', 'Hank Scorpio', '--name', 'Hank Magma']);
    expect(await hits('scorpio')).toEqual([]);
    expect(await hits('magma')).toEqual(['activity:1', 'contact:2', 'deal:2']);
    await run(['deal', 'edit', 'Lair upgrade', '--title', 'Volcano refit']);
    expect(await hits('upgrade')).toEqual([]);
    expect(await hits('refit')).toEqual(['activity:1', 'deal:2']);
    await run(['contact', 'rm', 'Hank Magma', '--yes']);
    expect(await hits('hammock')).toEqual([]);
    const empty = await run(['search', '@@']);
    expect([empty.exitCode, empty.stderr.split(' (')[0]]).toEqual([2, 'error: search text "@@" has no letters or digits']);
  });
});

describe('crm history', () => {
  it('journals every write with who, when and what changed', async () => {
    const { run, json } = sandbox();
    await run(['company', 'add', 'Acme']);
    await run(['contact', 'add', 'Li Na', '--email', 'li@acme.example']);
    await run(['contact', 'edit', 'Li Na', '--title', 'CTO', '--company', 'Acme', '--add-tag', 'vip'],
      { env: { CRM_USER: 'bob', CRM_NOW: '2026-03-12T09:00:00Z' } });
    const h = await json(['history', 'Li Na']);
    expect(h).toHaveLength(2);
    expect(h[0]).toMatchObject({ action: 'create', actor: 'alice', at: '2026-03-11T10:30:00.000Z', entity: 'contact', entityId: 1,
      before: null, command: 'crm contact add "Li Na" --email li@acme.example' });
    expect(h[1]).toMatchObject({ action: 'update', actor: 'bob', at: '2026-03-12T09:00:00.000Z' });
    expect(h[1].changes).toEqual([
      { field: 'title', before: null, after: 'CTO' },
      { field: 'company', before: null, after: { id: 1, name: 'Acme' } },
      { field: 'tags', before: [], after: ['vip'] },
    ]);
    expect((await run(['history', 'Li Na', '--format', 'table'])).stdout).toContain('title: ∅ → CTO; company: ∅ → Acme; tags: [] → [vip]');
    // The history of a deleted record stays reachable by kind and id.
    await run(['company', 'rm', 'Acme', '-y']);
    expect((await json(['history', 'company:1'])).map((e: { action: string }) => e.action)).toEqual(['create', 'delete']);
    expect((await json(['history', 'Li Na'])).map((e: { action: string }) => e.action)).toEqual(['create', 'update', 'update']);
    expect((await run(['history', 'company:99'])).exitCode).toBe(3);
  });

  it('an edit that keeps every value is not a change: no journal entry, no new updatedAt', async () => {
    const { run, json } = sandbox();
    await run(['company', 'add', 'Acme GmbH', '--industry', 'Manufacturing', '--tag', 'vip']);
    await run(['deal', 'add', 'Anvils', '--amount', '500', '--company', 'Acme GmbH']);
    const before = await json(['company', 'show', '1']);
    for (const edit of [['company', 'edit', '1', '--industry', 'Manufacturing', '--add-tag', 'vip'], ['deal', 'edit', '1', '--amount', '500.00']]) {
      expect((await run(edit)).exitCode, edit.join(' ')).toBe(0);
    }
    expect((await json(['company', 'show', '1'])).updatedAt).toBe(before.updatedAt);
    expect((await json(['history', 'company:1'])).map((e: { action: string }) => e.action)).toEqual(['create']);
    expect((await json(['history', 'deal:1'])).map((e: { action: string }) => e.action)).toEqual(['create']);
    await run(['deal', 'edit', '1', '--amount', '600']);
    expect((await json(['history', 'deal:1'])).map((e: { action: string }) => e.action)).toEqual(['create', 'update']);
  });

  it('asks which record when a name fits records of several kinds', async () => {
    const { run } = sandbox();
    await run(['company', 'add', 'Jordan']);
    await run(['contact', 'add', 'Jordan']);
    const r = await run(['history', 'Jordan']);
    expect([r.exitCode, r.stderr]).toEqual([2, 'error: "Jordan" matches 2 records: company #1 Jordan, contact #1 Jordan (use the id, or qualify the kind, e.g. contact:12)\n']);
    expect((await run(['history', 'contact:Jordan'])).exitCode).toBe(0);
  });
});
