import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, sandbox } from '../e2e/crm.js';
import { openTerminal, type Terminal } from './tmux.js';

// Guided commands in a real pseudo-terminal: what a person sees and types, and what ends up in the database.
describe('prompts on a terminal', () => {
  let term: Terminal | undefined;
  afterEach(async () => {
    await term?.close();
    term = undefined;
  });

  /** Waits for a question, types the answer (none: takes the default) and presses Enter. */
  async function answer(t: Terminal, question: string, text?: string) {
    await t.waitFor(question);
    if (text !== undefined) await t.type(text);
    await t.press('Enter');
  }

  /** Waits for a search picker, types `typed`, waits until `choice` is highlighted, and takes it. */
  async function pick(t: Terminal, question: string, typed: string, choice: string) {
    await t.waitFor(question);
    await t.type(typed);
    await t.waitFor(`❯ ${choice}`);
    await t.press('Enter');
  }

  async function setup() {
    const s = sandbox();
    await s.run(['company', 'add', 'Globex']);
    await s.run(['contact', 'add', 'Li Na', '--company', 'Globex', '--email', 'li@globex.example']);
    const crm = async (...args: string[]) => (term = await openTerminal(['node', BIN, ...args], s.env, s.home));
    return { ...s, crm };
  }

  it('adds a deal by prompts, with defaults, a search picker and validation as you type', async () => {
    const { crm, json } = await setup();
    const t = await crm('deal', 'add');
    await t.waitFor('? Title');
    await t.press('Enter');
    await t.waitFor('is required');
    await t.type('Globex rollout');
    await t.press('Enter');
    await pick(t, '? Company', 'glob', 'Globex  (company #1)');
    await answer(t, '❯ (none)'); // no main contact
    const stages = await t.waitFor('? Stage');
    expect(stages).toMatch(/❯ Lead {2}\(10%\)\n {2}Qualified/); // the first stage is the default
    await t.press('Down', 'Enter');
    await answer(t, '? Currency (USD)');
    await answer(t, '? Amount', 'lots');
    await t.waitFor('"lots" is not an amount');
    await t.press('C-u');
    await t.type('12,500.50');
    await t.waitFor('12,500.50  → $12,500.50');
    await t.press('Enter');
    await t.waitFor('? Expected close');
    await t.type('eom');
    await t.waitFor('eom  → 2026-03-31');
    await t.press('Enter');
    await answer(t, '? Owner (alice)');
    expect(await t.waitFor('added deal #1 Globex rollout')).toContain('$12,500.50');
    expect(await t.exitCode()).toBe(0);
    expect(await json(['deal', 'show', '1'])).toMatchObject({
      title: 'Globex rollout', amount: 12500.5, currency: 'USD', stage: 'Qualified', expectedClose: '2026-03-31',
      owner: 'alice', company: { id: 1, name: 'Globex' }, contact: null,
    });
  });

  it('adds a contact by prompts: the email answer becomes their first email, the company is picked', async () => {
    const { crm, json } = await setup();
    const t = await crm('contact', 'add');
    await answer(t, '? Full name', 'Zhang Wei');
    await answer(t, '? Email', 'not-an-email');
    await t.waitFor('is not a valid email address');
    await t.press('C-u');
    await t.type('zw@globex.example');
    await t.press('Enter');
    await pick(t, '? Company', 'glo', 'Globex  (company #1)');
    await answer(t, '? Job title', 'CTO');
    await t.waitFor('? Buying role');
    await t.press('Down', 'Enter'); // the first role after (none)
    await answer(t, '❯ lead'); // lifecycle default
    await answer(t, '? Owner (alice)');
    await t.waitFor('added contact #2 Zhang Wei');
    expect(await t.exitCode()).toBe(0);
    expect(await json(['contact', 'show', '2'])).toMatchObject({
      name: 'Zhang Wei', emails: ['zw@globex.example'], company: { id: 1, name: 'Globex' }, title: 'CTO', role: 'decision-maker',
      lifecycle: 'lead', owner: 'alice',
    });
  });

  it('logs a call with the record picked by searching', async () => {
    const { crm, json } = await setup();
    const t = await crm('log', 'call');
    await pick(t, '? Call with', 'li', 'Li Na  (contact #1)');
    await answer(t, '? Summary', 'Pricing questions');
    await answer(t, '? Outcome', 'interested');
    await t.waitFor('logged call #1');
    expect(await t.exitCode()).toBe(0);
    expect(await json(['log', 'list'])).toMatchObject([{
      type: 'call', summary: 'Pricing questions', outcome: 'interested', contact: { name: 'Li Na' }, company: { name: 'Globex' },
    }]);
  });

  it("completes and snoozes follow-ups picked from today's and overdue ones", async () => {
    const { crm, json, run } = await setup();
    await run(['followup', 'add', 'Send contract', '--due', 'yesterday']);
    await run(['followup', 'add', 'Call back', '--due', 'today 15:00', '--contact', 'Li Na']);
    await run(['followup', 'add', 'Quarterly review', '--due', 'next monday']);
    const t = await crm('followup', 'done');
    const list = await t.waitFor('? Which one is done?');
    expect(list).toContain('Send contract  (#1, overdue since 2026-03-10)');
    expect(list).toContain('Call back  (#2, due today 15:00)');
    expect(list).not.toContain('Quarterly review');
    await t.press('Down');
    await t.waitFor('❯ Call back');
    await t.press('Enter');
    await t.waitFor('done: #2 Call back');
    expect(await t.exitCode()).toBe(0);
    expect((await json(['followup', 'list', '--done'])).map((f: { id: number }) => f.id)).toEqual([2]);
    await t.close();

    const s = await crm('followup', 'snooze');
    await answer(s, '❯ Send contract  (#1, overdue since 2026-03-10)');
    await s.waitFor('? Until');
    await s.type('+3d');
    await s.waitFor('+3d  → 2026-03-14');
    await s.press('Enter');
    await s.waitFor('snoozed #1 Send contract until 2026-03-14');
    expect(await s.exitCode()).toBe(0);
  });

  it('moves a deal to a stage picked from the list, and loses one for a picked reason', async () => {
    const { crm, json, run } = await setup();
    await run(['deal', 'add', 'Globex rollout', '--company', 'Globex']);
    let t = await crm('deal', 'move', 'Globex rollout');
    expect(await t.waitFor('? Move to stage')).toContain('❯ Lead');
    await t.press('Down', 'Down', 'Enter');
    await t.waitFor('deal #1 Globex rollout is in Proposal');
    expect(await t.exitCode()).toBe(0);
    await t.close();
    t = await crm('deal', 'lose', '1');
    await t.waitFor('? Why was it lost?');
    await t.press('Down', 'Enter'); // competitor
    await t.waitFor('lost deal #1 Globex rollout (competitor)');
    expect(await t.exitCode()).toBe(0);
    expect(await json(['deal', 'show', '1'])).toMatchObject({ stage: 'Lost', lostReason: 'competitor' });
  });

  it('deal win picks among open deals only', async () => {
    const { crm, json, run } = await setup();
    await run(['deal', 'add', 'Closed one', '--company', 'Globex']);
    await run(['deal', 'win', 'Closed one', '--no-order']);
    await run(['deal', 'add', 'Open one', '--company', 'Globex']);
    const t = await crm('deal', 'win');
    expect(await t.waitFor('❯ Open one')).not.toContain('Closed one');
    await t.press('Enter');
    await t.waitFor('won deal #2 Open one; recorded order #1');
    expect(await t.exitCode()).toBe(0);
    expect(await json(['deal', 'show', '2'])).toMatchObject({ stage: 'Won' });
  });

  it('edit offers the current values and changes only what was changed', async () => {
    const { crm, json, run } = await setup();
    await run(['company', 'edit', 'Globex', '--industry', 'Logistics']);
    const t = await crm('company', 'edit', 'Globex');
    await t.waitFor('? Name Globex');
    await t.press('Enter');
    await answer(t, '? Web domain', 'globex.example');
    await t.waitFor('? Industry Logistics');
    for (const next of ['Employees', 'Address', 'Owner alice', 'Notes']) {
      await t.press('Enter');
      await t.waitFor(`? ${next}`);
    }
    await t.press('Enter');
    await t.waitFor('updated company #1 Globex');
    expect(await t.exitCode()).toBe(0);
    expect(await json(['company', 'show', 'Globex'])).toMatchObject({ name: 'Globex', domain: 'globex.example', industry: 'Logistics', owner: 'alice' });
    const history = await json(['history', 'company:1']);
    expect(history.at(-1).changes).toEqual([{ field: 'domain', before: null, after: 'globex.example' }]);
  });

  it('an edit at the prompts that someone else saved meanwhile is a conflict (exit 4): their change stays', async () => {
    const { crm, json, run } = await setup();
    const t = await crm('company', 'edit', 'Globex');
    await t.waitFor('? Name Globex');
    // A colleague saves the same company while the prompts are open.
    expect((await run(['company', 'edit', 'Globex', '--industry', 'Retail'])).exitCode).toBe(0);
    await t.press('Enter');
    await answer(t, '? Web domain', 'globex.example');
    for (const next of ['Industry', 'Employees', 'Address', 'Owner alice', 'Notes']) {
      await t.waitFor(`? ${next}`);
      await t.press('Enter');
    }
    expect(await t.exitCode()).toBe(4);
    expect(await t.screen()).toContain('error: company #1 Globex was changed by someone else while you were editing it; nothing was saved');
    expect(await json(['company', 'show', 'Globex'])).toMatchObject({ industry: 'Retail', domain: null });
  });

  it('never prompts with --no-input or CRM_NO_INPUT, even on a terminal', async () => {
    const { crm, env, home } = await setup();
    let t = await crm('deal', 'move', '--no-input');
    expect(await t.exitCode()).toBe(2);
    expect(await t.screen()).toContain('error: missing DEAL and STAGE (pass DEAL and STAGE: crm deal move DEAL STAGE;');
    await t.close();
    t = term = await openTerminal(['node', BIN, 'contact', 'rm', 'Li Na'], { ...env, CRM_NO_INPUT: '1' }, home);
    expect(await t.exitCode()).toBe(2);
    expect(await t.screen()).toContain('error: will not delete contact #1 Li Na without confirmation');
  });

  it('Ctrl-C before any record was needed leaves no database behind, not even a new file', async () => {
    const fresh = sandbox();
    const t = term = await openTerminal(['node', BIN, 'contact', 'add'], fresh.env, fresh.home);
    await answer(t, '? Full name', 'Li Na');
    await t.waitFor('? Email');
    await t.press('C-c');
    expect(await t.exitCode()).toBe(130);
    expect(existsSync(fresh.dbPath)).toBe(false);
  });

  it('Ctrl-C at a prompt exits 130 and writes nothing', async () => {
    const { crm, json, run } = await setup();
    let t = await crm('deal', 'add');
    await answer(t, '? Title', 'Never saved');
    await t.waitFor('? Company');
    await t.press('C-c');
    expect(await t.exitCode()).toBe(130);
    expect(await t.screen()).toContain('cancelled; nothing was changed');
    expect(await json(['deal', 'list', '--all'])).toEqual([]);
    await t.close();

    await run(['deal', 'add', 'Keep me']);
    t = await crm('deal', 'rm', 'Keep me');
    await t.waitFor('Delete deal #1 Keep me?');
    await t.press('C-c');
    expect(await t.exitCode()).toBe(130);
    expect(await json(['deal', 'list', '--all'])).toMatchObject([{ title: 'Keep me' }]);
  });
});
