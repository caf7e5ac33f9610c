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
