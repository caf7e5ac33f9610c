import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';

describe('crm deal reopen', () => {
  it('says so when no open stage is left to reopen in (it failed unexpectedly, exit 1)', async () => {
    const { run } = sandbox();
    await run(['deal', 'add', 'Done', '--amount', '100']);
    await run(['deal', 'win', 'Done', '--no-order']);
    for (const s of ['Lead', 'Qualified', 'Proposal', 'Negotiation']) expect((await run(['stage', 'rm', s, '--yes'])).exitCode).toBe(0);
    expect(await run(['deal', 'reopen', 'Done'])).toEqual({ exitCode: 2, stdout: '',
      stderr: 'error: there is no open stage to reopen the deal in (add one with crm stage add NAME)\n' });
  });
});
