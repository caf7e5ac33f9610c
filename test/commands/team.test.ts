import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';
import { sqliteOnly } from '../support/engine.js';

// On a team server, `crm team` makes logins (test/postgres/team.test.ts); on SQLite it keeps the roster.
describe('crm team on SQLite: the roster without passwords', () => {
  sqliteOnly('always holds you and everyone who owns something; add, role and rm keep the rest', async () => {
    const { json, run } = sandbox();
    await run(['company', 'add', 'Acme', '--owner', 'bob']);
    await run(['deal', 'add', 'Big', '--amount', '5', '--owner', 'carol']);
    expect(await json(['team', 'list'])).toEqual([
      { name: 'alice', role: null, listed: false }, { name: 'bob', role: null, listed: false }, { name: 'carol', role: null, listed: false },
    ]);
    expect(await json(['team', 'add', 'dave', '--role', 'manager'])).toEqual({ name: 'dave', role: 'manager', listed: true });
    expect(await json(['team', 'role', 'bob', 'admin'])).toEqual({ name: 'bob', role: 'admin', listed: true });
    const dup = await run(['team', 'add', 'dave']);
    expect([dup.exitCode, dup.stderr.split(' (')[0]]).toEqual([4, 'error: dave is already on the team']);
    const typo = await run(['team', 'role', 'dvae', 'rep']);
    expect([typo.exitCode, typo.stderr.split(' (')[0]]).toEqual([2, 'error: NAME: "dvae" is not on the team; did you mean "dave"?']);
    const role = await run(['team', 'add', 'erin', '--role', 'boss']);
    expect([role.exitCode, role.stderr]).toEqual([2, 'error: --role: "boss" is not a role (use one of rep, manager, admin)\n']);
    const pw = await run(['team', 'add', 'erin', '--password-stdin'], { input: 'x' });
    expect([pw.exitCode, pw.stderr.split(' (')[0]]).toEqual([2, 'error: --password-stdin: a SQLite database has no logins']);
    expect((await run(['team', 'rm', 'dave'])).exitCode).toBe(2); // no --yes, no terminal
    expect((await run(['team', 'rm', 'dave', '--yes'])).exitCode).toBe(0);
    expect((await json(['team', 'list'])).map((m: { name: string; role: string | null }) => `${m.name}:${m.role}`))
      .toEqual(['alice:null', 'bob:admin', 'carol:null']);
  });
});

describe('owners given with --owner and quota set', () => {
  it('refuse a typo of someone on the team with their name as the suggestion; a new name joins the roster', async () => {
    const { json, run } = sandbox();
    await run(['company', 'add', 'Acme', '--owner', 'carol']);
    const typo = await run(['deal', 'add', 'Big', '--amount', '5', '--owner', 'alcie']);
    expect([typo.exitCode, typo.stderr]).toEqual([2, 'error: --owner: "alcie" is not on the team; did you mean "alice"? (use "alice", or add "alcie" first with crm team add)\n']);
    const quota = await run(['quota', 'set', 'crol', '2026-03', '1000']);
    expect([quota.exitCode, quota.stderr.split(' (')[0]]).toEqual([2, 'error: OWNER: "crol" is not on the team; did you mean "carol"?']);
    expect(await json(['deal', 'list', '--all'])).toEqual([]);
    expect((await json(['deal', 'add', 'Big', '--amount', '5', '--owner', 'dmitri'])).owner).toBe('dmitri');
    expect((await json(['team', 'list'])).map((m: { name: string }) => m.name)).toEqual(['alice', 'carol', 'dmitri']);
  });
});

