import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';

/**
 * A hand-built quarter. Every expected figure below was computed by hand from this story (see the comments);
 * none is read back from crm first.
 *
 *   A  alice  referral  10,000  Lead 01-05, Qualified 01-20, Won 02-10
 *   B  bob    website    4,000  Lead 01-10, Lost 02-15 (price)
 *   C  alice  -         20,000  Lead 02-01, Qualified 02-05, Proposal 03-01; expected close 03-31
 *   D  bob    -          8,000  Lead 03-10; expected close 04-15
 *   E  alice  -         12,000  Lead 02-20, Negotiation 03-20 at 80%; expected close 05-20
 *   F  bob    referral   6,000  Lead 03-01, Qualified 03-05, Won 03-25
 *   Quotas: alice 2026-Q1 20,000 and 5,000 in each of April-June; bob 2026-Q1 10,000 and 2026-Q2 10,000.
 */
async function quarter(order: 'forward' | 'backward' = 'forward') {
  const s = sandbox({ CRM_NOW: '2026-03-31T12:00:00Z' });
  const at = (day: string) => ({ env: { CRM_NOW: `2026-${day}T10:00:00Z` } });
  const run = async (args: string[], when?: string) => {
    const r = await s.run(args, when ? at(when) : {});
    if (r.exitCode !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  };
  await s.team('bob');
  await run(['company', 'add', 'Acme']);
  const deals: (() => Promise<void>)[] = [
    async () => {
      await run(['deal', 'add', 'A', '--amount', '10000', '--company', 'Acme', '--source', 'referral'], '01-05');
      await run(['deal', 'move', 'A', 'Qualified'], '01-20');
      await run(['deal', 'win', 'A', '--no-order'], '02-10');
    },
    async () => {
      await run(['deal', 'add', 'B', '--amount', '4000', '--owner', 'bob', '--source', 'website'], '01-10');
      await run(['deal', 'lose', 'B', '--reason', 'price'], '02-15');
    },
    async () => {
      await run(['deal', 'add', 'C', '--amount', '20000', '--close', '2026-03-31'], '02-01');
      await run(['deal', 'move', 'C', 'Qualified'], '02-05');
      await run(['deal', 'move', 'C', 'Proposal'], '03-01');
    },
    async () => run(['deal', 'add', 'D', '--amount', '8000', '--close', '2026-04-15', '--owner', 'bob'], '03-10'),
    async () => {
      await run(['deal', 'add', 'E', '--amount', '12000', '--close', '2026-05-20'], '02-20');
      await run(['deal', 'move', 'E', 'Negotiation', '--probability', '80'], '03-20');
    },
    async () => {
      await run(['deal', 'add', 'F', '--amount', '6000', '--owner', 'bob', '--source', 'referral', '--company', 'Acme'], '03-01');
      await run(['deal', 'move', 'F', 'Qualified'], '03-05');
      await run(['deal', 'win', 'F', '--no-order'], '03-25');
    },
  ];
  for (const add of order === 'forward' ? deals : [...deals].reverse()) await add();
  for (const q of [['alice', '2026-Q1', '20000'], ['alice', '2026-04', '5000'], ['alice', '2026-05', '5000'], ['alice', '2026-06', '5000'],
    ['bob', '2026-Q1', '10000'], ['bob', '2026-Q2', '10000']]) await run(['quota', 'set', ...q]);
  return s;
}

describe('crm report pipeline', () => {
  it('computes stages, win rate, cycle, velocity and conversions by hand', async () => {
    const { json } = await quarter();
    expect(await json(['report', 'pipeline'])).toEqual({
      asOf: '2026-03-31', window: { from: '2025-04-01', to: '2026-03-31' }, owner: null, currency: 'USD',
      stages: [
        // D: 8,000 at 10%, 21 days in Lead (rots after 30)
        { stage: 'Lead', deals: 1, amount: 8000, weighted: 800, avgAgeDays: 21, stale: 0 },
        { stage: 'Qualified', deals: 0, amount: 0, weighted: 0, avgAgeDays: null, stale: 0 },
        // C: 20,000 at 50%, 30 days in Proposal, which rots after 14
        { stage: 'Proposal', deals: 1, amount: 20000, weighted: 10000, avgAgeDays: 30, stale: 1 },
        // E: 12,000 at its own 80%, 11 days in
        { stage: 'Negotiation', deals: 1, amount: 12000, weighted: 9600, avgAgeDays: 11, stale: 0 },
      ],
      openDeals: 3, won: 2, lost: 1,
      winRate: 0.6667, // 2 won of 3 closed
      salesCycleDays: 30, // A 36 days, F 24 days
      avgWonAmount: 8000, // (10,000 + 6,000) / 2
      velocity: 533.33, // 3 open x 2/3 x 8,000 / 30 days
      conversions: [
        { from: 'Lead', to: 'Qualified', entered: 6, movedOn: 4, rate: 0.6667 }, // A, C, E, F moved on; B lost, D waits
        { from: 'Qualified', to: 'Proposal', entered: 3, movedOn: 3, rate: 1 },
        { from: 'Proposal', to: 'Negotiation', entered: 1, movedOn: 0, rate: 0 },
        { from: 'Negotiation', to: 'Won', entered: 1, movedOn: 0, rate: 0 },
      ],
      unconverted: [],
    });
  });

  it('replays history to an earlier --as-of date', async () => {
    const { json } = await quarter();
    const feb = await json(['report', 'pipeline', '--as-of', '2026-02-28']);
    // C was in Qualified, E in Lead at the stage default 10% (its 80% belongs to Negotiation); D and F did not exist.
    expect(feb.stages.map((s: any) => [s.stage, s.deals, s.amount, s.weighted])).toEqual([
      ['Lead', 1, 12000, 1200], ['Qualified', 1, 20000, 5000], ['Proposal', 0, 0, 0], ['Negotiation', 0, 0, 0]]);
    expect([feb.won, feb.lost, feb.winRate, feb.openDeals]).toEqual([1, 1, 0.5, 2]);
  });

  it('gives the same numbers whatever order the data was entered in', async () => {
    const forward = await quarter('forward');
    const backward = await quarter('backward');
    for (const report of [['pipeline'], ['forecast', '--by', 'owner'], ['winloss']]) {
      expect(await backward.json(['report', ...report])).toEqual(await forward.json(['report', ...report]));
    }
  });

  it('filters by owner', async () => {
    const { json } = await quarter();
    const bob = await json(['report', 'pipeline', '--owner', 'bob']);
    expect([bob.openDeals, bob.won, bob.lost, bob.stages[0].amount]).toEqual([1, 1, 1, 8000]);
  });
});

describe('crm report forecast', () => {
  it('computes every period figure, rollup, quota, attainment and coverage by hand', async () => {
    const { json } = await quarter();
    const f = await json(['report', 'forecast', '--period', 'quarter']);
    expect([f.asOf, f.period, f.currency, f.periods.length]).toEqual(['2026-03-31', 'quarter', 'USD', 3]);
    expect(f.periods[0]).toEqual({
      period: '2026-Q1', from: '2026-01-01', to: '2026-03-31',
      closedWon: 16000, // A + F
      commit: 0, bestCase: 20000, pipeline: 0, // C (Proposal: best case)
      weighted: 26000, // 16,000 + 20,000 x 50%
      historical: 26000, // Proposal has no closed history: C falls back to its 50%
      commitForecast: 16000, bestCaseForecast: 36000, openPipeline: 20000,
      quota: 30000, attainment: 0.5333, coverage: 1.4286, // 16/30; 20,000 / (30,000 - 16,000)
    });
    expect(f.periods[1]).toEqual({
      period: '2026-Q2', from: '2026-04-01', to: '2026-06-30',
      closedWon: 0, commit: 12000, bestCase: 0, pipeline: 8000, // E commit, D pipeline
      weighted: 10400, // 8,000 x 10% + 12,000 x 80%
      historical: 14933.33, // D at Lead's empirical 2/3 (A, F won; B lost) = 5,333.33 (to the cent); E (no Negotiation history) at 80% = 9,600
      commitForecast: 12000, bestCaseForecast: 12000, openPipeline: 20000,
      quota: 25000, attainment: 0, coverage: 0.8, // alice's three months (15,000) + bob's quarter (10,000)
    });
    expect(f.periods[2]).toMatchObject({ period: '2026-Q3', closedWon: 0, openPipeline: 0, quota: null, attainment: null, coverage: null });
    expect(f.stageWinRates).toEqual([
      { stage: 'Lead', closed: 3, rate: 0.6667, probability: 10 }, { stage: 'Qualified', closed: 2, rate: 1, probability: 25 },
      { stage: 'Proposal', closed: 0, rate: null, probability: 50 }, { stage: 'Negotiation', closed: 0, rate: null, probability: 75 },
    ]);
  });

  it('breaks periods down by owner, handles owners without quota and months', async () => {
    const { json, run, team } = await quarter();
    const f = await json(['report', 'forecast', '--by', 'owner', '--periods', '1']);
    expect(f.periods[0].owners.map((o: any) => [o.owner, o.closedWon, o.openPipeline, o.quota, o.attainment, o.coverage])).toEqual([
      ['alice', 10000, 20000, 20000, 0.5, 2], ['bob', 6000, 0, 10000, 0.6, 0],
    ]);
    await team('carol');
    await run(['deal', 'add', 'G', '--amount', '1000', '--owner', 'carol', '--close', '2026-03-30']);
    const carol = (await json(['report', 'forecast', '--by', 'owner', '--periods', '1'])).periods[0].owners.find((o: any) => o.owner === 'carol');
    expect([carol.pipeline, carol.quota, carol.attainment, carol.coverage]).toEqual([1000, null, null, null]);
    const months = await json(['report', 'forecast', '--period', 'month', '--periods', '3']);
    expect(months.periods.map((p: any) => [p.period, p.closedWon, p.quota])).toEqual([
      ['2026-03', 6000, null], ['2026-04', 0, 5000], ['2026-05', 0, 5000]]);
    expect((await json(['report', 'forecast', '--owner', 'alice', '--periods', '2'])).periods.map((p: any) => p.quota)).toEqual([20000, 15000]);
  });

  it('follows the fiscal year start and converts currencies, never summing them silently', async () => {
    const { json, run } = await quarter();
    await run(['config', 'set', 'fiscalYearStart', '2']);
    // A fiscal year from February 2026 to January 2027 is named by the year it ends in: its first quarter,
    // February to April 2026, is 2027-Q1.
    const f = await json(['report', 'forecast', '--periods', '1']);
    expect([f.fiscalYearStart, f.periods[0].period, f.periods[0].from, f.periods[0].to]).toEqual([2, '2027-Q1', '2026-02-01', '2026-04-30']);
    expect(f.periods[0].closedWon).toBe(16000); // A (02-10) and F (03-25)
    expect(f.periods[0].openPipeline).toBe(28000); // C (03-31) + D (04-15)
    await run(['config', 'unset', 'fiscalYearStart']);
    const h = await run(['deal', 'add', 'H', '--amount', 'EUR 1000', '--close', '2026-03-30']);
    expect(h.exitCode).toBe(0);
    const without = await run(['report', 'forecast', '--periods', '1', '--json']);
    expect(JSON.parse(without.stdout).unconverted).toEqual([{ currency: 'EUR', deals: 1, amount: 1000 }]);
    expect(JSON.parse(without.stdout).periods[0].pipeline).toBe(0);
    expect(without.stderr).toBe('warning: left out 1 deal in EUR (€1,000.00): no exchange rate into USD; add one with crm config set rates EUR=RATE\n');
    await run(['config', 'set', 'rates', 'EUR=1.1']);
    const converted = await json(['report', 'forecast', '--periods', '1']);
    expect([converted.unconverted, converted.periods[0].pipeline]).toEqual([[], 1100]);
  });
});

describe('crm report winloss', () => {
  it('counts won and lost by reason, source and owner', async () => {
    const { json } = await quarter();
    expect(await json(['report', 'winloss'])).toEqual({
      asOf: '2026-03-31', window: { from: '2025-04-01', to: '2026-03-31' }, owner: null, currency: 'USD',
      won: { deals: 2, amount: 16000 }, lost: { deals: 1, amount: 4000 }, winRate: 0.6667,
      byReason: [{ reason: 'price', deals: 1, amount: 4000 }],
      bySource: [
        { source: 'referral', won: 2, lost: 0, wonAmount: 16000, lostAmount: 0, winRate: 1 },
        { source: 'website', won: 0, lost: 1, wonAmount: 0, lostAmount: 4000, winRate: 0 },
      ],
      byOwner: [
        { owner: 'bob', won: 1, lost: 1, wonAmount: 6000, lostAmount: 4000, winRate: 0.5 },
        { owner: 'alice', won: 1, lost: 0, wonAmount: 10000, lostAmount: 0, winRate: 1 },
      ],
      unconverted: [],
    });
    // A window that starts after A's win leaves it out.
    expect((await json(['report', 'winloss', '--since', '2026-02-11'])).won).toEqual({ deals: 1, amount: 6000 });
  });
});

describe('crm report activity', () => {
  it('counts activities per owner and type per ISO week, and follow-up discipline', async () => {
    const { json, run, team } = sandbox({ CRM_NOW: '2026-03-11T10:30:00Z' });
    await team('bob');
    await run(['company', 'add', 'Acme']);
    await run(['log', 'call', 'Acme', '--summary', 'a', '--at', '2026-03-02 10:00']); // W10
    await run(['log', 'call', 'Acme', '--summary', 'b', '--at', '2026-03-03 10:00']); // W10
    await run(['log', 'email', 'Acme', '--summary', 'c', '--at', '2026-03-10 10:00']); // W11
    await run(['log', 'meeting', 'Acme', '--summary', 'd', '--at', '2026-03-09 10:00'], { env: { CRM_USER: 'bob' } }); // W11
    await run(['log', 'note', 'Acme', '--summary', 'old', '--at', '2025-12-01 10:00']); // before the window
    await run(['followup', 'add', 'Late', '--due', '2026-03-05']);
    await run(['followup', 'add', 'Done late', '--due', '2026-03-04']);
    await run(['followup', 'add', 'Done early', '--due', '2026-03-20', '--owner', 'bob']);
    await run(['followup', 'done', 'Done late', '--at', '2026-03-06 09:00']);
    await run(['followup', 'done', 'Done early', '--at', '2026-03-10 09:00']);
    const r = await json(['report', 'activity']);
    expect(r.window).toEqual({ from: '2026-01-19', to: '2026-03-11' });
    expect(r.weeks).toEqual([
      { week: '2026-W10', owner: 'alice', call: 2, email: 0, meeting: 0, note: 0, total: 2 },
      { week: '2026-W11', owner: 'alice', call: 0, email: 1, meeting: 0, note: 0, total: 1 },
      { week: '2026-W11', owner: 'bob', call: 0, email: 0, meeting: 1, note: 0, total: 1 },
    ]);
    expect(r.followups).toEqual([
      { owner: 'alice', completed: 1, completedLate: 1, overdue: 1 },
      { owner: 'bob', completed: 1, completedLate: 0, overdue: 0 },
    ]);
    expect((await json(['report', 'activity', '--mine'])).weeks.map((w: any) => w.owner)).toEqual(['alice', 'alice']);
  });
});

describe('crm quota and report formats', () => {
  it('sets and lists quotas, validating periods and amounts', async () => {
    const { json, run, team } = sandbox();
    await team('bob');
    expect(await json(['quota', 'set', 'alice', '2026-q4', '50,000'])).toEqual({ owner: 'alice', period: '2026-Q4', from: '2026-10-01',
      to: '2026-12-31', amount: 50000, currency: 'USD' });
    await run(['quota', 'set', 'alice', '2026-Q4', '60000']);
    await run(['quota', 'set', 'bob', '2026-12', '9000', '--currency', 'EUR']);
    expect((await json(['quota', 'list'])).map((q: any) => [q.owner, q.period, q.amount, q.currency])).toEqual([
      ['bob', '2026-12', 9000, 'EUR'], ['alice', '2026-Q4', 60000, 'USD']]);
    expect(await json(['quota', 'list', '--owner', 'bob'])).toHaveLength(1);
    const bad = await run(['quota', 'set', 'alice', '2026-13', '5']);
    expect([bad.exitCode, bad.stderr.split(' (')[0]]).toEqual([2, 'error: PERIOD: "2026-13" is not a period']);
    expect((await run(['quota', 'set', 'alice', '2026-Q1', '-5'])).exitCode).toBe(2);
  });

  it('prints reports for paper and spreadsheets', async () => {
    const { run } = await quarter();
    const table = (await run(['report', 'forecast', '--format', 'table'])).stdout;
    expect(table).toContain('Attainment');
    expect(table).toMatch(/Quota\s+\$30,000\.00\s+\$25,000\.00/);
    expect(table).toContain('█'); // attainment bar
    const csv = (await run(['report', 'forecast', '--format', 'csv'])).stdout.split('\n');
    expect(csv[0]).toBe('section,asOf,period,owner,currency,closedWon,commit,bestCase,pipeline,weighted,historical,commitForecast,bestCaseForecast,' +
      'quota,attainment,coverage,stage,closed,rate,probability');
    // Section rows carry their amounts' currency in the record's `currency` column.
    expect(csv[2]).toBe('periods,,2026-Q1,,USD,16000.00,0.00,20000.00,0.00,26000.00,26000.00,16000.00,36000.00,30000.00,0.5333,1.4286,,,,');
    const md = (await run(['report', 'pipeline', '--format', 'markdown'])).stdout;
    expect(md).toContain('| Proposal | 1 | $20,000.00 | $10,000.00 | 30 | 1 |');
    expect((await run(['report', 'pipeline', '--format', 'csv'])).stdout.split('\n')[2]).toBe('stages,,,,USD,,,,,,,Lead,1,8000.00,800.00,21,0,0.2,,,,,');
  });
});

describe('historical forecast of one owner (analytics.md)', () => {
  it("uses the owner's own stage rate from 10 closed deals, else the team's, the same in --owner and --by owner", async () => {
    // bob closed 12 deals that passed through Lead (9 won): his own Lead rate 9/12 = 0.75 counts. alice closed 2
    // (1 won): too few, so she gets the team's Lead rate, 10 won of 14 closed. Each has one open 1,000 deal in Lead
    // closing this quarter: alice's is weighted 1,000 x 10/14 = 714.29 (100,000 cents x 10/14 = 71,428.57, rounded),
    // bob's 1,000 x 0.75 = 750.00. The team's own row weighs both at 10/14: 714.29 + 714.29 = 1,428.58.
    const { run, json, team } = sandbox();
    await team('bob');
    const ok = async (args: string[]) => expect((await run(args)).stderr).toBe('');
    const close = async (owner: string, n: number, won: boolean) => {
      await ok(['deal', 'add', `${owner} ${n}`, '--owner', owner, '--amount', '0']);
      await ok(won ? ['deal', 'win', `${owner} ${n}`, '--no-order'] : ['deal', 'lose', `${owner} ${n}`, '--reason', 'price']);
    };
    for (let i = 0; i < 12; i++) await close('bob', i, i < 9);
    await close('alice', 0, true);
    await close('alice', 1, false);
    await ok(['deal', 'add', 'alice open', '--owner', 'alice', '--amount', '1000', '--close', 'eom']);
    await ok(['deal', 'add', 'bob open', '--owner', 'bob', '--amount', '1000', '--close', 'eom']);
    const historical = async (args: string[]) => (await json(['report', 'forecast', '--periods', '1', ...args])).periods[0];
    expect((await historical(['--owner', 'alice'])).historical).toBe(714.29);
    expect((await historical(['--owner', 'bob'])).historical).toBe(750);
    const all = await historical(['--by', 'owner']);
    expect([all.historical, ...all.owners.map((o: { owner: string; historical: number }) => `${o.owner} ${o.historical}`)])
      .toEqual([1428.58, 'alice 714.29', 'bob 750']);
  });
});
