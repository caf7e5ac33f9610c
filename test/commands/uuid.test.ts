import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('every record keeps a stable UUID (product.md)', () => {
  it('is given on creation, shown in JSON, and kept through edits, moves and wins', async () => {
    const { json } = sandbox();
    const company = await json(['company', 'add', 'Acme']);
    const contact = await json(['contact', 'add', 'Li Na', '--company', 'Acme']);
    const deal = await json(['deal', 'add', 'Renewal', '--company', 'Acme', '--amount', '100']);
    const followup = await json(['followup', 'add', 'Call', '--due', 'tomorrow', '--company', 'Acme']);
    const activity = await json(['log', 'note', 'Acme', '--summary', 'Hello']);
    const uuids = [company, contact, deal, followup, activity].map((r) => r.uuid);
    expect(uuids.every((u) => V4.test(u))).toBe(true);
    expect(new Set(uuids).size).toBe(5);
    await json(['company', 'edit', 'Acme', '--name', 'Acme GmbH']);
    await json(['deal', 'move', 'Renewal', 'Proposal']);
    const won = await json(['deal', 'win', 'Renewal']);
    expect([(await json(['company', 'show', '1'])).uuid, won.uuid, won.stage?.uuid ?? null]).toEqual([company.uuid, deal.uuid, null]);
    expect(V4.test(won.order.uuid)).toBe(true);
  });

  it('is the same for the same demo seed, so a demo can be rebuilt and still match an export', async () => {
    const { json, home } = sandbox();
    const first = join(home, 'a.db');
    const second = join(home, 'b.db');
    await json(['demo', '--db', first]);
    await json(['demo', '--db', second]);
    const list = async (db: string) => (await json(['contact', 'list', '--db', db])).map((c: { uuid: string }) => c.uuid);
    const a = await list(first);
    expect(a.every((u: string) => V4.test(u))).toBe(true);
    expect(await list(second)).toEqual(a);
    expect(new Set(a).size).toBe(a.length);
  });
});
