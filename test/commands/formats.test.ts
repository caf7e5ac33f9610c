import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';

describe('--limit', () => {
  it('takes a whole number of at least 1 in every command that has it, and says so otherwise', async () => {
    const { run } = sandbox();
    const commands = [['company', 'list'], ['contact', 'list'], ['deal', 'list'], ['log', 'list'], ['followup', 'list'],
      ['order', 'list'], ['search', 'acme'], ['report', 'clv']];
    for (const cmd of commands) {
      for (const bad of ['-1', '0', '1.5', 'abc', '']) {
        expect(await run([...cmd, '--limit', bad]), `${cmd.join(' ')} --limit ${bad}`).toEqual({ exitCode: 2, stdout: '',
          stderr: `error: --limit: "${bad}" is not a whole number of at least 1 (give e.g. 50)\n` });
      }
      expect((await run([...cmd, '--limit', '1'])).stderr, cmd.join(' ')).not.toContain('--limit');
    }
  });
});

describe('names and titles', () => {
  const rule = 'contains a line break or control character (a name is one line of text; remove it)';

  it('refuse line breaks and control characters, naming the field and writing nothing', async () => {
    const { run, json } = sandbox();
    await run(['company', 'add', 'Acme']);
    await run(['contact', 'add', 'Li Na']);
    await run(['deal', 'add', 'Renewal', '--amount', '100']);
    await run(['followup', 'add', 'Call back', '--due', 'tomorrow']);
    const cases: [string[], string][] = [
      [['company', 'add', 'Evil\nCorp'], `name: "Evil\\nCorp" ${rule}`],
      [['company', 'edit', 'Acme', '--name', 'Acme\u001b[31m'], `--name: "Acme\\u001b[31m" ${rule}`],
      [['contact', 'add', 'Li\tNa'], `name: "Li\\tNa" ${rule}`],
      [['contact', 'edit', 'Li Na', '--name', 'Li\rNa'], `--name: "Li\\rNa" ${rule}`],
      [['deal', 'add', 'Big\u2028deal', '--amount', '5'], `title: "Big\\u2028deal" ${rule}`],
      [['deal', 'edit', 'Renewal', '--title', 'Re\u0000newal'], `--title: "Re\\u0000newal" ${rule}`],
      [['followup', 'add', 'Call\u0007', '--due', 'tomorrow'], `title: "Call\\u0007" ${rule}`],
      [['followup', 'edit', 'Call back', '--title', 'Call\nback'], `--title: "Call\\nback" ${rule}`],
      [['stage', 'add', 'New\u0085stage'], `name: "New\\u0085stage" ${rule}`],
      [['company', 'add', 'Globex', '--owner', 'bob\n'], ''],
      [['company', 'add', 'Globex', '--owner', 'b\u007fob'], `--owner: "b\\u007fob" ${rule}`],
      [['contact', 'add', 'Ann', '--tag', 'v\tip'], '--tag: "v\\tip" is not a tag (use letters, digits and _ . : - (up to 50), e.g. vip)'],
    ];
    for (const [args, message] of cases) {
      const r = await run(args);
      if (!message) continue; // a trailing line break is trimmed, like any surrounding white space
      expect(r, args.join(' ')).toEqual({ exitCode: 2, stdout: '', stderr: `error: ${message}\n` });
    }
    expect((await json(['company', 'list'])).map((c: any) => [c.name, c.owner])).toEqual([['Acme', 'alice'], ['Globex', 'bob']]);
    expect((await json(['contact', 'list'])).map((c: any) => c.name)).toEqual(['Li Na']);
    expect((await json(['deal', 'list'])).map((d: any) => d.title)).toEqual(['Renewal']);
    expect((await json(['followup', 'list'])).map((f: any) => f.title)).toEqual(['Call back']);
    expect((await json(['stage', 'list'])).map((s: any) => s.name)).not.toContain('New\u0085stage');
    // A summary is free text, not a name: a note may run over several lines.
    expect((await json(['log', 'note', 'Acme', '--summary', 'Budget frozen\nuntil May'])).summary).toBe('Budget frozen\nuntil May');
  });

  it('refuse them in the customer names an order import would create', async () => {
    const { run, json } = sandbox();
    const r = await run(['order', 'import', '-', '--create-customers', 'company'],
      { input: 'customer,date,amount\nFine Co,2026-01-02,10\n"Evil\nCo",2026-01-01,5\n' });
    expect([r.exitCode, r.stdout]).toEqual([2, '']);
    // (The line is where the record ends: csv-parse counts the quoted line break.)
    expect(r.stderr).toBe(`  line 4: customer (customer) "Evil\\nCo" ${rule.replace(' (', '; ').replace(/\)$/, '')}\n` +
      'error: 1 of 2 rows are invalid; nothing was imported (fix the rows listed above and import again)\n');
    expect(await json(['company', 'list'])).toEqual([]);
  });
});
