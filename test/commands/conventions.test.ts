import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';
import { sqliteOnly } from '../support/engine.js';

describe('output conventions', () => {
  const seed = async () => {
    const s = sandbox();
    await s.run(['company', 'add', 'Acme GmbH', '--domain', 'acme.example', '--wallet', '12,500.50', '--currency', 'EUR']);
    await s.run(['contact', 'add', 'Zhang Wei 张伟', '--email', 'zw@acme.example', '--company', '1', '--tag', 'vip']);
    await s.run(['contact', 'add', 'Li, "Na"', '--email', 'li@acme.example', '--tag', 'vip', '--tag', 'cn']);
    return s;
  };

  it('prints every format', async () => {
    const { run } = await seed();
    expect((await run(['contact', 'list', '--format', 'csv'])).stdout).toBe(
      'id,name,emails,title,company,role,lifecycle,tags,owner\n' +
      '2,"Li, ""Na""",li@acme.example,,,,lead,cn; vip,alice\n' +
      '1,Zhang Wei 张伟,zw@acme.example,,Acme GmbH,,lead,vip,alice\n');
    expect((await run(['contact', 'list', '--format', 'tsv'])).stdout.split('\n')[2]).toBe(
      '1\tZhang Wei 张伟\tzw@acme.example\t\tAcme GmbH\t\tlead\tvip\talice');
    // Piped without a format: TSV rows without header, nothing else.
    expect((await run(['contact', 'list'])).stdout).toBe(
      '2\tLi, "Na"\tli@acme.example\t\t\t\tlead\tcn; vip\talice\n1\tZhang Wei 张伟\tzw@acme.example\t\tAcme GmbH\t\tlead\tvip\talice\n');
    const ndjson = (await run(['contact', 'list', '--format', 'ndjson'])).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(ndjson.map((c) => c.id)).toEqual([2, 1]);
    expect((await run(['contact', 'list', '--format', 'markdown', '--tag', 'cn'])).stdout).toBe(
      '| ID | Name | Email | Title | Company | Role | Lifecycle | Tags | Owner |\n' +
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n' +
      '| 2 | Li, "Na" | li@acme.example |  |  |  | lead | cn, vip | alice |\n');
    expect((await run(['company', 'list', '--format', 'table'])).stdout).toBe(
      'ID  Name       Domain        Industry  Size      Wallet  Tags  Owner\n' +
      '1   Acme GmbH  acme.example                  €12,500.50        alice\n');
    expect((await run(['company', 'show', '1', '--format', 'table'])).stdout).toBe([
      'ID       1', 'Name     Acme GmbH', 'Domain   acme.example', 'Wallet   €12,500.50', 'Owner    alice',
      'Created  2026-03-11 10:30', 'Updated  2026-03-11 10:30', 'Orders   none', '', 'Contacts',
      'ID  Name            Title  Role  Email', '1   Zhang Wei 张伟' + ' '.repeat(15) + 'zw@acme.example', '',
      'Open deals', 'none', '', 'Latest activities', 'none logged', '', 'Open follow-ups', 'none', ''].join('\n'));
    // --json works before the noun too, and wins over --format.
    expect(JSON.parse((await run(['--json', 'company', 'list', '--format', 'csv'])).stdout)[0].wallet).toBe(12500.5);
  });

  it('prints only ids with -q and ids of what add created', async () => {
    const { run } = await seed();
    expect((await run(['contact', 'list', '-q'])).stdout).toBe('2\n1\n');
    expect((await run(['contact', 'add', 'New Person', '-q'])).stdout).toBe('3\n');
  });

  it('colours only terminals, unless forced', async () => {
    const { run } = await seed();
    expect((await run(['company', 'list', '--format', 'table'])).stdout).not.toContain('\u001b[');
    expect((await run(['company', 'list', '--format', 'table'], { env: { FORCE_COLOR: '1' } })).stdout).toContain('\u001b[1mID');
    const err = await run(['company', 'show', 'nope'], { env: { FORCE_COLOR: '1' } });
    expect(err.stderr).toContain('\u001b[');
    expect((await run(['company', 'show', 'nope'])).stderr).not.toContain('\u001b[');
  });

  it('an empty list is success: [] in JSON, nothing on stdout otherwise', async () => {
    const { run } = sandbox();
    expect(await run(['contact', 'list', '--json'])).toEqual({ exitCode: 0, stdout: '[]\n', stderr: '' });
    expect(await run(['contact', 'list'])).toEqual({ exitCode: 0, stdout: '', stderr: '' });
  });

  it('reports errors as JSON on stderr under --json, with the exit code', async () => {
    const { run } = sandbox();
    const r = await run(['contact', 'add', 'X', '--email', 'nope', '--json']);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(JSON.parse(r.stderr)).toEqual({ error: { code: 'validation', field: '--email',
      message: '--email: "nope" is not a valid email address', hint: 'write it like name@example.com' } });
    const nf = await run(['company', 'show', '42', '--json']);
    expect([nf.exitCode, JSON.parse(nf.stderr).error.code]).toEqual([3, 'not_found']);
  });

  sqliteOnly('turns an unexpected failure into one line, with the stack only under CRM_DEBUG=1', async () => {
    const { run, dbPath } = sandbox();
    await run(['company', 'add', 'Acme']);
    const db = new Database(dbPath);
    db.exec('drop table tag'); // a database damaged behind crm's back
    db.close();
    const r = await run(['company', 'list']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('error: unexpected failure: no such table: tag (run with CRM_DEBUG=1 for details, and report it)\n');
    const debug = await run(['company', 'list'], { env: { CRM_DEBUG: '1' } });
    expect(debug.exitCode).toBe(1);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  sqliteOnly('exits 4 when another writer holds the database past the busy timeout, writing nothing', async () => {
    const { run, json, dbPath } = sandbox();
    await run(['company', 'add', 'Acme']);
    const holder = new Database(dbPath);
    holder.exec('begin immediate');
    const r = await run(['company', 'add', 'Globex'], { env: { CRM_BUSY_TIMEOUT: '200' } });
    holder.exec('rollback');
    holder.close();
    expect(r.exitCode).toBe(4);
    expect(r.stderr).toMatch(/^error: the database .*crm\.db stayed locked by another writer past the busy timeout/);
    expect((await json(['company', 'list'])).map((c: { name: string }) => c.name)).toEqual(['Acme']);
  });

  it('never prompts without a terminal, and CRM_NO_INPUT/--no-input keep it that way', async () => {
    const { run } = sandbox();
    await run(['contact', 'add', 'A']);
    for (const extra of [[], ['--no-input']]) {
      const r = await run(['contact', 'rm', 'A', ...extra], { input: 'y\n' });
      expect(r.exitCode).toBe(2);
    }
    expect((await run(['contact', 'rm', 'A'], { env: { CRM_NO_INPUT: '1' } })).exitCode).toBe(2);
  });

  it('rejects a bad CRM_NOW and a bad --format', async () => {
    const { run } = sandbox();
    const now = await run(['company', 'add', 'X'], { env: { CRM_NOW: 'soon' } });
    expect([now.exitCode, now.stderr.split(' (')[0]]).toEqual([2, 'error: CRM_NOW: "soon" is not an ISO date or date-time']);
    const fmt = await run(['company', 'list', '--format', 'xml']);
    expect(fmt.exitCode).toBe(2);
    expect(fmt.stderr).toMatch(/^error: option '--format <format>' argument 'xml' is invalid. Allowed choices are table, json, ndjson, csv, tsv, markdown/);
  });

  it('runs the examples of the foundation issue as written', async () => {
    const { run, json } = sandbox();
    expect(await json(['company', 'add', 'Acme GmbH', '--domain', 'acme.example'])).toMatchObject({ id: 1, name: 'Acme GmbH' });
    expect((await run(['contact', 'add', 'Zhang Wei 张伟', '--email', 'zw@acme.example', '--company', 'Acme GmbH', '--role', 'decision-maker'])).exitCode).toBe(0);
    expect((await run(['contact', 'add', 'Li Na', '--email', 'li@acme.example', '--company', '1', '--reports-to', 'Zhang Wei 张伟'])).exitCode).toBe(0);
    expect((await run(['company', 'tree', 'Acme GmbH'])).stdout).toBe('Acme GmbH\n└── Zhang Wei 张伟  [decision-maker]\n    └── Li Na\n');
    expect(await json(['contact', 'list', '--tag', 'vip'])).toEqual([]);
    expect((await run(['contact', 'list', '-q'])).stdout).toBe('2\n1\n');
    expect((await run(['search', 'acme'])).stdout.split('\n').filter(Boolean).map((l) => l.split('\t').slice(0, 2).join(':')))
      .toEqual(expect.arrayContaining(['company:1', 'contact:1', 'contact:2']));
    expect((await json(['history', 'Li Na']))[0]).toMatchObject({ action: 'create', actor: 'alice', at: '2026-03-11T10:30:00.000Z' });
  });
});
