import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { completionWorld } from '../shell/shells.js';

// The scripts of `crm completion` loaded in real bash, zsh and fish, asked for candidates as a person's Tab does.
type World = Awaited<ReturnType<typeof completionWorld>>;
type Term = Awaited<ReturnType<World['terminal']>>;

// A deal moves between open stages only; the closing ones are for win and lose.
const STAGES = ['Lead', 'Qualified', 'Proposal', 'Negotiation'];
let world: World;
let term: Term | undefined;

beforeAll(async () => {
  world = await completionWorld();
}, 60_000);

afterEach(async () => {
  await term?.close();
  term = undefined;
});

describe('bash', () => {
  it('registers _crm for crm', async () => {
    const { execa } = await import('execa');
    const r = await execa('bash', ['--norc', '--noprofile', '-c', `source '${world.script('bash')}'; complete -p crm`], { env: world.env, extendEnv: false });
    expect(r.stdout).toBe('complete -F _crm crm');
  });

  it('completes commands, live names escaped for the line, stages and flag values', async () => {
    expect(await world.bash(['crm', 'de'])).toEqual(['deal', 'demo']);
    expect(await world.bash(['crm', 'deal', 'move', ''])).toEqual(['Acme\\ renewal', 'Globex\\ rollout']);
    expect(await world.bash(['crm', 'deal', 'move', "'Globex rollout'", ''])).toEqual([...STAGES].sort());
    expect(await world.bash(['crm', 'contact', 'show', 'Li'])).toEqual(['Li\\ Na']);
    // Inside an open quote the value goes in raw: readline closes the quote.
    expect(await world.bash(['crm', 'contact', 'show', '"Li'])).toEqual(['Li Na']);
    expect(await world.bash(['crm', 'contact', 'show', 'Dup'])).toEqual(['3', '4']);
    // bash splits contact:Li at the colon and replaces only what follows it.
    expect(await world.bash(['crm', 'log', 'call', 'contact', ':', 'Li'])).toEqual(['Li\\ Na']);
    expect(await world.bash(['crm', 'deal', 'list', '--s'])).toEqual(['--search', '--sort', '--stage', '--stale']);
    expect(await world.bash(['crm', 'deal', 'lose', 'x', '--reason', 'ti'])).toEqual(['timing']);
    expect(await world.bash(['crm', '--json', 'contact', 'add', 'X', '--role', 'c'])).toEqual(['champion']);
    expect(await world.bash(['crm', 'deal', 'ls', '--sort', 'cl'])).toEqual(['close']);
  });

  it('never lets a stored name run as code, in or out of quotes', async () => {
    const db = `${world.home}/hostile.db`;
    for (const name of ['Evil $(touch pwned) `id` Inc', 'Say "Hi"', "O'Brien Ltd", 'Foo: Bar']) {
      await world.run(['--db', db, 'company', 'add', name]);
    }
    const show = (typed: string) => world.bash(['crm', '--db', db, 'company', 'show', typed]);
    expect(await show('"Ev')).toEqual(['Evil \\$(touch pwned) \\`id\\` Inc']);
    expect(await show('Ev')).toEqual(['Evil\\ \\$\\(touch\\ pwned\\)\\ \\`id\\`\\ Inc']);
    expect(await show('"Sa')).toEqual(['Say \\"Hi\\"']);
    expect(await show("'O")).toEqual(["O'\\''Brien Ltd"]);
    // bash splits at the colon; the part before it stays as typed, in any case.
    expect(await world.bash(['crm', '--db', db, 'company', 'show', 'foo', ':', ''])).toEqual(['\\ Bar']);
  });

  it('asks the database named by --db on the line', async () => {
    await world.run(['--db', `${world.home}/other.db`, 'deal', 'add', 'Other deal']);
    expect(await world.bash(['crm', '--db', `${world.home}/other.db`, 'deal', 'show', ''])).toEqual(['Other\\ deal']);
  });

  it('escapes a name with a space when Tab completes it in a terminal', async () => {
    term = await world.terminal('bash');
    await term.complete('crm contact show Li', 'crm contact show Li\\ Na');
    await term.complete('crm contact show "Li', 'crm contact show "Li Na"');
    const screen = await term.complete('crm de', /deal\s+demo/, 2);
    expect(screen).not.toContain('delete');
  }, 60_000);
});

describe('zsh', () => {
  it('lists commands, deals and stages with descriptions, and escapes a completed name', async () => {
    term = await world.terminal('zsh');
    const commands = await term.complete('crm de', /demo\s+-- build a realistic demo database/);
    expect(commands).toMatch(/deal\s+-- opportunities moving through the pipeline/);
    const deals = await term.complete('crm deal move ', /Globex rollout\s+-- Globex, Lead/);
    expect(deals).toMatch(/Acme renewal\s+-- Acme GmbH, Lead/);
    expect(deals).not.toMatch(/Qualified\s+--/);
    const stages = await term.complete("crm deal move 'Globex rollout' ", /Qualified\s+-- 25%/);
    for (const s of STAGES) expect(stages).toMatch(new RegExp(`${s}\\s+-- `));
    expect(stages).not.toMatch(/Acme renewal\s+--/);
    expect(stages).not.toMatch(/Won\s+--/);
    await term.complete('crm contact show Li', 'crm contact show Li\\ Na');
    // Namesakes: their ids are listed, and what was typed stays.
    const dups = await term.complete('crm contact show Dup', /3\s+-- Dup Name \(a@dup\.example\)/);
    expect(dups).toMatch(/4\s+-- Dup Name \(b@dup\.example\)/);
    expect(dups).toContain('% crm contact show Dup');
  }, 90_000);
});

describe('fish', () => {
  it('completes commands, deals, stages and names with descriptions', async () => {
    expect(await world.fish('crm de')).toEqual(['deal\topportunities moving through the pipeline',
      'demo\tbuild a realistic demo database (separate from yours unless --db is given)']);
    expect(await world.fish('crm deal move ')).toEqual(['Acme renewal\tAcme GmbH, Lead', 'Globex rollout\tGlobex, Lead']);
    expect((await world.fish("crm deal move 'Globex rollout' ")).map((l) => l.split('\t')[0]).sort()).toEqual([...STAGES].sort());
    expect(await world.fish('crm contact show Li')).toEqual(['Li Na\tli@acme.example']);
    expect(await world.fish('crm deal list --owner ')).toEqual(['alice\tonly deals of this owner']);
    expect(await world.fish('crm deal move --probability 5 G')).toEqual(['Globex rollout\tGlobex, Lead']);
  });

  it('escapes a name with a space when Tab completes it in a terminal', async () => {
    term = await world.terminal('fish');
    await term.complete('crm contact show Li', 'crm contact show Li\\ Na');
  }, 60_000);
});
