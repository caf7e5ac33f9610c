import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa, execaNode } from 'execa';
import { describe, expect, it } from 'vitest';
import { BIN, sandbox } from './crm.js';

// The smoke set that needs the built binary: its own start-up path, real processes racing, a process time zone.
describe('help and version', () => {
  it('prints the version, help, and help topics', async () => {
    const { run } = sandbox();
    const v = await run(['--version']);
    expect(v.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const none = await run([]);
    expect([none.exitCode, none.stdout.split('\n')[0]]).toEqual([0, 'Usage: crm [options] [command]']);
    expect((await run(['help', 'exit-codes'])).stdout).toContain('4    conflict');
    expect((await run(['help', 'contact', 'add'])).stdout).toContain('Usage: crm contact add [options] [name]');
    expect((await run(['help', 'prompts'])).stdout).toContain('Prompts appear only when stdin, stdout and stderr are terminals');
    expect((await run(['contact', 'add', '--help'])).stdout).toContain('--reports-to <contact>');
    const bad = await run(['help', 'nonsense']);
    expect([bad.exitCode, bad.stderr.split(' (')[0]]).toEqual([2, 'error: no command or help topic "nonsense"']);
    const unknown = await run(['contatc', 'list']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'contatc'");
  });

  it('starts without loading command modules it does not run', async () => {
    // The version path must not open the database: an unusable CRM_DB does not matter to it.
    const r = await execaNode(BIN, ['--version'], { env: { CRM_DB: '/nonexistent/dir/x.db' }, reject: false });
    expect(r.exitCode).toBe(0);
  });
});

describe('start-up', () => {
  it('writes to a pipe without loading Node\'s streams, and loads crypto only for what needs it', async () => {
    const { run, home } = sandbox();
    const preload = join(home, 'loaded.cjs');
    const list = join(home, 'loaded.txt');
    writeFileSync(preload, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')));`);
    const env = { NODE_OPTIONS: `--require ${preload}` };
    const loaded = async (args: string[], exitCode = 0) => {
      const r = await run(args, { env });
      expect(r.exitCode, `${args.join(' ')}: ${r.stderr}`).toBe(exitCode);
      return readFileSync(list, 'utf8').split('\n').filter((m) => /^NativeModule (stream|net|tty|crypto|module)$/.test(m));
    };
    expect(await loaded(['contact', 'add', 'Li Na', '--email', 'li@acme.example', '-q'])).toEqual([]);
    expect(await loaded(['contact', 'list', '--json'])).toEqual([]);
    expect(await loaded(['__complete', 'contact', '--', 'L'])).toEqual([]);
    expect(await loaded(['contact', 'show', 'Nobody'], 3)).toEqual([]); // an error, on stderr
    // An erasure hashes the email it keeps on the suppression list: crypto is there when called.
    expect(await loaded(['contact', 'forget', 'Li Na', '--yes'])).toContain('NativeModule crypto');
  });
});

describe('processes', () => {
  it('adds, lists and reports through the built binary, as a user would', async () => {
    const { run, json } = sandbox();
    expect((await run(['company', 'add', 'Acme GmbH', '--domain', 'acme.example', '-q'])).stdout).toBe('1\n');
    expect((await run(['contact', 'add', 'Li Na', '--email', 'li@acme.example', '--company', 'acme.example', '-q'])).stdout).toBe('1\n');
    expect((await json(['contact', 'list'])).map((c: { name: string; company: { name: string } }) => [c.name, c.company.name])).toEqual([['Li Na', 'Acme GmbH']]);
    expect((await run(['contact', 'show', 'Nobody'])).exitCode).toBe(3);
    expect((await json(['report', 'pipeline'])).openDeals).toBe(0);
  });

  it('many crm processes opening a new database at once all succeed', async () => {
    const { run } = sandbox();
    const results = await Promise.all(Array.from({ length: 6 }, () => run(['company', 'list', '--json'])));
    expect(results.map((r) => `${r.exitCode} ${r.stdout.trim()} ${r.stderr.trim()}`)).toEqual(Array(6).fill('0 [] '));
  });

  it('stops quietly when the reader of a pipe closes it early', async () => {
    const { env } = sandbox();
    await execaNode(BIN, ['demo', '--scale', '2000', '--db', `${env.HOME}/big.db`], { env, extendEnv: false });
    // 20,000 orders are far more than a pipe buffer holds, so crm is still writing when head exits.
    const r = await execa('bash', ['-c', `node "${BIN}" --db big.db order list --format csv | head -1; echo "crm exited \${PIPESTATUS[0]}"`],
      { env, extendEnv: false, cwd: env.HOME, reject: false });
    expect([r.stdout, r.stderr]).toEqual(['id,date,customer,amount,currency,reference,deal\ncrm exited 0', '']);
    // A list that streams its rows (2,000 contacts, ~1 MB of JSON) stops as quietly.
    const streamed = await execa('bash', ['-c', `node "${BIN}" --db big.db contact list --json | head -c 7; echo; echo "crm exited \${PIPESTATUS[0]}"`],
      { env, extendEnv: false, cwd: env.HOME, reject: false });
    expect([streamed.stdout, streamed.stderr]).toEqual(['[{"id":\ncrm exited 0', '']);
  });

  it('journal snapshots and lists agree on "today" away from UTC, near midnight', async () => {
    const env = { TZ: 'America/Los_Angeles', CRM_NOW: '2026-03-11T03:00:00Z' }; // 2026-03-10 20:00 in Los Angeles
    const { run, json } = sandbox(env);
    await run(['followup', 'add', 'Late', '--due', '2026-03-09']);
    const listed = (await json(['followup', 'list']))[0];
    expect([listed.due, listed.daysOverdue]).toEqual(['2026-03-09', 1]);
    await run(['followup', 'snooze', 'Late', '--until', '2026-03-08']);
    expect((await json(['history', 'followup:1']))[1].after.daysOverdue).toBe(2);
    expect((await json(['agenda'])).asOf).toBe('2026-03-10');
  });
});
