import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { onPostgres } from '../support/engine.js';
import { sandbox } from '../support/inprocess.js';

// Issue 17, "The right to be forgotten": crm contact forget erases a person everywhere, history and the file's bytes
// included; a suppression list keeps them from coming back; crm contact export is the subject access request.

const EMAIL = 'ann.erasable@acme.example';
const PHONE = '+49 30 9876543';

async function seeded() {
  const s = sandbox();
  for (const step of [
    ['company', 'add', 'Acme'],
    ['contact', 'add', 'Ann Erasable', '--email', EMAIL, '--phone', PHONE, '--company', 'Acme', '--tag', 'vip', '--notes', 'Met at the fair'],
    ['contact', 'add', 'Bob', '--reports-to', EMAIL],
    ['contact', 'edit', 'Ann Erasable', '--title', 'CFO'],
    ['deal', 'add', 'Rollout', '--amount', '5000', '--contact', 'Ann Erasable'],
    ['log', 'call', EMAIL, '--summary', 'Called about the rollout'],
    ['followup', 'add', 'Call back', '--due', 'tomorrow', '--contact', 'Ann Erasable'],
    ['order', 'add', 'Acme', '--amount', '100'],
    ['campaign', 'add', 'Spring', '--channel', 'email', '--start', '2026-03-01', '--end', '2026-03-31'],
    ['campaign', 'target', 'Spring', '--tag', 'vip'],
  ]) {
    const r = await s.run(step);
    if (r.exitCode !== 0) throw new Error(`${step.join(' ')}: ${r.stderr}`);
  }
  return s;
}

/** Every byte crm keeps for the database: the file and its WAL. */
const bytes = (path: string) => Buffer.concat([readFileSync(path), ...(existsSync(`${path}-wal`) ? [readFileSync(`${path}-wal`)] : [])]);

/**
 * Where the person could still be: on SQLite every byte of the file and its WAL; on a team server (whose files crm
 * does not own) every row of every table, read back through crm export backup.
 */
async function kept(run: (args: string[]) => Promise<{ stdout: string }>, dbPath: string): Promise<Buffer> {
  return onPostgres ? Buffer.from((await run(['export', 'backup'])).stdout) : bytes(dbPath);
}

describe('crm contact forget', () => {
  it('erases the person from every table, history and the search index; deals and activities keep amounts but lose them', async () => {
    const { run, json, dbPath } = await seeded();
    const deal = await json(['deal', 'show', 'Rollout']);
    expect((await kept(run, dbPath)).includes(EMAIL)).toBe(true);
    const r = await json(['contact', 'forget', 'Ann Erasable', '--yes']);
    expect(r).toMatchObject({ erasure: 1, by: 'alice', deals: 1, activities: 1, followups: 1, orders: 0, reports: 1, campaignMemberships: 1 });
    expect(await json(['campaign', 'members', 'Spring'])).toEqual([]);
    expect(r.historyEntries).toBeGreaterThanOrEqual(4);

    expect((await run(['contact', 'show', EMAIL])).exitCode).toBe(3);
    expect(await json(['search', 'Erasable'])).toEqual([]);
    expect(await json(['search', 'fair'])).toEqual([]);
    const after = await json(['deal', 'show', 'Rollout']);
    expect(after).toMatchObject({ id: deal.id, amount: 5000, contact: null, uuid: deal.uuid, createdAt: deal.createdAt });
    expect((await json(['log', 'list'])).map((a: { summary: string; contact: unknown }) => [a.summary, a.contact])).toEqual([['Called about the rollout', null]]);
    expect((await json(['contact', 'show', 'Bob'])).reportsTo).toBeNull();
    // History: the person's own entries are a tombstone; elsewhere their name, email and phone are gone.
    const history = await json(['history', 'contact:1']);
    expect(history.map((h: { before: unknown; after: unknown }) => [h.before, h.after])).toEqual([
      [null, { forgotten: true, erasure: 1, at: '2026-03-11T10:30:00.000Z', by: 'alice' }],
      [{ forgotten: true, erasure: 1, at: '2026-03-11T10:30:00.000Z', by: 'alice' }, { forgotten: true, erasure: 1, at: '2026-03-11T10:30:00.000Z', by: 'alice' }],
      [{ forgotten: true, erasure: 1, at: '2026-03-11T10:30:00.000Z', by: 'alice' }, null],
    ]);
    expect(history.map((h: { command: string }) => h.command)).toEqual([
      'crm contact add [forgotten] --email [forgotten] --phone [forgotten] --company Acme --tag vip --notes [forgotten]',
      'crm contact edit [forgotten] --title CFO', 'crm contact forget [forgotten] --yes --json']);
    const dealHistory = JSON.stringify(await json(['history', 'Rollout']));
    expect(dealHistory).not.toContain('Erasable');
    expect(dealHistory).toContain('[forgotten]');
    // The bytes are gone from the file (and its WAL), not just from the tables.
    const left = await kept(run, dbPath);
    for (const needle of [EMAIL, 'Ann Erasable', PHONE, 'Met at the fair']) expect(left.includes(needle), needle).toBe(false);
    if (!onPostgres) expect(new Database(dbPath, { readonly: true }).pragma('integrity_check', { simple: true })).toBe('ok');
    // An erasure cannot be undone.
    const undo = await run(['undo']);
    expect([undo.exitCode, undo.stderr]).toEqual([4, 'error: this change set erased a person (crm contact forget); an erasure cannot be undone (add the person again if they come back)\n']);
  });

  it('keeps the orders of a person who bought for themselves, as revenue of nobody', async () => {
    const { run, json } = sandbox();
    await run(['contact', 'add', 'Zoe Buyer', '--email', 'zoe@example.com']);
    await run(['order', 'add', 'Zoe Buyer', '--amount', '50', '--reference', 'Z-1']);
    expect((await json(['contact', 'forget', 'Zoe Buyer', '--yes'])).orders).toBe(1);
    expect((await json(['order', 'list'])).map((o: { amount: number; reference: string; customer: unknown }) => [o.amount, o.reference, o.customer]))
      .toEqual([[50, 'Z-1', { kind: 'contact', id: null, name: '[forgotten]' }]]);
    expect((await run(['order', 'list'])).stdout).toMatch(/^1\t2026-03-11\t\[forgotten\]\t50.00/);
    // ... and no customer's: customer analytics leave it out (it would be one made-up customer of every erased buyer).
    expect((await json(['report', 'rfm'])).customers).toEqual([]);
  });

  it('keeps the person from coming back: contact add, vCard and CSV imports refuse their email without --allow-forgotten', async () => {
    const { run, json } = await seeded();
    await run(['contact', 'forget', EMAIL, '--yes']);
    const add = await run(['contact', 'add', 'Ann Again', '--email', EMAIL.toUpperCase()]);
    expect([add.exitCode, add.stderr]).toEqual([5, `error: --email: ${EMAIL} belonged to a person who was erased (crm contact forget) ` +
      '(pass --allow-forgotten if they asked to be added again)\n']);
    const card = `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Card\r\nEMAIL:${EMAIL}\r\nEND:VCARD\r\n`;
    const imp = await run(['import', 'vcard', '-'], { input: card });
    expect([imp.exitCode, imp.stderr.split('\n')[0]]).toEqual([2, `  line 1: emails (EMAIL) "${EMAIL}" belonged to a person who was erased ` +
      '(crm contact forget); pass --allow-forgotten if they asked to be added again']);
    const csv = `name,email\nAnn Csv,${EMAIL}\n`;
    const fromCsv = await run(['import', 'contacts', '-'], { input: csv });
    expect([fromCsv.exitCode, fromCsv.stderr.split('\n')[0]]).toEqual([2, `  line 2: emails (email) "${EMAIL}" belonged to a person who was erased ` +
      '(crm contact forget); pass --allow-forgotten if they asked to be added again']);
    expect((await run(['import', 'vcard', '-', '--allow-forgotten'], { input: card })).exitCode).toBe(0);
    expect((await run(['contact', 'add', 'Ann Again', '--email', 'other@example.com'])).exitCode).toBe(0);
    expect((await json(['contact', 'list'])).map((c: { name: string }) => c.name).sort()).toEqual(['Ann Again', 'Ann Card', 'Bob']);
    // The list holds salted hashes only: the email itself is nowhere.
    const rows = JSON.parse((await run(['export', 'backup'])).stdout).tables.suppression as { salt: string; hash: string }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('crm contact export', () => {
  it('writes everything crm holds about one person as one JSON document', async () => {
    const { run } = await seeded();
    const r = await run(['contact', 'export', 'Ann Erasable']);
    expect(r.exitCode, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ format: 'crm-subject-access', version: 1, exportedBy: 'alice',
      contact: { name: 'Ann Erasable', emails: [EMAIL], phones: [PHONE], title: 'CFO', tags: ['vip'], notes: 'Met at the fair' } });
    expect(doc.deals.map((d: { title: string }) => d.title)).toEqual(['Rollout']);
    expect(doc.activities.map((a: { summary: string }) => a.summary)).toEqual(['Called about the rollout']);
    expect(doc.followups.map((f: { title: string }) => f.title)).toEqual(['Call back']);
    expect(doc.campaigns).toEqual([{ campaign: 'Spring', group: 'treated', addedOn: '2026-03-11', touchedOn: null, respondedOn: null, outcome: null }]);
    expect(doc.history.map((h: { action: string }) => h.action)).toEqual(['create', 'update']);
    expect((await run(['contact', 'export', 'Nobody'])).exitCode).toBe(3);
  });
});
