import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';
import { pythonWith, runPython } from '../support/python.js';

/** Lists that show every record of each kind, as JSON. */
const LISTS: [string, string[]][] = [
  ['companies', ['company', 'list']],
  ['contacts', ['contact', 'list']],
  ['deals', ['deal', 'list', '--all']],
  ['activities', ['log', 'list']],
  ['followups', ['followup', 'list', '--all']],
  ['orders', ['order', 'list']],
];

/** A database with every kind of record and the text that breaks naive CSV: commas, quotes, line breaks, CJK, formulas. */
async function richDatabase(run: (args: string[]) => Promise<{ exitCode: number; stderr: string }>) {
  const steps: string[][] = [
    ['company', 'add', 'Acme GmbH', '--domain', 'acme.example', '--industry', 'Manufacturing', '--size', '1200', '--address', 'Hauptstr. 1, 10115 Berlin',
      '--wallet', '250,000', '--currency', 'EUR', '--tag', 'key-account', '--tag', 'de', '--notes', 'Two sites:\n"North", "South"', '--external-id', 'SF-001'],
    ['company', 'add', 'Globex, Inc.', '--domain', 'globex.example', '--owner', 'bob'],
    ['company', 'add', '株式会社テスト', '--industry', '製造業', '--wallet', '5000000', '--currency', 'JPY'],
    ['company', 'add', 'Acme GmbH', '--allow-duplicate', '--notes', '=HYPERLINK("http://evil.example")'],
    ['company', 'add', 'Gone Corp'],
    ['company', 'rm', 'Gone Corp', '--yes'],
    ['contact', 'add', 'Tom Berg', '--email', 'tom@acme.example', '--company', '1', '--role', 'user', '--title', 'Engineer'],
    ['contact', 'add', 'Zhang Wei 张伟', '--email', 'zw@acme.example', '--email', 'zhang.wei@home.example', '--phone', '+86 10 1234 5678',
      '--phone', '(030) 555-0100', '--company', '1', '--role', 'decision-maker', '--title', 'CEO', '--lifecycle', 'customer', '--consent', 'opted-in',
      '--wallet', '10,000.50', '--currency', 'EUR', '--tag', 'vip', '--source', 'referral', '--notes', 'Prefers tea.\nCall mornings.'],
    ['contact', 'add', 'Li Na', '--email', 'li@acme.example', '--company', '1', '--reports-to', 'Zhang Wei 张伟', '--role', 'champion', '--tag', 'vip', '--tag', 'it'],
    ['contact', 'edit', 'Tom Berg', '--reports-to', 'Li Na'],
    ['contact', 'add', 'O\'Brien, "Pat"', '--email', 'pat@globex.example', '--company', 'Globex, Inc.', '--do-not-contact', '--consent', 'opted-out',
      '--notes', '-5% discount asked', '--external-id', 'HS-77'],
    ['contact', 'add', 'José Müller', '--email', 'jose@example.com', '--lifecycle', 'former', '--owner', 'bob'],
    ['contact', 'add', 'Temp Person'],
    ['contact', 'rm', 'Temp Person', '--yes'],
    ['contact', 'add', 'Ann Other', '--company', '4', '--title', '@admin'],
    ['deal', 'add', 'Acme renewal', '--amount', '12,500.50', '--currency', 'EUR', '--company', '1', '--contact', 'Li Na', '--close', '2026-04-30',
      '--source', 'inbound', '--next-step', 'Send quote, then call'],
    ['deal', 'move', 'Acme renewal', 'Proposal', '--probability', '60'],
    ['deal', 'add', 'Globex pilot', '--amount', '3000', '--company', 'Globex, Inc.', '--stage', 'Qualified', '--category', 'commit'],
    ['deal', 'add', 'Tokyo rollout', '--amount', '1200000', '--currency', 'JPY', '--company', '株式会社テスト', '--close', '2026-06-30'],
    ['deal', 'win', 'Tokyo rollout'],
    ['deal', 'add', 'Lost cause', '--amount', '500', '--contact', 'José Müller'],
    ['deal', 'lose', 'Lost cause', '--reason', 'price'],
    ['deal', 'add', 'Acme renewal', '--amount', '99', '--company', '4'],
    ['log', 'call', 'Li Na', '--summary', 'Kickoff, "great" start', '--satisfaction', '5', '--outcome', 'interested', '--deal', '1'],
    ['log', 'email', 'Zhang Wei 张伟', '--summary', 'Sent the deck\nwith pricing', '--direction', 'inbound'],
    ['log', 'meeting', 'Globex, Inc.', '--summary', 'Onsite workshop', '--at', '2026-03-20 14:00'],
    ['log', 'note', 'deal:Tokyo rollout', '--summary', '+1 from legal'],
    ['followup', 'add', 'Send contract', '--due', 'tomorrow', '--company', '1', '--repeat', '2w', '--priority', 'high', '--notes', 'Ask for, "signature"'],
    ['followup', 'done', 'Send contract'],
    ['followup', 'add', 'Call back', '--due', '2026-03-10 09:30', '--contact', 'Li Na', '--deal', '1'],
    ['followup', 'add', 'Quarterly review', '--due', 'eoq', '--company', '株式会社テスト', '--repeat', 'quarterly', '--owner', 'bob'],
    ['order', 'add', 'company:1', '--amount', '1,000.00', '--currency', 'EUR', '--date', '2026-01-15', '--reference', 'INV-1001'],
    ['order', 'add', 'José Müller', '--amount', '250', '--date', '2026-02-01'],
    ['order', 'add', 'José Müller', '--amount', '250', '--date', '2026-02-01'],
    ['order', 'add', 'Globex, Inc.', '--amount', '-120.00', '--date', '2026-02-20', '--reference', '=REFUND'],
  ];
  for (const args of steps) {
    const r = await run([...args, '-q']);
    if (r.exitCode !== 0 && !(r.exitCode === 2 && args.includes('rm'))) throw new Error(`crm ${args.join(' ')}: ${r.stderr}`);
  }
}

describe('export -> import round trip', () => {
  it('exports every kind as CSV and imports it into an empty database with identical JSON, ids and uuids included', async () => {
    const s = sandbox();
    await s.team('bob');
    await richDatabase((args) => s.run(args.includes('rm') ? args.filter((a) => a !== '-q') : args));
    const original = Object.fromEntries(await Promise.all(LISTS.map(async ([kind, args]) => [kind, await s.json(args)])));
    expect(original.companies.length).toBe(4);
    expect(original.contacts.map((c: any) => c.id)).toEqual(expect.arrayContaining([1, 2, 3, 4, 5, 7]));
    expect(original.orders.length).toBe(5);

    const copy = join(s.home, 'copy.db');
    // The files name bob as an owner: the new database's team gets him first, as --owner would need.
    expect((await s.run(['team', 'add', 'bob', '--db', copy])).exitCode).toBe(0);
    for (const [kind] of LISTS) {
      const file = join(s.home, `${kind}.csv`);
      const exported = await s.run(['export', kind, '--output', file]);
      expect(exported, kind).toEqual({ exitCode: 0, stdout: '', stderr: '' });
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const imported = await s.run(['import', kind, file, '--db', copy, '--json']);
      expect(imported.exitCode, `${kind}: ${imported.stderr}`).toBe(0);
      expect(JSON.parse(imported.stdout).counts).toMatchObject({ created: original[kind].length, updated: 0, skipped: 0, companiesCreated: 0 });
    }
    for (const [kind, args] of LISTS) expect(await s.json([...args, '--db', copy]), kind).toEqual(original[kind]);

    // The formulas came back as text, and are guarded in the file.
    expect(readFileSync(join(s.home, 'companies.csv'), 'utf8')).toContain(`,"'=HYPERLINK(""http://evil.example"")",`);
    expect(readFileSync(join(s.home, 'contacts.csv'), 'utf8')).toContain(`,'-5% discount asked,`);

    // A second import of the same files into either database changes nothing.
    // (The sandbox's own database is whichever engine the suite runs on: no --db names it.)
    for (const db of [['--db', copy], []]) {
      for (const [kind] of LISTS) {
        const again = JSON.parse((await s.run(['import', kind, join(s.home, `${kind}.csv`), ...db, '--json'])).stdout);
        expect(again.counts, `${kind} again`).toEqual({ created: 0, updated: 0, skipped: original[kind].length, companiesCreated: 0 });
        expect(again.skipped.every((x: any) => x.matchedBy === 'uuid'), kind).toBe(true);
      }
    }
    for (const [kind, args] of LISTS) expect(await s.json([...args, '--db', copy]), kind).toEqual(original[kind]);
  }, 60_000);
});

const py = pythonWith(['csv']);

describe.skipIf(py.missing !== null)('CSV crm writes, read by Python\'s csv module', () => {
  it('gives back every cell of every kind: quotes, commas, line breaks, CJK, guarded formulas', async () => {
    const s = sandbox();
    await s.team('bob');
    await richDatabase((args) => s.run(args.includes('rm') ? args.filter((a) => a !== '-q') : args));
    for (const [kind, args] of LISTS) {
      const file = join(s.home, `${kind}.csv`);
      expect((await s.run(['export', kind, '--output', file])).exitCode).toBe(0);
      const rows = runPython(py.python!, 'import csv, json, sys\nprint(json.dumps(list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))))', [file]) as Record<string, string>[];
      const records = await s.json(args);
      expect(rows.map((r) => Number(r.id)), kind).toEqual(records.map((r: any) => r.id).sort((a: number, b: number) => a - b));
      const byId = new Map(rows.map((r) => [Number(r.id), r]));
      for (const rec of records) {
        const row = byId.get(rec.id)!;
        expect(row.uuid, kind).toBe(rec.uuid);
        const text = rec.name ?? rec.title ?? rec.summary;
        if (typeof text === 'string') expect(row.name ?? row.title ?? row.summary, kind).toBe(/^[=+\-@]/.test(text) ? `'${text}` : text);
        if (typeof rec.notes === 'string') expect(row.notes, kind).toBe(/^[=+\-@]/.test(rec.notes) ? `'${rec.notes}` : rec.notes);
      }
    }
  }, 60_000);
});
