import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';

describe('crm stage', () => {
  it('starts with the default pipeline', async () => {
    const { json } = sandbox();
    const stages = await json(['stage', 'list']);
    expect(stages.map((s: any) => [s.name, s.position, s.probability, s.forecastCategory, s.outcome, s.rottingDays, s.deals])).toEqual([
      ['Lead', 1, 10, 'pipeline', 'open', 30, 0], ['Qualified', 2, 25, 'pipeline', 'open', 21, 0],
      ['Proposal', 3, 50, 'best-case', 'open', 14, 0], ['Negotiation', 4, 75, 'commit', 'open', 14, 0],
      ['Won', 5, 100, 'closed', 'won', null, 0], ['Lost', 6, 0, 'omitted', 'lost', null, 0],
    ]);
  });

  it('adds, edits, reorders and removes stages; removing a used one needs --move-to', async () => {
    const { json, run } = sandbox();
    expect(await json(['stage', 'add', 'Demo', '--probability', '40', '--category', 'best-case', '--rotting-days', '10']))
      .toMatchObject({ name: 'Demo', position: 5, probability: 40, forecastCategory: 'best-case', outcome: 'open', rottingDays: 10 });
    expect((await json(['stage', 'list'])).map((s: any) => s.name)).toEqual(['Lead', 'Qualified', 'Proposal', 'Negotiation', 'Demo', 'Won', 'Lost']);
    await json(['stage', 'edit', 'Demo', '--position', '2', '--name', 'Discovery call', '--rotting-days', '']);
    const stages = await json(['stage', 'list']);
    expect(stages.map((s: any) => `${s.position}:${s.name}`)).toEqual(['1:Lead', '2:Discovery call', '3:Qualified', '4:Proposal', '5:Negotiation', '6:Won', '7:Lost']);
    expect(stages[1].rottingDays).toBeNull();
    await run(['deal', 'add', 'A', '--stage', 'Discovery call', '--amount', '100']);
    const used = await run(['stage', 'rm', 'Discovery call']);
    expect([used.exitCode, used.stderr]).toEqual([4, 'error: 1 deal is in stage "Discovery call" (pass --move-to STAGE to move them first)\n']);
    const cross = await run(['stage', 'rm', 'Discovery call', '--move-to', 'Won', '--yes']);
    expect([cross.exitCode, cross.stderr.split(' (')[0]]).toEqual([2, 'error: --move-to: "Won" is a won stage, "Discovery call" an open one']);
    expect((await run(['stage', 'rm', 'Discovery call', '--move-to', 'Qualified'])).exitCode).toBe(2); // no --yes, no terminal
    expect((await run(['stage', 'rm', 'Discovery call', '--move-to', 'Qualified', '--yes'])).exitCode).toBe(0);
    expect(await json(['deal', 'show', 'A'])).toMatchObject({ stage: 'Qualified', probability: 25 });
    expect((await json(['stage', 'list'])).map((s: any) => `${s.position}:${s.name}`)).toEqual(['1:Lead', '2:Qualified', '3:Proposal', '4:Negotiation', '5:Won', '6:Lost']);
    const last = await run(['stage', 'rm', 'Won']);
    expect([last.exitCode, last.stderr.split(' (')[0]]).toEqual([4, 'error: "Won" is the only won stage; deals need one to be won']);
    const dup = await run(['stage', 'add', 'lead']);
    expect(dup.exitCode).toBe(4);
    const bad = await run(['stage', 'add', 'X', '--probability', '120']);
    expect([bad.exitCode, bad.stderr.split(' (')[0]]).toEqual([2, 'error: --probability: "120" must be a whole percentage from 0 to 100']);
  });
});

describe('crm deal', () => {
  it('runs the examples of the deals issue as written', async () => {
    const { json, run } = sandbox({ CRM_NOW: '2026-03-11T10:30:00Z' });
    await run(['company', 'add', 'Globex']);
    const deal = await json(['deal', 'add', 'Globex rollout', '--amount', '12,500.50', '--company', 'Globex', '--stage', 'Lead', '--close', 'eom']);
    expect(deal).toMatchObject({ id: 1, title: 'Globex rollout', amount: 12500.5, currency: 'USD', stage: 'Lead', probability: 10,
      forecastCategory: 'pipeline', expectedClose: '2026-03-31', company: { id: 1, name: 'Globex' }, status: 'open' });
    for (let i = 2; i <= 7; i++) await run(['deal', 'add', `Deal ${i}`, '--amount', '1000', '--company', 'Globex']);
    expect((await run(['deal', 'move', 'Globex rollout', 'Proposal'])).exitCode).toBe(0);
    const shown = await json(['deal', 'show', 'Globex rollout']);
    expect(shown.stageHistory).toEqual([
      { from: null, to: 'Lead', at: '2026-03-11T10:30:00.000Z', actor: 'alice' },
      { from: 'Lead', to: 'Proposal', at: '2026-03-11T10:30:00.000Z', actor: 'alice' },
    ]);
    expect(await json(['deal', 'lose', '7', '--reason', 'price'])).toMatchObject({ id: 7, stage: 'Lost', status: 'lost', lostReason: 'price', closedOn: '2026-03-11' });
    const won = await json(['deal', 'win', 'Globex rollout']);
    expect(won).toMatchObject({ stage: 'Won', status: 'won', probability: 100, forecastCategory: 'closed', closedOn: '2026-03-11',
      order: { id: 1, customer: { kind: 'company', id: 1, name: 'Globex' }, date: '2026-03-11', amount: 12500.5, currency: 'USD', deal: { id: 1, name: 'Globex rollout' } } });
    expect((await run(['log', 'call', 'Globex', '--summary', 'Kickoff', '--satisfaction', '5'])).exitCode).toBe(0);
    expect((await run(['followup', 'add', 'Send contract', '--due', 'tomorrow', '--company', 'Globex', '--repeat', '2w'])).exitCode).toBe(0);
    expect(await json(['followup', 'list', '--overdue'])).toEqual([]);
    expect((await json(['agenda', '--week'])).days).toEqual([{ date: '2026-03-12', items: [
      { kind: 'followup', id: 1, date: '2026-03-12', time: null, title: 'Send contract', owner: 'alice', contact: null,
        company: { id: 1, name: 'Globex' }, deal: null, priority: 'normal' }] }]);
  });

  it('keeps every stage change with who and when, across move, lose, reopen and win', async () => {
    const { json, run } = sandbox({ CRM_NOW: '2026-03-01T09:00:00Z' });
    await run(['company', 'add', 'Acme']);
    await run(['deal', 'add', 'Acme renewal', '--amount', '5000', '--company', 'Acme']);
    await run(['deal', 'move', '1', 'Qualified'], { env: { CRM_NOW: '2026-03-02T09:00:00Z', CRM_USER: 'bob' } });
    await run(['deal', 'lose', '1', '--reason', 'timing'], { env: { CRM_NOW: '2026-03-05T09:00:00Z' } });
    const reopened = await json(['deal', 'reopen', '1'], { env: { CRM_NOW: '2026-03-09T09:00:00Z' } });
    expect(reopened).toMatchObject({ stage: 'Qualified', status: 'open', closedOn: null, lostReason: null });
    await run(['deal', 'move', '1', 'Negotiation', '--probability', '80'], { env: { CRM_NOW: '2026-03-10T09:00:00Z' } });
    expect(await json(['deal', 'show', '1'])).toMatchObject({ probability: 80, forecastCategory: 'commit' });
    await run(['deal', 'win', '1', '--date', '2026-03-12', '--amount', '5,500'], { env: { CRM_NOW: '2026-03-12T09:00:00Z' } });
    const d = await json(['deal', 'show', '1']);
    expect(d.stageHistory).toEqual([
      { from: null, to: 'Lead', at: '2026-03-01T09:00:00.000Z', actor: 'alice' },
      { from: 'Lead', to: 'Qualified', at: '2026-03-02T09:00:00.000Z', actor: 'bob' },
      { from: 'Qualified', to: 'Lost', at: '2026-03-05T09:00:00.000Z', actor: 'alice' },
      { from: 'Lost', to: 'Qualified', at: '2026-03-09T09:00:00.000Z', actor: 'alice' },
      { from: 'Qualified', to: 'Negotiation', at: '2026-03-10T09:00:00.000Z', actor: 'alice' },
      { from: 'Negotiation', to: 'Won', at: '2026-03-12T09:00:00.000Z', actor: 'alice' },
    ]);
    expect(d).toMatchObject({ amount: 5500, closedOn: '2026-03-12', probability: 100 });
    expect((await json(['order', 'list'])).map((o: any) => [o.date, o.amount, o.deal?.id])).toEqual([['2026-03-12', 5500, 1]]);
    // Reopening a won deal takes its order back.
    await run(['deal', 'reopen', '1', '--stage', 'Proposal']);
    expect(await json(['order', 'list'])).toEqual([]);
    expect((await json(['deal', 'win', '1', '--no-order'])).order).toBeNull();
    expect(await json(['order', 'list'])).toEqual([]);
  });

  it('filters lists by stage, owner, status, closing period and staleness', async () => {
    const { json, run, team } = sandbox({ CRM_NOW: '2026-03-11T10:30:00Z' });
    await team('bob');
    const add = (title: string, ...args: string[]) => run(['deal', 'add', title, '--amount', '1000', ...args]);
    await add('Old lead', '--close', '2026-03-20', '--owner', 'bob');
    await add('April deal', '--close', '2026-04-15', '--stage', 'Proposal');
    await add('Next year', '--close', '2027-01-10');
    await add('Lost one', '--close', '2026-03-05');
    await run(['deal', 'lose', 'Lost one', '--reason', 'price', '--date', '2026-03-06']);
    // "Old lead" has not moved for 31 days (Lead rots after 30).
    await run(['deal', 'add', 'Rotting', '--close', '2026-05-01'], { env: { CRM_NOW: '2026-02-08T10:00:00Z' } });
    await run(['deal', 'add', 'Touched', '--close', '2026-05-02'], { env: { CRM_NOW: '2026-02-08T10:00:00Z' } });
    await run(['log', 'note', 'deal:Touched', '--summary', 'still alive', '--at', '2026-03-01']);
    const titles = async (...args: string[]) => (await json(['deal', 'list', ...args])).map((d: any) => d.title);
    expect(await titles()).toEqual(['Old lead', 'April deal', 'Rotting', 'Touched', 'Next year']);
    expect(await titles('--all', '--sort', 'id')).toEqual(['Old lead', 'April deal', 'Next year', 'Lost one', 'Rotting', 'Touched']);
    expect(await titles('--lost')).toEqual(['Lost one']);
    expect(await titles('--stage', 'Proposal')).toEqual(['April deal']);
    expect(await titles('--owner', 'bob')).toEqual(['Old lead']);
    expect(await titles('--closing', 'this-month')).toEqual(['Old lead']);
    expect(await titles('--closing', 'this-month', '--all')).toEqual(['Lost one', 'Old lead']);
    expect(await titles('--closing', 'next-quarter')).toEqual(['April deal', 'Rotting', 'Touched']);
    expect(await titles('--closing', '2027-Q1')).toEqual(['Next year']);
    expect(await titles('--closing', '2026-04-01..2026-04-30')).toEqual(['April deal']);
    expect(await titles('--stale')).toEqual(['Rotting']);
    expect((await json(['deal', 'list', '--stale']))[0]).toMatchObject({ stale: true, title: 'Rotting' });
    expect(await titles('--sort', 'amount', '--desc', '--limit', '2')).toHaveLength(2);
    const both = await run(['deal', 'list', '--won', '--lost']);
    expect(both.exitCode).toBe(2);
  });

  it('rejects bad input with one line naming the field, and writes nothing', async () => {
    const { run, json } = sandbox();
    await run(['deal', 'add', 'Open deal', '--amount', '100']);
    await run(['deal', 'add', 'Closed deal', '--amount', '100']);
    await run(['deal', 'win', 'Closed deal', '--no-order']);
    const cases: [string[], number, string][] = [
      [['deal', 'add', 'X', '--stage', 'Nope'], 3, 'error: --stage: "Nope" is not a stage (use one of: Lead, Qualified, Proposal, Negotiation, Won, Lost)'],
      [['deal', 'add', 'X', '--amount', '-5'], 2, 'error: --amount: "-5" is negative'],
      [['deal', 'add', 'X', '--probability', '101'], 2, 'error: --probability: "101" must be a whole percentage from 0 to 100'],
      [['deal', 'add', 'X', '--close', 'someday'], 2, 'error: --close: "someday" is not a date crm understands'],
      [['deal', 'add', 'X', '--category', 'maybe'], 2, 'error: --category: "maybe" is not a forecast category'],
      [['deal', 'add', 'X', '--stage', 'Won'], 2, 'error: --stage: "Won" is a won stage'],
      [['deal', 'lose', 'Open deal'], 2, 'error: missing --reason (pass --reason: crm deal lose DEAL --reason price|competitor|'],
      [['deal', 'move', 'Open deal'], 2, 'error: missing STAGE (pass STAGE: crm deal move DEAL STAGE'],
      [['deal', 'add'], 2, 'error: missing TITLE'],
      [['deal', 'add', '--no-input'], 2, 'error: missing TITLE'],
      [['deal', 'edit', 'Open deal'], 2, 'error: missing the fields to change'],
      [['deal', 'lose', 'Open deal', '--reason', 'bad-vibes'], 2, 'error: --reason: "bad-vibes" is not a lost reason'],
      [['deal', 'move', 'Closed deal', 'Proposal'], 2, 'error: deal #2 Closed deal is won (reopen it first: crm deal reopen 2)'],
      [['deal', 'move', 'Open deal', 'Won'], 2, 'error: STAGE: "Won" closes the deal (use crm deal win 1)'],
      [['deal', 'move', 'Open deal', 'Nowhere'], 3, 'error: STAGE: "Nowhere" is not a stage'],
      [['deal', 'win', 'Open deal'], 2, 'error: DEAL: deal #1 has no company or contact to record the order for'],
      [['deal', 'show', 'Missing'], 3, 'error: no deal matches "Missing"'],
    ];
    for (const [args, code, line] of cases) {
      const r = await run(args);
      expect([r.exitCode, r.stderr.slice(0, line.length)], args.join(' ')).toEqual([code, line]);
      expect(r.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
    }
    expect((await json(['deal', 'list', '--all'])).map((d: any) => [d.title, d.stage])).toEqual([['Open deal', 'Lead'], ['Closed deal', 'Won']]);
    await run(['config', 'set', 'lostReasons', 'price, Bad Vibes']);
    expect(await json(['deal', 'lose', 'Open deal', '--reason', 'bad vibes'])).toMatchObject({ lostReason: 'bad-vibes' });
  });
});
