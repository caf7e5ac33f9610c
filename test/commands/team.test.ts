import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';
import { sqliteOnly } from '../support/engine.js';

// On a team server, `crm team` makes logins (test/postgres/team.test.ts); on SQLite it keeps the roster.
describe('crm team on SQLite: the roster without passwords', () => {
  sqliteOnly('always holds you and everyone who owns something; add, role and rm keep the rest', async () => {
    const { json, run } = sandbox();
    // Records bob and carol made as themselves (a shared file, or a database from before the roster).
    await run(['company', 'add', 'Acme'], { env: { CRM_USER: 'bob' } });
    await run(['deal', 'add', 'Big', '--amount', '5'], { env: { CRM_USER: 'carol' } });
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
  it('must be on the team: a typo gets the name it missed, a stranger the command that adds them; nothing is written', async () => {
    const { json, run, team } = sandbox();
    await team('carol');
    const typo = await run(['deal', 'add', 'Big', '--amount', '5', '--owner', 'alcie']);
    expect([typo.exitCode, typo.stderr]).toEqual([2, 'error: --owner: "alcie" is not on the team; did you mean "alice"? (use "alice", or add them first: crm team add alcie)\n']);
    const quota = await run(['quota', 'set', 'crol', '2026-03', '1000']);
    expect([quota.exitCode, quota.stderr]).toEqual([2, 'error: OWNER: "crol" is not on the team; did you mean "carol"? (use "carol", or add them first: crm team add crol)\n']);
    const stranger = await run(['deal', 'add', 'Big', '--amount', '5', '--owner', 'dmitri']);
    expect([stranger.exitCode, stranger.stderr]).toEqual([2, 'error: --owner: "dmitri" is not on the team (add them first: crm team add dmitri)\n']);
    const machine = await run(['quota', 'set', 'dmitri', '2026-03', '1000', '--json']);
    expect([machine.exitCode, JSON.parse(machine.stderr)]).toEqual([2, { error: { code: 'validation', message: 'OWNER: "dmitri" is not on the team',
      hint: 'add them first: crm team add dmitri', field: 'OWNER' } }]);
    // Every write that takes an owner holds to it.
    await run(['company', 'add', 'Acme']);
    for (const args of [['company', 'edit', 'Acme'], ['contact', 'add', 'Li'], ['followup', 'add', 'Call', '--due', 'tomorrow'],
      ['campaign', 'add', 'Spring', '--channel', 'email'], ['deal', 'add', 'Small', '--amount', '1']]) {
      const r = await run([...args, '--owner', 'Dmitri Ivanov']);
      expect([r.exitCode, r.stderr], args.join(' ')).toEqual([2, 'error: --owner: "Dmitri Ivanov" is not on the team (add them first: crm team add "Dmitri Ivanov")\n']);
    }
    expect(await json(['deal', 'list', '--all'])).toEqual([]);
    expect(await json(['quota', 'list'])).toEqual([]);
    expect((await json(['company', 'show', 'Acme'])).owner).toBe('alice');
    // Reading by a name nobody owns anything under is an empty answer, not an error: scripts keep working.
    expect(await json(['deal', 'list', '--owner', 'dmitri'])).toEqual([]);

    await team('dmitri');
    expect((await json(['deal', 'add', 'Big', '--amount', '5', '--owner', 'dmitri'])).owner).toBe('dmitri');
    expect((await json(['quota', 'set', 'dmitri', '2026-03', '1000'])).owner).toBe('dmitri');
    // Whoever you are is on the roster without being added.
    expect((await json(['company', 'add', 'Initech', '--owner', 'alice'])).owner).toBe('alice');
    expect((await json(['team', 'list'])).map((m: { name: string }) => m.name)).toEqual(['alice', 'carol', 'dmitri']);
  });

  it('in an import: a row naming someone off the team is refused by line, with the command that adds them', async () => {
    const { home, json, run, team } = sandbox();
    const file = join(home, 'companies.csv');
    writeFileSync(file, 'name,owner\nAcme,alice\nInitech,zoe\nGlobex,\n');
    const refused = await run(['import', 'companies', file]);
    expect([refused.exitCode, refused.stderr]).toEqual([2, '  line 3: owner (owner) "zoe" is not on the team; add them first: crm team add zoe\n' +
      'error: 1 of 3 rows are invalid; nothing was imported (fix the rows listed above and import again)\n']);
    expect(await json(['company', 'list'])).toEqual([]);
    await team('zoe');
    expect((await json(['import', 'companies', file])).counts).toMatchObject({ created: 3 });
    expect((await json(['company', 'list'])).map((c: { name: string; owner: string }) => [c.name, c.owner]))
      .toEqual([['Acme', 'alice'], ['Globex', 'alice'], ['Initech', 'zoe']]);
  });
});
