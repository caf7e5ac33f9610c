import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';

const usage = { error: { code: 'usage', message: "unknown option '--bogus'", hint: "see 'crm contact add --help'" } };

describe('global flags, parsed once by the program', () => {
  it('make a usage error JSON wherever --json stands, though the command never ran', async () => {
    const { run } = sandbox();
    for (const argv of [['contact', 'add', '--json', '--bogus'], ['contact', 'add', '--bogus', '--json'], ['--json', 'contact', 'add', '--bogus'],
      ['contact', 'add', '--bogus', '--format', 'json'], ['contact', 'add', '--format=json', '--bogus']]) {
      const r = await run(argv);
      expect([r.exitCode, r.stdout, JSON.parse(r.stderr)], argv.join(' ')).toEqual([2, '', usage]);
    }
    expect((await run(['contact', 'add', '--bogus'])).stderr).toBe("error: unknown option '--bogus' (see 'crm contact add --help')\n");
  });

  it('make a failure of the command JSON, before the noun or after the verb', async () => {
    const { run } = sandbox();
    for (const argv of [['--json', 'contact', 'show', 'Nobody'], ['contact', 'show', 'Nobody', '--json'], ['contact', 'show', 'Nobody', '--format', 'json']]) {
      const r = await run(argv);
      expect([r.exitCode, JSON.parse(r.stderr).error.code], argv.join(' ')).toEqual([3, 'not_found']);
    }
  });

  it('reach the commands and their hooks: -q is refused where nothing has ids, --db names the file', async () => {
    const { run, home } = sandbox();
    const q = await run(['-q', 'report', 'pipeline', '--json']);
    expect([q.exitCode, JSON.parse(q.stderr).error.message]).toEqual([2, '-q needs a command that lists records; crm report pipeline lists none']);
    const path = `${home}/other.db`;
    expect((await run(['db', 'path', '--db', path, '--json'])).stdout).toContain(JSON.stringify(path));
  });
});
