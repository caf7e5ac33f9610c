import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';

const COMPLETIONS = fileURLToPath(new URL('../../completions/', import.meta.url));

describe('crm completion SHELL', () => {
  for (const [shell, file] of [['bash', 'crm.bash'], ['zsh', '_crm'], ['fish', 'crm.fish']] as const) {
    it(`matches the committed completions/${file}`, async () => {
      const r = await sandbox().run(['completion', shell]);
      expect([r.exitCode, r.stderr]).toEqual([0, '']);
      const committed = readFileSync(join(COMPLETIONS, file), 'utf8');
      expect(committed === r.stdout, `completions/${file} is stale: regenerate with \`npm run completions\` and commit it`).toBe(true);
    });
  }

  it('knows three shells, and keeps its helper out of the help', async () => {
    const { run } = sandbox();
    const bad = await run(['completion', 'tcsh']);
    expect([bad.exitCode, bad.stderr]).toEqual([2, expect.stringContaining('tcsh')]);
    const help = await run(['--help']);
    expect(help.stdout).toMatch(/completion <shell>/);
    expect(help.stdout).not.toContain('__complete');
  });
});

describe('crm __complete KIND PREFIX', () => {
  async function world() {
    const s = sandbox();
    await s.team('bob');
    for (const args of [
      ['company', 'add', 'Globex', '--domain', 'globex.example'], ['company', 'add', 'Acme GmbH', '--tag', 'vip'],
      ['contact', 'add', 'Li Na', '--email', 'li@acme.example', '--company', 'Acme GmbH', '--tag', 'key-account'],
      ['contact', 'add', 'Lars Berg', '--owner', 'bob'], ['contact', 'add', 'Globex', '--email', 'info@globex.example'],
      ['contact', 'add', 'Dup Name', '--email', 'a@dup.example'], ['contact', 'add', 'Dup Name', '--email', 'b@dup.example'],
      ['deal', 'add', 'Globex rollout', '--company', 'Globex', '--stage', 'Qualified'], ['deal', 'add', 'Acme renewal', '--company', 'Acme GmbH'],
      ['followup', 'add', 'Send contract', '--due', 'tomorrow'],
    ]) {
      const r = await s.run([...args, '--no-input']);
      if (r.exitCode !== 0) throw new Error(`crm ${args.join(' ')}: ${r.stderr}`);
    }
    /** The lines printed, after checking that the helper succeeded quietly. */
    const lines = async (...args: string[]) => {
      const r = await s.run(['__complete', ...args]);
      expect([r.exitCode, r.stderr]).toEqual([0, '']);
      return r.stdout.split('\n').filter(Boolean);
    };
    return { ...s, lines };
  }

  it('answers the calls the scripts make without the command tree exactly as commander answers them', async () => {
    const { run, dbPath } = await world();
    const calls = [['contact', '--', 'l'], ['ref', '--', ''], ['ref', '--', '1'], ['customer', '--', 'globex'], ['deal', '--'],
      ['tag', 'v'], ['owner'], ['stage', '--', 'q'], ['reason', '--', 'no'], ['nonsense', '--', 'x'], ['contact', '--', '-x'],
      ['contact', '--', 'a', 'b'], ['contact', '-x'], ['contact', 'l', 'extra']];
    for (const call of calls) {
      for (const db of [[], ['--db', dbPath], [`--db=${dbPath}`]]) {
        const fast = await run([...db, '__complete', ...call]);
        // --no-color is no flag the scripts pass, so this call goes through commander.
        expect(fast, [...db, ...call].join(' ')).toEqual(await run([...db, '--no-color', '__complete', ...call]));
      }
    }
    expect((await run(['--db', dbPath, '__complete', 'contact', '--', 'l'])).stdout).toBe('Lars Berg\nLi Na\tli@acme.example\n');
  });

  it('offers nothing, and creates no database, where there is none', async () => {
    const { run, dbPath, home } = sandbox();
    for (const kind of ['deal', 'contact', 'ref', 'stage', 'tag', 'owner']) {
      expect(await run(['__complete', kind, ''])).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    }
    expect(await run(['--db', join(home, 'elsewhere.db'), '__complete', 'deal'])).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(existsSync(dbPath)).toBe(false);
    expect(existsSync(join(home, 'elsewhere.db'))).toBe(false);
  });

  it('completes names by prefix, case-insensitively, with a description after a tab', async () => {
    const { lines } = await world();
    expect(await lines('contact', 'l')).toEqual(['Lars Berg', 'Li Na\tli@acme.example']);
    expect(await lines('contact', 'LI N')).toEqual(['Li Na\tli@acme.example']);
    expect(await lines('company', '')).toEqual(['Acme GmbH', 'Globex\tglobex.example']);
    expect(await lines('deal', 'g')).toEqual(['Globex rollout\tGlobex, Qualified']);
    expect(await lines('followup', 'se')).toEqual(['Send contract\tdue 2026-03-12']);
  });

  it('completes records that share a name to their ids, and ids from digits', async () => {
    const { lines } = await world();
    expect(await lines('contact', 'Dup')).toEqual(['4\tDup Name (a@dup.example)', '5\tDup Name (b@dup.example)']);
    expect(await lines('contact', '1')).toEqual(['1\tLi Na (li@acme.example)']);
    expect(await lines('deal', '2')).toEqual(['2\tAcme renewal (Acme GmbH, Lead)']);
  });

  it('qualifies the kind of a reference where only the kind tells two records apart', async () => {
    const { lines } = await world();
    expect(await lines('ref', 'glo')).toEqual(['company:Globex\tglobex.example', 'contact:Globex\tinfo@globex.example', 'Globex rollout\tdeal, Globex, Qualified']);
    expect(await lines('ref', 'deal:')).toEqual(['deal:Acme renewal\tAcme GmbH, Lead', 'deal:Globex rollout\tGlobex, Qualified']);
    expect(await lines('customer', 'a')).toEqual(['Acme GmbH\tcompany']);
  });

  it('completes stages in pipeline order, tags, owners and lost reasons', async () => {
    const { lines, run } = await world();
    expect(await lines('stage', '')).toEqual(['Lead\t10%', 'Qualified\t25%', 'Proposal\t50%', 'Negotiation\t75%', 'Won\twon', 'Lost\tlost']);
    expect(await lines('stage', 'n')).toEqual(['Negotiation\t75%']);
    expect(await lines('tag', '')).toEqual(['key-account', 'vip']);
    expect(await lines('tag', 'V')).toEqual(['vip']);
    expect(await lines('owner', '')).toEqual(['alice', 'bob']);
    expect(await lines('reason', 'p')).toEqual(['price', 'product-fit']);
    await run(['config', 'set', 'lostReasons', 'price,budget']);
    expect(await lines('reason', '')).toEqual(['price', 'budget']);
  });

  it('reads the database --db names', async () => {
    const { lines, home, run } = await world();
    const other = join(home, 'other.db');
    await run(['--db', other, 'deal', 'add', 'Elsewhere deal']);
    const r = await run(['--db', other, '__complete', 'deal', '']);
    expect(r.stdout).toBe('Elsewhere deal\tLead\n');
    expect(await lines('deal', 'e')).toEqual([]);
  });

  it('stays quiet and exits 0 on an unknown kind, a broken config or a file that is no database', async () => {
    const { lines, run, home, env } = await world();
    expect(await lines('planet', '')).toEqual([]);
    const text = join(home, 'notes.txt');
    writeFileSync(text, 'not a database\n');
    expect(await run(['--db', text, '__complete', 'deal', ''])).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(readFileSync(text, 'utf8')).toBe('not a database\n');
    mkdirSync(join(env.XDG_CONFIG_HOME!, 'crm'), { recursive: true });
    writeFileSync(join(env.XDG_CONFIG_HOME!, 'crm', 'config.json'), '{ broken');
    expect(await run(['__complete', 'reason', ''])).toEqual({ exitCode: 0, stdout: '', stderr: '' });
  });
});
