import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';

/** Issue 13 item 5: a deal's own probability and forecast category outlive win, lose and reopen. */
describe('crm deal: overrides survive closing and reopening', () => {
  const seed = async () => {
    const s = sandbox({ CRM_NOW: '2026-03-11T10:30:00Z' });
    await s.run(['company', 'add', 'Acme']);
    await s.run(['deal', 'add', 'Acme renewal', '--amount', '1000', '--company', 'Acme', '--stage', 'Proposal', '--probability', '60',
      '--category', 'commit', '--close', '2026-03-31']);
    return s;
  };
  const figures = (d: any) => [d.stage, d.status, d.probability, d.forecastCategory, d.weightedAmount, d.closedOn];

  it('a won deal reports 100% closed; reopened, its own 60% commit is back', async () => {
    const { json } = await seed();
    expect(figures(await json(['deal', 'win', 'Acme renewal', '--no-order']))).toEqual(['Won', 'won', 100, 'closed', 1000, '2026-03-11']);
    expect(figures(await json(['deal', 'show', 'Acme renewal']))).toEqual(['Won', 'won', 100, 'closed', 1000, '2026-03-11']);
    expect(figures(await json(['deal', 'reopen', 'Acme renewal']))).toEqual(['Proposal', 'open', 60, 'commit', 600, null]);
  });

  it('a lost deal reports 0% omitted; reopened, its own 60% commit is back', async () => {
    const { json } = await seed();
    expect(figures(await json(['deal', 'lose', 'Acme renewal', '--reason', 'price']))).toEqual(['Lost', 'lost', 0, 'omitted', 0, '2026-03-11']);
    expect(figures(await json(['deal', 'reopen', 'Acme renewal']))).toEqual(['Proposal', 'open', 60, 'commit', 600, null]);
    // Lose, reopen, win, reopen: the override is still the deal's own.
    await json(['deal', 'win', 'Acme renewal', '--no-order']);
    expect(figures(await json(['deal', 'reopen', 'Acme renewal']))).toEqual(['Proposal', 'open', 60, 'commit', 600, null]);
  });

  it('reopened in another stage, the deal takes that stage\'s defaults, as a move does', async () => {
    const { json } = await seed();
    await json(['deal', 'lose', 'Acme renewal', '--reason', 'price']);
    expect(figures(await json(['deal', 'reopen', 'Acme renewal', '--stage', 'Negotiation']))).toEqual(['Negotiation', 'open', 75, 'commit', 750, null]);
  });
});

/** Issue 13 item 12: closing a closed deal again is a conflict (exit 4) that says so; a lost deal must be reopened to win. */
describe('crm deal: closing what is already closed', () => {
  it('exits 4 for lose of a lost deal and win of a won one, and changes nothing', async () => {
    const { json, run } = sandbox();
    await run(['deal', 'add', 'Gone', '--amount', '100']);
    await run(['deal', 'add', 'Done', '--amount', '100']);
    await run(['deal', 'lose', 'Gone', '--reason', 'price']);
    await run(['deal', 'win', 'Done', '--no-order']);
    const cases: [string[], number, string][] = [
      [['deal', 'lose', 'Gone', '--reason', 'timing'], 4, 'error: deal #1 Gone is already lost (nothing to do; crm deal reopen 1 first to close it again)\n'],
      [['deal', 'win', 'Done', '--no-order'], 4, 'error: deal #2 Done is already won (nothing to do; crm deal reopen 2 first to close it again)\n'],
      [['deal', 'win', 'Gone', '--no-order'], 2, 'error: deal #1 Gone is already lost (reopen it first: crm deal reopen 1)\n'],
      [['deal', 'lose', 'Done', '--reason', 'price'], 2, 'error: deal #2 Done is already won (reopen it first: crm deal reopen 2)\n'],
    ];
    for (const [args, code, line] of cases) {
      const r = await run(args);
      expect([r.exitCode, r.stderr], args.join(' ')).toEqual([code, line]);
    }
    const json4 = await run(['deal', 'lose', 'Gone', '--reason', 'timing', '--json']);
    expect(JSON.parse(json4.stderr).error.code).toBe('conflict');
    expect((await json(['deal', 'list', '--all'])).map((d: any) => [d.title, d.stage, d.lostReason])).toEqual([['Gone', 'Lost', 'price'], ['Done', 'Won', null]]);
  });
});

/** Issue 13 item 12: a deal's contact must work for the deal's company (or for none). */
describe('crm deal: company and contact agree', () => {
  const seed = async () => {
    const s = sandbox();
    await s.run(['company', 'add', 'Acme']);
    await s.run(['company', 'add', 'Globex']);
    await s.run(['contact', 'add', 'Li Na', '--company', 'Acme']);
    await s.run(['contact', 'add', 'Ola Free']);
    return s;
  };

  it('refuses add and edit when the contact works for another company, naming both (exit 2)', async () => {
    const { json, run } = await seed();
    const add = await run(['deal', 'add', 'Mixed', '--company', 'Globex', '--contact', 'Li Na']);
    expect([add.exitCode, add.stderr]).toEqual([2,
      'error: --contact: Li Na (contact #1) works for Acme (company #1), not for the deal\'s company Globex (company #2) (name a contact of Globex, or pass --company Acme)\n']);
    expect(await json(['deal', 'list', '--all'])).toEqual([]);
    await run(['deal', 'add', 'Acme deal', '--company', 'Acme', '--contact', 'Li Na']);
    const company = await run(['deal', 'edit', 'Acme deal', '--company', 'Globex']);
    expect([company.exitCode, company.stderr]).toEqual([2,
      'error: --company: Li Na (contact #1) works for Acme (company #1), not for the deal\'s company Globex (company #2) (name a contact of Globex, or pass --company Acme)\n']);
    await run(['deal', 'add', 'Globex deal', '--company', 'Globex']);
    const contact = await run(['deal', 'edit', 'Globex deal', '--contact', 'Li Na']);
    expect([contact.exitCode, contact.stderr.split(' (name')[0]]).toEqual([2,
      'error: --contact: Li Na (contact #1) works for Acme (company #1), not for the deal\'s company Globex (company #2)']);
    expect((await json(['deal', 'list', '--all'])).map((d: any) => [d.title, d.company?.name, d.contact?.name ?? null]))
      .toEqual([['Acme deal', 'Acme', 'Li Na'], ['Globex deal', 'Globex', null]]);
  });

  it('accepts a contact without a company, and a contact whose company the deal takes', async () => {
    const { json } = await seed();
    expect(await json(['deal', 'add', 'Freelance', '--company', 'Globex', '--contact', 'Ola Free'])).toMatchObject({
      company: { name: 'Globex' }, contact: { name: 'Ola Free' } });
    expect(await json(['deal', 'add', 'Follows', '--contact', 'Li Na'])).toMatchObject({ company: { name: 'Acme' }, contact: { name: 'Li Na' } });
    // Moving both at once is fine.
    expect(await json(['deal', 'edit', 'Follows', '--company', 'Globex', '--contact', 'Ola Free'])).toMatchObject({
      company: { name: 'Globex' }, contact: { name: 'Ola Free' } });
  });
});
