import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.js';
import { migrate } from '../../src/store/sqlite/migrate.js';
import { openSqlite } from '../../src/store/sqlite/open.js';
import { BIN } from '../e2e/crm.js';
import { dumpDatabase } from '../support/dump.js';
import { onPostgres } from '../support/engine.js';
import { sandbox } from '../support/inprocess.js';

// Issue 17, "Found when tried with hostile input": each finding, with the test that it holds now. (--db /proc/...,
// /dev/null and "" are in db-path.test.ts; an empty file and a doubled column in order-import.test.ts.)

const root = process.getuid?.() === 0;
const NOBODY = 65534;
/**
 * Root is not stopped by file modes, so as root the case runs crm as nobody, which needs to read crm itself: a
 * checkout inside a private folder (a 0700 home or temporary folder) it cannot, and the case is skipped, loudly.
 */
const nobodyCanRun = !root || spawnSync(process.execPath, [BIN, '--version'], { uid: NOBODY, gid: NOBODY, stdio: 'ignore' }).status === 0;
if (!nobodyCanRun) console.warn(`\n*** SKIPPED: the read-only database case: running as root, and user nobody cannot read ${BIN} ***\n`);

describe.skipIf(!nobodyCanRun)('a database the user may read but not write', () => {
  /** Another user's file (or, for root, whom permissions do not stop, the file run as nobody), folder included. */
  async function readOnlyCase() {
    const s = sandbox();
    const folder = join(s.home, 'shared');
    const file = join(folder, 'crm.db');
    mkdirSync(folder);
    await s.run(['contact', 'add', 'Ann', '--email', 'ann@example.com', '--db', file]);
    await s.run(['company', 'add', 'Acme', '--db', file]);
    chmodSync(file, 0o644);
    chmodSync(folder, 0o755);
    chmodSync(s.home, 0o755);
    const before = readFileSync(file);
    const as = async (args: string[]) => {
      if (!root) {
        chmodSync(file, 0o444);
        chmodSync(folder, 0o555);
        try {
          return await s.run([...args, '--db', file]);
        } finally {
          chmodSync(folder, 0o755);
          chmodSync(file, 0o644);
        }
      }
      const r = await execa('node', [BIN, ...args, '--db', file], {
        env: { ...s.env, PATH: process.env.PATH ?? '/usr/bin:/bin', TZ: 'UTC' }, extendEnv: false, reject: false, uid: NOBODY, gid: NOBODY,
        cwd: '/', stripFinalNewline: false,
      });
      return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
    };
    return { ...s, file, folder, before, as };
  }

  it('can be listed, shown and searched, and a write says in one line that it cannot (exit 5), changing nothing', async () => {
    const { as, file, folder, before } = await readOnlyCase();
    const list = await as(['contact', 'list', '--json']);
    expect([list.exitCode, list.stderr]).toEqual([0, '']);
    expect(JSON.parse(list.stdout).map((c: { name: string }) => c.name)).toEqual(['Ann']);
    expect((await as(['search', 'acme', '-q'])).exitCode).toBe(0);
    const add = await as(['contact', 'add', 'Bob']);
    expect([add.exitCode, add.stdout, add.stderr]).toEqual([5, '', `error: the database ${file} is read-only to you (no write permission); ` +
      'nothing was changed (ask its owner for write access, or work on a copy: crm db backup COPY.db, then --db COPY.db)\n']);
    const asJson = await as(['company', 'rm', 'Acme', '--yes', '--json']);
    expect([asJson.exitCode, JSON.parse(asJson.stderr).error.code]).toEqual([5, 'not_permitted']);
    expect(readFileSync(file).equals(before)).toBe(true);
    // Reading left nothing behind in the folder it may not write, nor a private copy in the temporary folder.
    expect(readdirSync(folder)).toEqual(['crm.db']);
  });
});

describe('malformed and mis-encoded import files', () => {
  it('an unclosed quote is one line naming the line and the fix (exit 2), in JSON under --json, importing nothing', async () => {
    const { run, dbPath } = sandbox();
    await run(['company', 'add', 'Acme']);
    const before = dumpDatabase(dbPath);
    const input = 'customer,date,amount\nAcme,2026-01-02,10\n"Acme,2026-01-03,5\n';
    const r = await run(['order', 'import', '-'], { input });
    expect([r.exitCode, r.stdout, r.stderr]).toEqual([2, '', 'error: FILE: line 3: a quoted cell is never closed (the file ends inside quotes) ' +
      '(close the quote that opens the cell, or write a quote inside a cell as two (""))\n']);
    const j = await run(['order', 'import', '-', '--json'], { input });
    expect(j.exitCode).toBe(2);
    expect(JSON.parse(j.stderr).error).toMatchObject({ code: 'validation', field: 'FILE' });
    const stray = await run(['order', 'import', '-'], { input: 'customer,date,amount\nAc"me",2026-01-02,10\n' });
    expect([stray.exitCode, stray.stderr.split('\n').length]).toEqual([2, 2]);
    expect(stray.stderr).toMatch(/^error: FILE: line 2: /);
    expect(dumpDatabase(dbPath)).toBe(before);
  });

  it('invalid UTF-8 in a row is refused with its line, never stored as U+FFFD', async () => {
    const { run, home, dbPath } = sandbox();
    await run(['company', 'add', 'Acme']);
    const before = dumpDatabase(dbPath);
    const file = join(home, 'latin1.csv');
    writeFileSync(file, Buffer.concat([Buffer.from('customer,date,amount\nAcme,2026-01-02,10\nM'), Buffer.from([0xfc]), Buffer.from('ller,2026-01-03,5\n')]));
    const r = await run(['order', 'import', file, '--create-customers', 'company']);
    expect([r.exitCode, r.stdout, r.stderr]).toEqual([2, '', '  line 3: the row holds bytes that are not UTF-8 text; save the file as UTF-8, ' +
      'or pass --encoding windows-1252 (what Excel and Outlook on Windows write)\n' +
      'error: 1 of 2 rows are invalid; nothing was imported (fix the rows listed above and import again)\n']);
    expect(dumpDatabase(dbPath)).toBe(before);
  });

  it('an empty file is an error that writes no history (a user who imports nothing meant another file)', async () => {
    const { run, home, json } = sandbox();
    await run(['company', 'add', 'Acme']);
    const file = join(home, 'empty.csv');
    writeFileSync(file, '');
    const r = await run(['order', 'import', file]);
    expect([r.exitCode, r.stderr]).toEqual([2, `error: FILE: ${file} is empty (the first line must name the columns: customer, date, amount)\n`]);
    expect(await json(['history', 'Acme'])).toHaveLength(1);
  });
});

describe('names', () => {
  it('have sane lengths: a 201-character name, a 120 KB and a 1 MB one are refused in one line (exit 2)', async () => {
    const { run, json } = sandbox();
    const long = await run(['contact', 'add', 'x'.repeat(201)]);
    expect([long.exitCode, long.stderr]).toEqual([2, `error: name: "${'x'.repeat(201)}" is too long (keep a name to 200 characters)\n`]);
    expect((await run(['contact', 'add', 'x'.repeat(200), '-q'])).exitCode).toBe(0);
    for (const size of [120_000, 1_000_000]) {
      const r = await run(['company', 'add', 'y'.repeat(size)]);
      expect([r.exitCode, r.stderr]).toEqual([2, `error: argument 3 ("yyyyyyyyyyyy…"): is too long (${size.toLocaleString('en')} characters) (keep it to 20,000 characters)\n`]);
      const notes = await run(['company', 'add', 'Acme', `--notes=${'n'.repeat(size)}`]);
      expect(notes.stderr.split(' (')[0]).toBe('error: --notes: is too long');
    }
    const title = await run(['deal', 'add', 'd'.repeat(300)]);
    expect(title.stderr.split(' (')[0]).toBe(`error: title: "${'d'.repeat(300)}" is too long`);
    expect(await json(['company', 'list'])).toEqual([]);
  });

  it.skipIf(onPostgres)('with escape sequences or BEL are refused, and a stored one is shown inert on a terminal', async () => {
    const { run, terminal, dbPath } = sandbox({ NO_COLOR: '1' });
    const r = await run(['contact', 'add', 'Eve\u001b[31mRed\u0007']);
    expect([r.exitCode, r.stderr]).toEqual([2, 'error: name: "Eve\\u001b[31mRed\\u0007" contains a line break or control character ' +
      '(write it as one line of plain text)\n']);
    // Written by another program (or an older crm): shown, but never sent to the terminal raw.
    await run(['contact', 'add', 'Eve']);
    const db = new Database(dbPath);
    db.prepare(`update contact set name = ?, notes = ? where id = 1`).run('Eve\u001b]0;pwned\u0007\u001b[2J', 'a\u001b[31mred\u009b note');
    db.close();
    for (const args of [['contact', 'list'], ['contact', 'show', '1']]) {
      const screen = await terminal(args);
      expect(screen.exitCode, args.join(' ')).toBe(0);
      expect(screen.output, args.join(' ')).not.toMatch(/[\u0007\u001b\u009b]/);
      expect(screen.output, args.join(' ')).toContain('Eve\\u001b]0;pwned\\u0007');
    }
    const piped = await run(['contact', 'list']);
    expect(piped.stdout).not.toMatch(/[\u0007\u001b\u009b]/);
  });

  it('that start with - can be given after --', async () => {
    const { run } = sandbox();
    expect((await run(['contact', 'add', '-q', '--', '-Dash'])).stdout).toBe('1\n');
    expect((await run(['company', 'add', '-q', '--', '--weird--'])).stdout).toBe('1\n');
    expect(JSON.parse((await run(['contact', 'show', '--json', '--', '-Dash'])).stdout).name).toBe('-Dash');
  });
});

describe('history', () => {
  it('has an entry for each customer order import --create-customers makes, in the import\'s change set', async () => {
    const { run, json } = sandbox();
    const r = await run(['order', 'import', '-', '--create-customers', 'contact'], { input: 'customer,date,amount\nNew Person,2026-01-02,10\n' });
    expect(r.exitCode, r.stderr).toBe(0);
    const [entry, ...rest] = await json(['history', 'New Person']);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ action: 'create', actor: 'alice', command: 'crm order import - --create-customers contact' });
    expect(entry.after).toMatchObject({ id: 1, name: 'New Person', lifecycle: 'customer', externalId: 'New Person', owner: 'alice' });
    expect(entry.after.uuid).toMatch(/^[0-9a-f-]{36}$/);
    await run(['order', 'import', '-', '--create-customers', 'company'], { input: 'customer,date,amount\nNew Co,2026-01-02,10\n' });
    expect((await json(['history', 'New Co']))[0].after).toMatchObject({ name: 'New Co', domain: null, tags: [] });
  });

  it.skipIf(onPostgres)('is insert-only in the database itself: SQLite triggers refuse to change or delete a change set or a journal entry', async () => {
    const { run, dbPath } = sandbox();
    await run(['contact', 'add', 'Ann']);
    await run(['contact', 'edit', 'Ann', '--title', 'CEO']);
    const db = new Database(dbPath);
    try {
      for (const statement of ['update journal set after = null', 'delete from journal', "update change_set set actor = 'mallory'",
        'delete from change_set', "update change_set set at = '2000-01-01'"]) {
        expect(() => db.prepare(statement).run(), statement).toThrow(/^history is insert-only: /);
      }
      expect(db.prepare('select count(*) from journal').pluck().get()).toBe(2);
    } finally {
      db.close();
    }
    // A consent override still notes why on its change set (the one update history allows).
    await run(['contact', 'edit', 'Ann', '--consent', 'opted-out']);
  });
});

describe('backups', () => {
  it.skipIf(onPostgres)('crm db backup writes the copy 0600 in a 0700 folder', async () => {
    const { run, json, home } = sandbox();
    await run(['contact', 'add', 'Ann']);
    const { path } = await json(['db', 'backup']);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(path, '..')).mode & 0o777).toBe(0o700);
    const named = join(home, 'copy.db');
    await run(['db', 'backup', named]);
    expect(statSync(named).mode & 0o777).toBe(0o600);
  });

  it.skipIf(onPostgres)('the automatic one before a migration is 0600 too', async () => {
    const { run, home } = sandbox();
    const file = join(home, 'old.db');
    const h = openSqlite(file);
    await migrate(h, file, new Date('2026-01-01T00:00:00Z'), Object.fromEntries(Object.entries(migrations).slice(0, 1)));
    h.raw.prepare(`insert into company (name, name_key, owner, created_at, updated_at, created_by, updated_by)
      values ('Acme', 'acme', 'a', 'x', 'x', 'a', 'a')`).run();
    h.raw.close();
    const r = await run(['company', 'list', '-q', '--db', file]);
    expect([r.exitCode, r.stdout]).toEqual([0, '1\n']);
    const backups = readdirSync(join(home, 'backups'));
    expect(backups).toHaveLength(1);
    expect(statSync(join(home, 'backups', backups[0]!)).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, 'backups')).mode & 0o777).toBe(0o700);
  });
});

describe('deal add --stage', () => {
  it('an unknown stage is not found (exit 3), as the contract says', async () => {
    const { run } = sandbox();
    const r = await run(['deal', 'add', 'X', '--stage', 'Nope', '--json']);
    expect([r.exitCode, JSON.parse(r.stderr).error]).toEqual([3, { code: 'not_found', field: '--stage',
      message: '--stage: "Nope" is not a stage', hint: 'use one of: Lead, Qualified, Proposal, Negotiation, Won, Lost' }]);
    expect(existsSync(join(sandbox().home, 'x'))).toBe(false);
  });
});
