import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { dumpDatabase } from '../support/dump.js';
import { onPostgres } from '../support/engine.js';
import { sandbox } from '../support/inprocess.js';

/**
 * Issue 17, "Bad input": every write command and every import, given input that is wrong. Each case exits with its
 * documented code (product.md: 2 usage or validation, 3 not found, 4 conflict, 5 not permitted) and says so in one
 * line on stderr naming the field (imports list their bad rows, one per line, before that line), never a stack
 * trace or an "unexpected failure"; and the database is byte-for-byte what it was (every table read row by row).
 * Search is the exception that proves the rule: SQL and FTS syntax there is text to look for, never an error.
 */

type Case = { args: string[]; exit: number; field: string | RegExp; input?: string | Buffer };

const MB = 'm'.repeat(1_000_000);
const UTF8_BAD = Buffer.concat([Buffer.from('customer,date,amount\nM'), Buffer.from([0xfc]), Buffer.from('ller,2026-01-03,5\n')]);
const vcard = (...lines: string[]) => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD', ''].join('\r\n');
const orders = (...rows: string[]) => ['customer,date,amount', ...rows, ''].join('\n');

const c = (args: string[], exit: number, field: string | RegExp, input?: string | Buffer): Case => ({ args, exit, field, input });

const CASES: Case[] = [
  // company add / edit / rm / merge
  c(['company', 'add', ''], 2, 'name:'),
  c(['company', 'add', '   '], 2, 'name:'),
  c(['company', 'add', 'x'.repeat(201)], 2, 'name:'),
  c(['company', 'add', MB], 2, 'argument 3 ("mmmmmmmmmmmm…"): is too long'),
  c(['company', 'add', 'Red\u001b[31m'], 2, 'name:'),
  c(['company', 'add', 'Bell\u0007'], 2, 'name:'),
  c(['company', 'add', 'Nul\u0000byte'], 2, 'name:'),
  c(['company', 'add', 'Acme'], 4, 'Acme'),
  c(['company', 'add', 'B', '--domain', 'not a domain'], 2, '--domain:'),
  c(['company', 'add', 'B', '--size', '-5'], 2, '--size:'),
  c(['company', 'add', 'B', '--size', '1e309'], 2, '--size:'),
  c(['company', 'add', 'B', '--size', '12345678901234567890'], 2, '--size:'),
  c(['company', 'add', 'B', '--wallet', 'NaN'], 2, '--wallet:'),
  c(['company', 'add', 'B', '--wallet', '1e309'], 2, '--wallet:'),
  c(['company', 'add', 'B', '--wallet', '-100'], 2, '--wallet:'),
  c(['company', 'add', 'B', '--wallet', '12345678901234567890'], 2, '--wallet:'),
  c(['company', 'add', 'B', '--wallet', '5', '--currency', 'XYZ'], 2, '--currency:'),
  c(['company', 'add', 'B', '--tag', 'bad tag!'], 2, '--tag:'),
  c(['company', 'add', 'B', '--owner', ''], 2, '--owner:'),
  c(['company', 'add', 'B', '--notes', MB], 2, '--notes:'),
  c(['company', 'edit', 'Nope', '--industry', 'x'], 3, 'Nope'),
  c(['company', 'edit', '999', '--industry', 'x'], 3, '999'),
  c(['company', 'edit', 'Acme', '--name', ''], 2, '--name:'),
  c(['company', 'edit', 'Acme', '--size', 'abc'], 2, '--size:'),
  c(['company', 'rm', 'Nope', '--yes'], 3, 'Nope'),
  c(['company', 'merge', 'Acme', 'Acme', '--yes'], 2, 'KEEP and DUP'),
  c(['company', 'merge', 'Acme', 'Nope', '--yes'], 3, 'Nope'),
  // contact add / edit / rm / merge
  c(['contact', 'add', 'B', '--email', 'not-an-email'], 2, '--email:'),
  c(['contact', 'add', 'B', '--email', 'a b@example.com'], 2, '--email:'),
  c(['contact', 'add', 'B', '--email', 'ann@example.com'], 4, '--email:'),
  c(['contact', 'add', 'B', '--email', 'ANN@EXAMPLE.COM'], 4, '--email:'),
  c(['contact', 'add', 'B', '--phone', 'call me'], 2, '--phone:'),
  c(['contact', 'add', 'B', '--phone', '12'], 2, '--phone:'),
  c(['contact', 'add', 'B', '--company', 'Nope'], 3, 'Nope'),
  c(['contact', 'add', 'B', '--reports-to', 'Ann'], 2, '--reports-to:'),
  c(['contact', 'add', 'B', '--reports-to', 'Nobody'], 3, 'Nobody'),
  c(['contact', 'add', 'B', '--role', 'boss'], 2, '--role:'),
  c(['contact', 'add', 'B', '--lifecycle', 'zombie'], 2, '--lifecycle:'),
  c(['contact', 'add', 'B', '--consent', 'maybe'], 2, '--consent:'),
  c(['contact', 'add', 'Line\u2028break'], 2, 'name:'),
  c(['contact', 'add', 'B', '--wallet', '1,2,3.4.5'], 2, '--wallet:'),
  c(['contact', 'edit', 'Ann', '--title', 'x'], 2, 'Ann'),
  c(['contact', 'edit', 'Nobody', '--title', 'x'], 3, 'Nobody'),
  c(['contact', 'edit', 'Ann Lee', '--add-email', 'anns@example.com'], 4, 'anns@example.com'),
  c(['contact', 'edit', 'Ann Lee', '--add-email', 'bad'], 2, '--add-email:'),
  c(['contact', 'edit', 'Ann Lee', '--reports-to', 'Ann Lee'], 2, '--reports-to'),
  c(['contact', 'rm', 'Nobody', '--yes'], 3, 'Nobody'),
  c(['contact', 'rm', 'Ann', '--yes'], 2, 'Ann'),
  c(['contact', 'merge', 'Ann Lee', 'Ann Lee', '--yes'], 2, 'KEEP and DUP'),
  // deal add / edit / move / win / lose / reopen / rm
  c(['deal', 'add', ''], 2, 'title:'),
  c(['deal', 'add', 'X', '--amount', '-5'], 2, '--amount:'),
  c(['deal', 'add', 'X', '--amount', 'NaN'], 2, '--amount:'),
  c(['deal', 'add', 'X', '--amount', '1e309'], 2, '--amount:'),
  c(['deal', 'add', 'X', '--amount', 'Infinity'], 2, '--amount:'),
  c(['deal', 'add', 'X', '--amount', '12345678901234567890'], 2, '--amount:'),
  c(['deal', 'add', 'X', '--amount', '12.345'], 2, '--amount:'),
  c(['deal', 'add', 'X', '--probability', '101'], 2, '--probability:'),
  c(['deal', 'add', 'X', '--probability', '-1'], 2, '--probability:'),
  c(['deal', 'add', 'X', '--category', 'maybe'], 2, '--category'),
  c(['deal', 'add', 'X', '--close', '2026-02-30'], 2, '--close:'),
  c(['deal', 'add', 'X', '--close', 'next blursday'], 2, '--close:'),
  c(['deal', 'add', 'X', '--close', '99999-01-01'], 2, '--close:'),
  c(['deal', 'add', 'X', '--stage', 'Nope'], 3, '--stage:'),
  c(['deal', 'add', 'X', '--company', 'Nope'], 3, 'Nope'),
  c(['deal', 'add', 'X', '--contact', 'Ann'], 2, '--contact'),
  c(['deal', 'add', 'X', '--amount', '5', '--currency', 'US'], 2, '--currency:'),
  c(['deal', 'edit', 'Nope', '--amount', '5'], 3, 'Nope'),
  c(['deal', 'edit', 'Big deal', '--amount', 'abc'], 2, '--amount:'),
  c(['deal', 'move', 'Big deal', 'Nowhere'], 3, 'STAGE:'),
  c(['deal', 'win', 'Big deal', '--date', 'yesterdayish'], 2, '--date:'),
  c(['deal', 'lose', 'Big deal', '--reason', 'aliens'], 2, '--reason:'),
  c(['deal', 'reopen', 'Big deal'], 2, 'Big deal'),
  c(['deal', 'rm', 'Nope', '--yes'], 3, 'Nope'),
  // stage
  c(['stage', 'add', 'Lead'], 4, 'Lead'),
  c(['stage', 'add', 'New', '--probability', '150'], 2, '--probability:'),
  c(['stage', 'add', 'New', '--outcome', 'maybe'], 2, '--outcome'),
  c(['stage', 'add', 'New', '--rotting-days', '-3'], 2, '--rotting-days:'),
  c(['stage', 'edit', 'Nope', '--probability', '5'], 3, 'STAGE:'),
  // log
  c(['log', 'call', 'Ann Lee'], 2, '--summary'),
  c(['log', 'call', 'Ann Lee', '--summary', ''], 2, '--summary:'),
  c(['log', 'call', 'Ann Lee', '--summary', 'x', '--satisfaction', '6'], 2, '--satisfaction:'),
  c(['log', 'call', 'Ann Lee', '--summary', 'x', '--at', 'not a time'], 2, '--at:'),
  c(['log', 'call', 'Nobody', '--summary', 'x'], 3, 'Nobody'),
  c(['log', 'note', 'Ann', '--summary', 'x'], 2, 'Ann'),
  c(['log', 'call', 'Dora', '--summary', 'x'], 5, 'Dora'),
  // follow-ups
  c(['followup', 'add', 'T', '--due', 'someday'], 2, '--due:'),
  c(['followup', 'add', 'T', '--due', 'tomorrow', '--repeat', 'every blue moon'], 2, '--repeat:'),
  c(['followup', 'add', 'T', '--due', 'tomorrow', '--priority', 'urgent!'], 2, '--priority'),
  c(['followup', 'done', 'Nope'], 3, 'Nope'),
  c(['followup', 'snooze', 'Call Ann', '--until', 'never'], 2, '--until:'),
  c(['followup', 'edit', 'Call Ann', '--due', '2026-13-01'], 2, '--due:'),
  // orders and quotas
  c(['order', 'add', 'Acme', '--amount', 'abc'], 2, '--amount:'),
  c(['order', 'add', 'Acme'], 2, '--amount'),
  c(['order', 'add', 'Nope', '--amount', '5'], 3, 'Nope'),
  c(['order', 'add', 'Acme', '--amount', '5', '--reference', 'R1'], 4, 'R1'),
  c(['order', 'add', 'Acme', '--amount', '5', '--date', '2026-02-30'], 2, '--date:'),
  c(['order', 'add', 'Acme', '--amount', '1e309'], 2, '--amount:'),
  c(['quota', 'set', 'alice', '2026-Q5', '1000'], 2, 'PERIOD:'),
  c(['quota', 'set', 'alice', '2026-Q1', '-1000'], 2, 'AMOUNT:'),
  c(['quota', 'set', 'alice', '2026-Q1', 'NaN'], 2, 'AMOUNT:'),
  // order import
  c(['order', 'import', '-'], 2, 'FILE:', orders('"Acme,2026-01-02,10')),
  c(['order', 'import', '-'], 2, /line 2: the row holds bytes that are not UTF-8 text/, UTF8_BAD),
  c(['order', 'import', '-'], 2, 'FILE:', 'customer,date,date,amount\nAcme,2026-01-02,2026-01-02,10\n'),
  c(['order', 'import', '-'], 2, 'FILE:', 'customer,amount\nAcme,10\n'),
  c(['order', 'import', '-'], 2, 'FILE:', ''),
  c(['order', 'import', '-'], 2, 'line 2: date (date)', orders('Acme,2026-02-30,10')),
  c(['order', 'import', '-'], 2, 'line 2: amount: "1e309" is not an amount', orders('Acme,2026-01-02,1e309')),
  c(['order', 'import', '-'], 2, 'line 2: amount: "12345678901234567890" is too large', orders('Acme,2026-01-02,12345678901234567890')),
  c(['order', 'import', '-'], 2, 'line 3: amount: "NaN" is not an amount', orders('Acme,2026-01-02,10', 'Acme,2026-01-02,NaN')),
  c(['order', 'import', '-'], 2, 'line 2: customer (customer)', orders('Nobody,2026-01-02,10')),
  c(['order', 'import', '-', '--create-customers', 'company'], 2, 'line 2: customer (customer) is too long', orders(`${'x'.repeat(300)},2026-01-02,10`)),
  c(['order', 'import', '-', '--create-customers', 'contact'], 2, 'line 3: customer (customer)', orders('Acme,2026-01-02,10', 'Bell\u0007,2026-01-02,10')),
  c(['order', 'import', '-', '--map', 'nonsense'], 2, '--map:', orders('Acme,2026-01-02,10')),
  c(['order', 'import', join('no', 'such.csv')], 2, 'FILE:'),
  // vCard import
  // (A card without END, and a card in Windows-1252, are read on purpose: phones write both. See vcard/lines.ts.)
  c(['import', 'vcard', '-'], 2, 'line 1: emails (EMAIL)', vcard('FN:Bad Email', 'EMAIL:not-an-email')),
  c(['import', 'vcard', '-'], 2, 'line 1: phones (TEL)', vcard('FN:Bad Phone', 'TEL:call me maybe')),
  c(['import', 'vcard', '-'], 2, 'line 1: name (FN)', vcard('FN:Red\u001b[31m')),
  c(['import', 'vcard', '-'], 2, 'line 1: name (FN) is too long', vcard(`FN:${'x'.repeat(300)}`)),
  c(['import', 'vcard', '-'], 2, 'line 1: notes (NOTE) is too long', vcard('FN:Ann Note', `NOTE:${'n'.repeat(30_000)}`)),
  c(['import', 'vcard', '-'], 2, 'line 1: name (FN)', vcard('N:;;;;')),
  c(['import', 'vcard', '-'], 2, 'line 1: role (X-CRM-ROLE)', vcard('FN:Rolf', 'X-CRM-ROLE:emperor')),
  c(['import', 'vcard', '-'], 2, 'FILE', ''),
  c(['import', 'vcard', '-'], 2, 'FILE', 'name,email\nAnn,ann@example.com\n'),
  // search text that has nothing to look for (only FTS or SQL punctuation) is a usage error, and still changes nothing
  ...['*', '"', '^', '(', '%', '\\', '--'].map((text) => c(['search', '--', text], 2, 'search text')),
  // backup import over a database that holds data, and documents that are not backups
  c(['import', 'backup', '-'], 2, /backup/, '[1,2,3]'),
  c(['import', 'backup', '-'], 2, /backup|JSON/, 'not json at all'),
  c(['import', 'backup', '-'], 2, /backup|JSON/, '{"format":"crm-backup","version":1,'),
];

/** SQL and FTS5 syntax in a search is text to find: never an error, never a change. */
const SEARCHES = ['a" OR 1=1 --', "'; drop table contact; --", 'NEAR(a b', 'AND', 'title:x', 'a OR', '-acme', 'ann*', 'ann" OR "x', 'x) OR (y',
  'contact:ann', '{ann lee}', 'ann AND NOT lee', '%ann%', "ann' --"];

describe('bad input, table-driven (issue 17)', () => {
  const s = sandbox();
  let setup = '';

  beforeAll(async () => {
    const steps: string[][] = [
      ['company', 'add', 'Acme', '--domain', 'acme.example'],
      ['contact', 'add', 'Ann Lee', '--email', 'ann@example.com', '--company', 'Acme'],
      ['contact', 'add', 'Ann Smith', '--email', 'anns@example.com'],
      ['contact', 'add', 'Dora', '--do-not-contact'],
      ['deal', 'add', 'Big deal', '--amount', '1000', '--company', 'Acme'],
      ['followup', 'add', 'Call Ann', '--due', 'tomorrow'],
      ['order', 'add', 'Acme', '--amount', '10', '--reference', 'R1'],
    ];
    for (const step of steps) {
      const r = await s.run(step);
      if (r.exitCode !== 0) throw new Error(`${step.join(' ')}: ${r.stderr}`);
    }
    setup = dumpDatabase(s.dbPath);
  });

  it(`has at least 80 cases across every write command and import (${CASES.length + SEARCHES.length + 3} in all)`, () => {
    expect(CASES.length + SEARCHES.length + 3).toBeGreaterThanOrEqual(80);
    const covered = new Set(CASES.map((k) => `${k.args[0]} ${k.args[1]}`));
    for (const command of ['company add', 'company edit', 'company rm', 'company merge', 'contact add', 'contact edit', 'contact rm',
      'contact merge', 'deal add', 'deal edit', 'deal move', 'deal win', 'deal lose', 'deal reopen', 'deal rm', 'stage add', 'stage edit',
      'log call', 'log note', 'followup add', 'followup done', 'followup snooze', 'followup edit', 'order add', 'order import',
      'quota set', 'import vcard', 'import backup']) {
      expect(covered, command).toContain(command);
    }
  });

  it.each(CASES.map((k, i) => [i + 1, k.args.map((a) => (a.length > 40 ? `${a.slice(0, 12)}…(${a.length})` : JSON.stringify(a))).join(' '), k] as const))(
    '#%i crm %s', async (_i, _label, k) => {
      const input = k.input === undefined ? undefined : typeof k.input === 'string' ? k.input : k.input.toString('latin1');
      const r = k.input instanceof Buffer ? await runBytes(k) : await s.run(k.args, { input });
      expect(r.exitCode, r.stderr).toBe(k.exit);
      expect(r.stdout).toBe('');
      const lines = r.stderr.split('\n');
      expect(lines.pop()).toBe('');
      const last = lines.pop()!;
      expect(last).toMatch(/^error: /);
      expect(last).not.toMatch(/unexpected failure/);
      // The field is named in the error, or (an import's) in the list of bad rows above it.
      if (typeof k.field === 'string') expect(r.stderr).toContain(k.field);
      else expect(r.stderr).toMatch(k.field);
      // An import lists its bad rows or cards first, one per line; nothing else precedes the error.
      for (const l of lines) expect(l).toMatch(/^ {2}line \d+: /);
      expect(dumpDatabase(s.dbPath)).toBe(setup);
      // Under --json the same error is one JSON object.
      const j = k.input instanceof Buffer ? await runBytes(k, ['--json']) : await s.run(['--json', ...k.args], { input });
      expect(j.exitCode).toBe(k.exit);
      const { message, hint } = JSON.parse(j.stderr).error;
      expect(`error: ${message}${hint ? ` (${hint})` : ''}`).toBe(last);
      expect(dumpDatabase(s.dbPath)).toBe(setup);
    });

  /** Bytes that are not UTF-8 reach the command as they are: through a file, as they would from a pipe. */
  async function runBytes(k: Case, extra: string[] = []) {
    const file = join(s.home, 'input.bin');
    writeFileSync(file, k.input as Buffer);
    return s.run([...k.args.map((a) => (a === '-' ? file : a)), ...extra]);
  }

  it.each(SEARCHES)('search %j finds or finds nothing, and never errors', async (text) => {
    const r = await s.run(['search', '--json', '--', text]);
    expect([r.exitCode, r.stderr]).toEqual([0, '']);
    expect(Array.isArray(JSON.parse(r.stdout))).toBe(true);
    expect(dumpDatabase(s.dbPath)).toBe(setup);
  });

  // SQLite files: a team server's database is never a file crm is pointed at.
  it.skipIf(onPostgres)('a --db that is not a database, and one from a newer crm, are refused and left byte for byte as they were', async () => {
    const text = join(s.home, 'notes.txt');
    writeFileSync(text, 'these are my notes, not a database\n'.repeat(200));
    const newer = join(s.home, 'newer.db');
    copyFileSync(s.dbPath, newer);
    const db = new Database(newer);
    db.pragma('user_version = 99');
    db.close();
    const empty = join(s.home, 'empty.db');
    writeFileSync(empty, '');
    for (const [file, exit, message] of [[text, 2, /is not a crm database/], [newer, 2, /was written by a newer crm \(schema 99/]] as const) {
      const before = readFileSync(file);
      for (const args of [['contact', 'list'], ['contact', 'add', 'Zed'], ['db', 'migrate']]) {
        const r = await s.run([...args, '--db', file]);
        expect([r.exitCode, r.stderr.split('\n').length], `${args.join(' ')} on ${file}`).toEqual([exit, 2]);
        expect(r.stderr).toMatch(message);
        expect(readFileSync(file).equals(before), `${args.join(' ')} on ${file}`).toBe(true);
      }
    }
    expect(dumpDatabase(s.dbPath)).toBe(setup);
  });
});
