import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';

/** Issue 13 item 7: a mistyped database path is an error, not a new empty database. */
describe('the database path', () => {
  it('a folder missing from an explicit path exits 3 naming where the path came from, creating nothing', async () => {
    const { run, home } = sandbox();
    const missing = join(home, 'mising');
    const fix = `(create it first, e.g. mkdir -p ${missing}, or correct the path)`;
    const flag = await run(['company', 'list', '--db', join(missing, 'crm.db')]);
    expect([flag.exitCode, flag.stdout, flag.stderr]).toEqual([3, '', `error: --db: the folder ${missing} does not exist ${fix}\n`]);
    const env = await run(['company', 'add', 'Acme'], { env: { CRM_DB: join(missing, 'crm.db') } });
    expect([env.exitCode, env.stderr]).toEqual([3, `error: CRM_DB: the folder ${missing} does not exist ${fix}\n`]);
    await run(['config', 'set', 'db', '~/mising/crm.db']);
    const config = await run(['company', 'list']);
    expect([config.exitCode, config.stderr]).toEqual([3, `error: config "db": the folder ${missing} does not exist ${fix}\n`]);
    const asJson = await run(['company', 'list', '--json']);
    expect(JSON.parse(asJson.stderr).error).toMatchObject({ code: 'not_found', field: 'config "db"' });
    expect(existsSync(missing)).toBe(false);
    expect(existsSync(join(home, 'data'))).toBe(false);
    // The hint is a command to paste: a folder with spaces comes quoted.
    expect((await run(['company', 'list', '--db', join(home, 'my crm', 'crm.db')])).stderr)
      .toContain(`(create it first, e.g. mkdir -p "${join(home, 'my crm')}", or correct the path)`);
  });

  it('creates a new file in an existing folder only with a note on stderr', async () => {
    const { run, json, home } = sandbox();
    const file = join(home, 'team.db');
    const first = await run(['company', 'add', 'Acme', '--db', file, '-q']);
    expect(first).toEqual({ exitCode: 0, stdout: '1\n', stderr: `note: created a new database at ${file}\n` });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await run(['company', 'list', '--db', file, '-q'])).toEqual({ exitCode: 0, stdout: '1\n', stderr: '' });
    const viaEnv = join(home, 'env.db');
    expect((await run(['company', 'list'], { env: { CRM_DB: viaEnv } })).stderr).toBe(`note: created a new database at ${viaEnv}\n`);
    expect(await json(['company', 'list', '--db', file])).toHaveLength(1);
  });

  it('creates the default location quietly, folders and all', async () => {
    const { run, home, dbPath } = sandbox();
    expect(await run(['company', 'add', 'Acme', '-q'])).toEqual({ exitCode: 0, stdout: '1\n', stderr: '' });
    expect(existsSync(dbPath)).toBe(true);
    expect(statSync(join(home, 'data', 'crm')).mode & 0o777).toBe(0o700);
    // An empty CRM_DB counts as unset, as an empty variable usually does.
    expect((await run(['company', 'list', '-q'], { env: { CRM_DB: '' } })).stdout).toBe('1\n');
  });

  it('an empty --db is a usage error, not a fall back to CRM_DB', async () => {
    const { run, home } = sandbox();
    const other = join(home, 'other.db');
    const line = 'error: --db: an empty path names no database (give a file path, or leave --db out to use CRM_DB, config "db" or the default)\n';
    for (const args of [['--db', '', 'company', 'add', 'Acme'], ['company', 'add', 'Acme', '--db='], ['db', 'path', '--db', ' ']]) {
      const r = await run(args, { env: { CRM_DB: other } });
      expect([r.exitCode, r.stdout, r.stderr], args.join(' ')).toEqual([2, '', line]);
    }
    expect(existsSync(other)).toBe(false);
  });

  it('refuses a device such as /dev/null as not a crm database (exit 2)', async () => {
    const { run } = sandbox();
    const r = await run(['company', 'add', 'Acme', '--db', '/dev/null']);
    expect([r.exitCode, r.stderr]).toEqual([2,
      'error: /dev/null is not a crm database (not a regular file) (point --db or CRM_DB at a crm database file, or at a path where a new one may be created)\n']);
  });

  it.runIf(existsSync('/proc/self'))('a folder that cannot be made (/proc) fails at once with one line', async () => {
    const { run } = sandbox();
    const flag = await run(['company', 'list', '--db', '/proc/self/nope/crm.db']);
    expect([flag.exitCode, flag.stderr]).toEqual([3,
      'error: --db: the folder /proc/self/nope does not exist (create it first, e.g. mkdir -p /proc/self/nope, or correct the path)\n']);
    // The default location makes its folders, and must not spin on a folder the kernel refuses.
    const made = await run(['company', 'list'], { env: { XDG_DATA_HOME: '/proc/self/nope' } });
    expect([made.exitCode, made.stderr]).toEqual([2,
      'error: cannot create the folder /proc/self/nope for the database /proc/self/nope/crm/crm.db (ENOENT) (set XDG_DATA_HOME to a folder you can write to, or pass --db PATH)\n']);
    // The same folder-making for the config file and for a backup.
    const config = await run(['config', 'set', 'user', 'bob'], { env: { XDG_CONFIG_HOME: '/proc/self/nope' } });
    expect([config.exitCode, config.stderr]).toEqual([2,
      'error: cannot create the folder /proc/self/nope for the config file /proc/self/nope/crm/config.json (ENOENT) (set XDG_CONFIG_HOME to a folder you can write to)\n']);
    const backup = await run(['db', 'backup', '/proc/self/nope/backup.db']);
    expect([backup.exitCode, backup.stderr]).toEqual([2,
      'error: cannot create the folder /proc/self/nope for the backup /proc/self/nope/backup.db (ENOENT) (pass a backup path in a folder you can write to)\n']);
  });

  it('crm help environment says where the data lives and what a missing folder does', async () => {
    const { run } = sandbox();
    const help = (await run(['help', 'environment'])).stdout;
    expect(help).toContain('\nWhere the data lives: --db PATH > CRM_DB > config "db" > the default; crm db path says which and why.\n');
    expect(help).toContain('A path you give must be in a folder that exists: otherwise exit 3 naming it');
    expect(help).toContain('("note: created a new database at PATH"). --db "" is a usage error (exit 2), never a fall back to CRM_DB.');
  });

  it('completion never creates a database, whatever the path', async () => {
    const { run, home } = sandbox();
    mkdirSync(join(home, 'empty'));
    for (const db of [join(home, 'empty', 'new.db'), join(home, 'missing', 'x.db'), '', '/dev/null']) {
      expect(await run(['--db', db, '__complete', 'company', 'a']), db).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    }
    expect(await run(['__complete', 'contact', ''])).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(readdirSync(join(home, 'empty'))).toEqual([]);
    expect(existsSync(join(home, 'missing'))).toBe(false);
    expect(existsSync(join(home, 'data'))).toBe(false);
  });
});
