import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';
import { onPostgres } from '../support/engine.js';

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
  const rule = 'contains a line break or control character (write it as one line of plain text)';

  it('refuse line breaks and control characters, naming the field and writing nothing', async () => {
    const { run, json, team } = sandbox();
    await team('bob');
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
    // Who you are is a name too: it becomes the owner of what you create.
    expect(await run(['config', 'set', 'user', 'bo\nb'])).toEqual({ exitCode: 2, stdout: '', stderr: `error: user: "bo\\nb" ${rule}\n` });
    expect(existsSync((await run(['config', 'path'])).stdout.trim())).toBe(false);
    // (On a team server the login is who you are, and CRM_USER is not read.)
    if (!onPostgres) {
      expect(await run(['company', 'add', 'Initech'], { env: { CRM_USER: 'a\u001bb' } })).toEqual({ exitCode: 2, stdout: '',
        stderr: `error: CRM_USER: "a\\u001bb" ${rule}\n` });
    }
    // A summary is free text, not a name: a note may run over several lines.
    expect((await json(['log', 'note', 'Acme', '--summary', 'Budget frozen\nuntil May'])).summary).toBe('Budget frozen\nuntil May');
  });

  it('refuse them in the customer names an order import would create', async () => {
    const { run, json } = sandbox();
    const r = await run(['order', 'import', '-', '--create-customers', 'company'],
      { input: 'customer,date,amount\nFine Co,2026-01-02,10\n"Evil\nCo",2026-01-01,5\n' });
    expect([r.exitCode, r.stdout]).toEqual([2, '']);
    // (A record is named by the line it starts on, though its quoted line break carries it onto line 4.)
    expect(r.stderr).toBe('  line 3: customer (customer) "Evil\\nCo" contains a line break or control character; write it as one line of plain text\n' +
      'error: 1 of 2 rows are invalid; nothing was imported (fix the rows listed above and import again)\n');
    expect(await json(['company', 'list'])).toEqual([]);
  });
});

/** Acme with two people, an open deal closing this week, a won and a lost deal, two follow-ups and a meeting. */
async function week() {
  const s = sandbox();
  const steps = [
    ['company', 'add', 'Acme', '--domain', 'acme.example'],
    ['contact', 'add', 'Li Na', '--company', 'Acme', '--email', 'li@acme.example', '--title', 'CTO'],
    ['contact', 'add', 'Bo Chen', '--company', 'Acme', '--reports-to', 'Li Na'],
    ['deal', 'add', 'Acme renewal', '--company', 'Acme', '--contact', 'Li Na', '--amount', '2500', '--close', '2026-03-13'],
    ['deal', 'add', 'Lost one', '--amount', '1000'], ['deal', 'lose', 'Lost one', '--reason', 'price'],
    ['deal', 'add', 'Won one', '--amount', '3000', '--company', 'Acme'], ['deal', 'win', 'Won one', '--no-order'],
    ['followup', 'add', 'Call back', '--due', 'yesterday', '--company', 'Acme'],
    ['followup', 'add', 'Send contract', '--due', 'tomorrow', '--deal', 'Acme renewal'],
    ['log', 'meeting', 'Acme', '--summary', 'Demo', '--at', 'tomorrow 10:00'],
  ];
  for (const args of steps) {
    const r = await s.run(args);
    if (r.exitCode !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  }
  return s;
}

/** One CSV line per row, given by its cells' keys: what a reader of a wide one-table file looks up. */
const csvOf = (header: string[]) => (section: string, cells: Record<string, string> = {}) =>
  header.map((k) => (k === 'section' ? section : cells[k] ?? '')).join(',');

describe('records with sections, in every format', () => {
  it('the agenda: one table in CSV and TSV, titled blocks in a pipe, every item in each', async () => {
    const { run } = await week();
    const header = ['section', 'period', 'owner', 'date', 'time', 'kind', 'id', 'title', 'contact', 'company', 'deal', 'amount', 'currency',
      'stage', 'probability', 'priority'];
    const row = csvOf(header);
    const rows = [
      row('record', { period: '2026-03-09 to 2026-03-15', owner: 'everyone' }),
      row('overdue', { date: '2026-03-10', kind: 'followup', id: '1', title: 'Call back', company: 'Acme', priority: 'normal', owner: 'alice' }),
      row('days', { date: '2026-03-12', time: '10:00', kind: 'meeting', id: '1', title: 'Demo', company: 'Acme', owner: 'alice' }),
      row('days', { date: '2026-03-12', kind: 'followup', id: '2', title: 'Send contract', company: 'Acme', deal: 'Acme renewal',
        priority: 'normal', owner: 'alice' }),
      row('days', { date: '2026-03-13', kind: 'deal', id: '1', title: 'Acme renewal', contact: 'Li Na', company: 'Acme', amount: '2500.00',
        currency: 'USD', stage: 'Lead', probability: '10', owner: 'alice' }),
    ];
    expect(await run(['agenda', '--week', '--format', 'csv'])).toEqual({ exitCode: 0, stderr: '', stdout: `${header.join(',')}\n${rows.join('\n')}\n` });
    expect((await run(['agenda', '--week', '--format', 'tsv'])).stdout).toBe(`${[header, ...rows.map((r) => r.split(','))].map((r) => r.join('\t')).join('\n')}\n`);
    expect((await run(['agenda', '--week'])).stdout).toBe([
      'period\t2026-03-09 to 2026-03-15', 'owner\teveryone', '',
      'Overdue', '2026-03-10\t\tfollowup\t1\tCall back\t\tAcme\t\t\t\t\t\tnormal\talice', '',
      'Scheduled', '2026-03-12\t10:00\tmeeting\t1\tDemo\t\tAcme\t\t\t\t\t\t\talice',
      '2026-03-12\t\tfollowup\t2\tSend contract\t\tAcme\tAcme renewal\t\t\t\t\tnormal\talice',
      '2026-03-13\t\tdeal\t1\tAcme renewal\tLi Na\tAcme\t\t2500.00\tUSD\tLead\t10\t\talice', ''].join('\n'));
    // People keep the day-by-day view.
    expect((await run(['agenda', '--week', '--format', 'markdown'])).stdout).toContain('### Thursday 2026-03-12\n\n| Time | What |');
  });

  it('a company: its own fields as the first row, then every row of every section', async () => {
    const { run } = await week();
    // The order summary is one of the company's own fields; the currency column follows the first money column (the wallet's).
    const header = ['section', 'id', 'name', 'domain', 'industry', 'size', 'wallet', 'currency', 'tags', 'owner', 'address', 'externalId', 'notes',
      'createdAt', 'updatedAt', 'orders', 'title', 'role', 'email', 'stage', 'amount', 'probability', 'expectedClose', 'stale', 'at', 'type', 'summary',
      'regarding', 'satisfaction', 'loggedBy', 'due', 'priority', 'repeat', 'status'];
    const row = csvOf(header);
    const at = '2026-03-11T10:30:00.000Z';
    // The record's wallet is in euros, its deal in dollars: one `currency` column holds each row's own.
    expect((await run(['company', 'edit', 'Acme', '--wallet', '250000', '--currency', 'EUR'])).exitCode).toBe(0);
    expect((await run(['company', 'show', 'Acme', '--format', 'csv'])).stdout).toBe([header.join(','),
      row('record', { id: '1', name: 'Acme', domain: 'acme.example', wallet: '250000.00', currency: 'EUR', owner: 'alice', createdAt: at, updatedAt: at,
        orders: 'none' }),
      row('contacts', { id: '2', name: 'Bo Chen' }),
      row('contacts', { id: '1', name: 'Li Na', title: 'CTO', email: 'li@acme.example' }),
      row('openDeals', { id: '1', title: 'Acme renewal', stage: 'Lead', amount: '2500.00', currency: 'USD', probability: '10%', expectedClose: '2026-03-13',
        owner: 'alice' }),
      row('latestActivities', { id: '1', at: '2026-03-12T10:00:00.000Z', type: 'meeting', summary: 'Demo', regarding: 'Acme', loggedBy: 'alice' }),
      row('openFollowups', { id: '1', due: '2026-03-10', title: 'Call back', regarding: 'Acme', priority: 'normal', owner: 'alice', status: 'overdue 1d' }),
      row('openFollowups', { id: '2', due: '2026-03-12', title: 'Send contract', regarding: 'Acme · deal: Acme renewal', priority: 'normal',
        owner: 'alice', status: 'open' }),
    ].join('\n') + '\n');
  });

  it('two reports: the pipeline (stages and conversions) and win/loss (three breakdowns)', async () => {
    const { run } = await week();
    const p = ['section', 'asOf', 'window', 'owner', 'currency', 'openDeals', 'won', 'winRate', 'salesCycleDays', 'avgWonAmount', 'velocity',
      'stage', 'deals', 'amount', 'weighted', 'avgAgeDays', 'stale', 'share', 'from', 'to', 'entered', 'movedOn', 'rate'];
    const pr = csvOf(p);
    // Stage rows carry their amounts' currency in the record's `currency` column.
    const stage = (name: string) => pr('stages', { currency: 'USD', stage: name, deals: '0', amount: '0.00', weighted: '0.00', stale: '0', share: '0' });
    const conversion = (from: string, to: string) => pr('conversions', { from, to, entered: '0', movedOn: '0' });
    expect((await run(['report', 'pipeline', '--format', 'csv'])).stdout).toBe([p.join(','),
      pr('record', { asOf: '2026-03-11', window: '2025-03-12 to 2026-03-11', owner: 'everyone', currency: 'USD', openDeals: '1', won: '1 / 1',
        winRate: '0.5', salesCycleDays: '0', avgWonAmount: '3000.00' }),
      pr('stages', { currency: 'USD', stage: 'Lead', deals: '1', amount: '2500.00', weighted: '250.00', avgAgeDays: '0', stale: '0', share: '1' }),
      stage('Qualified'), stage('Proposal'), stage('Negotiation'),
      pr('conversions', { from: 'Lead', to: 'Qualified', entered: '3', movedOn: '1', rate: '0.3333' }),
      conversion('Qualified', 'Proposal'), conversion('Proposal', 'Negotiation'), conversion('Negotiation', 'Won'),
    ].join('\n') + '\n');

    const w = ['section', 'asOf', 'window', 'owner', 'currency', 'won', 'lost', 'winRate', 'reason', 'deals', 'amount', 'source', 'wonAmount', 'lostAmount'];
    const wr = csvOf(w);
    const group = { won: '1', lost: '1', wonAmount: '3000.00', lostAmount: '1000.00', currency: 'USD', winRate: '0.5' };
    const csv = (await run(['report', 'winloss', '--format', 'csv'])).stdout;
    expect(csv).toBe([w.join(','),
      wr('record', { asOf: '2026-03-11', window: '2025-03-12 to 2026-03-11', owner: 'everyone', currency: 'USD', won: '"1 deal, 3000.00 USD"',
        lost: '"1 deal, 1000.00 USD"', winRate: '0.5' }),
      wr('byReason', { reason: 'price', deals: '1', amount: '1000.00', currency: 'USD' }),
      wr('bySource', { source: '(none)', ...group }),
      wr('byOwner', { owner: 'alice', ...group }),
    ].join('\n') + '\n');
    // TSV is the same table; piped output the titled blocks, without losing the breakdowns either.
    expect((await run(['report', 'winloss', '--format', 'tsv'])).stdout.split('\n').map((l) => l.split('\t').length)).toEqual([14, 14, 14, 14, 14, 1]);
    expect((await run(['report', 'winloss'])).stdout).toBe(['asOf\t2026-03-11', 'window\t2025-03-12 to 2026-03-11', 'owner\teveryone',
      'currency\tUSD', 'won\t1 deal, 3000.00 USD', 'lost\t1 deal, 1000.00 USD', 'winRate\t0.5', '', 'Lost by reason', 'price\t1\t1000.00\tUSD', '',
      'By source', '(none)\t1\t1\t3000.00\t1000.00\tUSD\t0.5', '', 'By owner', 'alice\t1\t1\t3000.00\t1000.00\tUSD\t0.5', ''].join('\n'));
  });

  it('lose no row in CSV, TSV or a pipe: each section has as many rows as its JSON array', async () => {
    const s = await week();
    for (const [customer, date, amount] of [['Acme', '2026-01-05', '100'], ['Acme', '2026-02-05', '-20'], ['Acme', '2026-03-01', '80'],
      ['Globex', '2026-02-10', '50']]) {
      if (customer === 'Globex') await s.run(['company', 'add', 'Globex']);
      expect((await s.run(['order', 'add', customer!, '--date', date!, '--amount', amount!])).exitCode).toBe(0);
    }
    const n = (xs: unknown[]) => xs.length;
    const commands: [string[], (j: any) => Record<string, number>][] = [
      [['agenda', '--week'], (j) => ({ overdue: n(j.overdue), days: n(j.days.flatMap((d: any) => d.items)) })],
      // A customer's order summary is one of its own fields (`orders`), not a section: checked in the record row below.
      [['company', 'show', 'Acme'], (j) => ({ contacts: n(j.contacts), openDeals: n(j.openDeals), latestActivities: n(j.latestActivities),
        openFollowups: n(j.openFollowups) })],
      [['contact', 'show', 'Li Na'], (j) => ({ reports: n(j.reports), openDeals: n(j.openDeals), latestActivities: n(j.latestActivities),
        openFollowups: n(j.openFollowups) })],
      [['deal', 'show', 'Acme renewal'], (j) => ({ stageHistory: n(j.stageHistory), activities: n(j.activities), followups: n(j.followups) })],
      [['report', 'pipeline'], (j) => ({ stages: n(j.stages), conversions: n(j.conversions) })],
      [['report', 'forecast', '--by', 'owner'], (j) => ({ periods: n(j.periods), owners: n(j.periods.flatMap((p: any) => p.owners)),
        stageWinRates: n(j.stageWinRates) })],
      [['report', 'forecast', '--by', 'category'], (j) => ({ periods: n(j.periods), stageWinRates: n(j.stageWinRates) })],
      [['report', 'winloss'], (j) => ({ byReason: n(j.byReason), bySource: n(j.bySource), byOwner: n(j.byOwner) })],
      [['report', 'activity'], (j) => ({ weeks: n(j.weeks), followups: n(j.followups) })],
      [['report', 'rfm'], (j) => ({ segments: n(j.segments), customers: n(j.customers) })],
      [['report', 'deciles'], (j) => ({ deciles: n(j.deciles) })],
      [['report', 'portfolio'], (j) => ({ tiers: n(j.tiers), customers: n(j.customers) })],
      [['report', 'loyalty'], (j) => ({ quadrants: n(j.quadrants), customers: n(j.customers) })],
    ];
    const tally = (lines: string[], sep: string) => {
      const found: Record<string, number> = {};
      for (const l of lines) found[l.split(sep)[0]!] = (found[l.split(sep)[0]!] ?? 0) + 1;
      return found;
    };
    for (const [args, count] of commands) {
      const wanted = Object.fromEntries(Object.entries({ record: 1, ...count(await s.json(args)) }).filter(([, v]) => v > 0));
      expect(Object.values(wanted).reduce((a, b) => a + b), args.join(' ')).toBeGreaterThan(1);
      const csv = (await s.run([...args, '--format', 'csv'])).stdout.trimEnd().split('\n');
      expect([csv[0]!.split(',')[0], tally(csv.slice(1), ',')], `${args.join(' ')} as CSV`).toEqual(['section', wanted]);
      const tsv = (await s.run([...args, '--format', 'tsv'])).stdout.trimEnd().split('\n');
      expect(tally(tsv.slice(1), '\t'), `${args.join(' ')} as TSV`).toEqual(wanted);
      // Piped: the record's fields, then one titled block per section that has rows.
      const blocks = (await s.run(args)).stdout.trimEnd().split('\n\n').slice(1).map((b) => b.split('\n').length - 1);
      const { record: _, ...sections } = wanted;
      expect(blocks, `${args.join(' ')} piped`).toEqual(Object.values(sections));
    }
    // The order summary reaches CSV and a pipe as the record's `orders` field.
    const summary = '3 orders, 160.00 USD; first 2026-01-05, last 2026-03-01';
    const show = (await s.run(['company', 'show', 'Acme', '--format', 'csv'])).stdout.split('\n');
    expect(show[0]!.split(',').filter((k) => k === 'orders')).toEqual(['orders']);
    expect(show[1]).toMatch(new RegExp(`^record,1,Acme,.*,"${summary}",`));
    expect((await s.run(['company', 'show', 'Acme'])).stdout).toContain(`\norders\t${summary}\n`);
  });
});

describe('spreadsheet-safe CSV and TSV', () => {
  it('neutralise formulas in text cells of every command, keeping a refund a number', async () => {
    const { run } = sandbox();
    await run(['company', 'add', '=2+3', '--notes', '@mention']);
    await run(['order', 'add', '=2+3', '--amount', '-120', '--date', '2026-03-01', '--reference', '+ref']);
    expect((await run(['order', 'list', '--format', 'csv'])).stdout).toBe(
      "id,date,customer,amount,currency,reference,deal\n1,2026-03-01,'=2+3 (company #1),-120.00,USD,'+ref,\n");
    expect((await run(['order', 'list', '--format', 'tsv'])).stdout).toBe(
      "id\tdate\tcustomer\tamount\tcurrency\treference\tdeal\n1\t2026-03-01\t'=2+3 (company #1)\t-120.00\tUSD\t'+ref\t\n");
    const show = (await run(['company', 'show', '1', '--format', 'csv'])).stdout.split('\n');
    expect(show[1]).toMatch(/^record,1,'=2\+3,.*,'@mention,/);
    // Piped output is for programs: written as is.
    expect((await run(['order', 'list'])).stdout).toBe('1\t2026-03-01\t=2+3 (company #1)\t-120.00\tUSD\t+ref\t\n');
  });
});

describe('-q', () => {
  it('prints the ids of what a command lists, shows or writes', async () => {
    const { run } = await week();
    expect((await run(['deal', 'list', '--all', '--sort', 'id', '-q'])).stdout).toBe('1\n2\n3\n');
    expect((await run(['company', 'show', 'Acme', '-q'])).stdout).toBe('1\n');
    expect((await run(['stage', 'list', '-q'])).stdout).toBe('1\n2\n3\n4\n5\n6\n');
    expect((await run(['followup', 'done', 'Call back', '-q'])).stdout).toBe('1\n');
    expect((await run(['search', 'Acme', '-q'])).exitCode).toBe(0);
  });

  it('is a usage error where a command lists no records, and such a command then changes nothing', async () => {
    const { run, json } = await week();
    const commands = [['agenda'], ['report', 'pipeline'], ['report', 'rfm', '--save', 'q1'], ['report', 'forecast', '--by', 'owner'],
      ['config', 'list'], ['config', 'get', 'currency'], ['config', 'set', 'currency', 'EUR'], ['config', 'unset', 'currency'],
      ['config', 'path'], ['db', 'path'], ['db', 'check'], ['db', 'backup'], ['completion', 'bash'], ['company', 'tree', 'Acme'],
      ['history', 'Acme'], ['quota', 'set', 'alice', '2026-Q2', '100'], ['quota', 'list'], ['company', 'rm', 'Acme', '--yes'],
      ['contact', 'rm', 'Bo Chen', '--yes'], ['deal', 'rm', 'Lost one', '--yes'], ['followup', 'rm', 'Call back', '--yes'],
      ['stage', 'rm', 'Proposal', '--yes'], ['order', 'import', '-']];
    for (const args of commands) {
      for (const q of ['-q', '--quiet']) {
        expect(await run([...args, q], { input: 'customer,date,amount\nAcme,2026-01-02,10\n' }), `${args.join(' ')} ${q}`).toEqual({
          exitCode: 2, stdout: '', stderr: `error: -q needs a command that lists records; crm ${args.slice(0, ['agenda', 'completion', 'history'].includes(args[0]!) ? 1 : 2).join(' ')} ` +
            'lists none (leave out -q; it works with add, list, show, edit and the like)\n' });
      }
    }
    expect(JSON.parse((await run(['agenda', '-q', '--json'])).stderr).error).toMatchObject({ code: 'usage' });
    expect((await run(['report', 'rfm', '--compare', 'q1'])).exitCode).toBe(3); // never saved
    expect((await json(['config', 'get', 'currency'])).value).toBe('USD');
    expect(await json(['quota', 'list'])).toEqual([]);
    expect((await json(['company', 'list'])).map((c: any) => c.name)).toEqual(['Acme']);
    expect(await json(['contact', 'list'])).toHaveLength(2);
    expect(await json(['deal', 'list', '--all'])).toHaveLength(3);
    expect(await json(['followup', 'list'])).toHaveLength(2);
    expect(await json(['stage', 'list'])).toHaveLength(6);
    expect(await json(['order', 'list'])).toEqual([]);
  });
});
