import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';

/** Issue 13 item 8: do-not-contact and opted-out people are not called, mailed or scheduled, unless overridden. */
describe('crm: do-not-contact means it', () => {
  const seed = async () => {
    const s = sandbox();
    await s.run(['company', 'add', 'Acme']);
    await s.run(['contact', 'add', 'Dana Never', '--company', 'Acme', '--do-not-contact']);
    await s.run(['contact', 'add', 'Otto Out', '--company', 'Acme', '--consent', 'opted-out']);
    await s.run(['contact', 'add', 'Ina In', '--company', 'Acme', '--consent', 'opted-in']);
    await s.run(['contact', 'add', 'Uma Unknown', '--company', 'Acme']);
    return s;
  };
  const DANA = 'error: Dana Never (contact #1) is do-not-contact: logging an outbound call to them is not permitted';

  it('refuses an outbound call or email, and one without --direction, with exit 5; nothing is written', async () => {
    const { run, json } = await seed();
    const cases: [string[], string][] = [
      [['log', 'call', 'Dana Never', '--summary', 'Pitch', '--direction', 'outbound'], DANA],
      [['log', 'call', 'Dana Never', '--summary', 'Pitch'], DANA],
      [['log', 'email', 'Acme', '--contact', 'Otto Out', '--summary', 'Offer'],
        'error: Otto Out (contact #2) has opted out: logging an outbound email to them is not permitted'],
    ];
    for (const [args, line] of cases) {
      const r = await run(args);
      expect([r.exitCode, r.stderr.split(' (if ')[0]], args.join(' ')).toEqual([5, line]);
      expect(r.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
    }
    const hinted = await run(['log', 'call', 'Dana Never', '--summary', 'Pitch', '--json']);
    expect(JSON.parse(hinted.stderr).error).toMatchObject({ code: 'not_permitted',
      hint: 'if they asked to be contacted, pass --override-consent (crm history keeps it); if they reached out, pass --direction inbound' });
    expect(await json(['log', 'list'])).toEqual([]);
  });

  it('allows inbound calls and emails, meetings and notes, and anyone with consent', async () => {
    const { json } = await seed();
    expect(await json(['log', 'call', 'Dana Never', '--summary', 'She called', '--direction', 'inbound'])).toMatchObject({ direction: 'inbound' });
    expect(await json(['log', 'note', 'Dana Never', '--summary', 'Prefers letters'])).toMatchObject({ type: 'note' });
    expect(await json(['log', 'email', 'Ina In', '--summary', 'Offer'])).toMatchObject({ direction: null });
    expect(await json(['log', 'call', 'Uma Unknown', '--summary', 'Intro', '--direction', 'outbound'])).toMatchObject({ direction: 'outbound' });
  });

  it('--override-consent logs it and journals the override in the activity\'s history', async () => {
    const { json, run } = await seed();
    const call = await json(['log', 'call', 'Dana Never', '--summary', 'Asked for a callback', '--override-consent']);
    expect(call).toMatchObject({ id: 1, contact: { id: 1, name: 'Dana Never' }, direction: null });
    const [entry] = await json(['history', 'activity:1']);
    expect(entry).toMatchObject({ action: 'create', actor: 'alice', note: 'consent overridden: Dana Never (contact #1) is do-not-contact' });
    expect((await run(['history', 'activity:1', '--format', 'table'])).stdout)
      .toContain('created (consent overridden: Dana Never (contact #1) is do-not-contact)');
    // An ordinary write has no note.
    await run(['log', 'note', 'Acme', '--summary', 'x']);
    expect((await json(['history', 'activity:2']))[0].note).toBeNull();
  });

  it('refuses to schedule a follow-up with them, in add, edit and the next of a series, unless overridden', async () => {
    const { json, run } = await seed();
    const add = await run(['followup', 'add', 'Call back', '--due', 'tomorrow', '--contact', 'Otto Out']);
    expect([add.exitCode, add.stderr]).toEqual([5, 'error: Otto Out (contact #2) has opted out: scheduling a follow-up with them is not '
      + 'permitted (if they asked to be contacted, pass --override-consent (crm history keeps it))\n']);
    expect(await json(['followup', 'list', '--all'])).toEqual([]);

    await run(['followup', 'add', 'Review', '--due', 'tomorrow', '--contact', 'Ina In', '--repeat', '1w']);
    const edit = await run(['followup', 'edit', 'Review', '--contact', 'Dana Never']);
    expect([edit.exitCode, edit.stderr.split(' (if ')[0]]).toEqual([5,
      'error: Dana Never (contact #1) is do-not-contact: scheduling a follow-up with them is not permitted']);
    // Ina withdraws her consent: completing her weekly review would schedule the next one with her.
    await run(['contact', 'edit', 'Ina In', '--consent', 'opted-out']);
    const done = await run(['followup', 'done', 'Review']);
    expect([done.exitCode, done.stderr]).toEqual([5, 'error: Ina In (contact #3) has opted out: scheduling a follow-up with them is not '
      + 'permitted (if they asked to be contacted, pass --override-consent (crm history keeps it); to end the series, '
      + 'crm followup edit 1 --repeat none first)\n']);
    expect((await json(['followup', 'list']))[0]).toMatchObject({ id: 1, status: 'open' });

    const forced = await json(['followup', 'done', 'Review', '--override-consent']);
    expect(forced.next).toMatchObject({ id: 2, contact: { name: 'Ina In' } });
    expect((await json(['history', 'followup:2']))[0].note).toBe('consent overridden: Ina In (contact #3) has opted out');
    const added = await json(['followup', 'add', 'Call back', '--due', 'tomorrow', '--contact', 'Otto Out', '--override-consent']);
    expect((await json(['history', `followup:${added.id}`]))[0].note).toBe('consent overridden: Otto Out (contact #2) has opted out');
    // Other edits of a follow-up already with them are not a new scheduling.
    expect((await run(['followup', 'edit', String(added.id), '--priority', 'high'])).exitCode).toBe(0);
  });
});

describe('crm contact list: consent filters', () => {
  it('filters by --consent and --do-not-contact', async () => {
    const s = sandbox();
    await s.run(['contact', 'add', 'Dana Never', '--do-not-contact', '--consent', 'opted-in']);
    await s.run(['contact', 'add', 'Otto Out', '--consent', 'opted-out']);
    await s.run(['contact', 'add', 'Ina In', '--consent', 'opted-in']);
    await s.run(['contact', 'add', 'Uma Unknown']);
    const names = async (...args: string[]) => (await s.json(['contact', 'list', ...args])).map((c: any) => c.name);
    expect(await names('--consent', 'opted-in')).toEqual(['Dana Never', 'Ina In']);
    expect(await names('--consent', 'opted-out')).toEqual(['Otto Out']);
    expect(await names('--consent', 'unknown')).toEqual(['Uma Unknown']);
    expect(await names('--do-not-contact')).toEqual(['Dana Never']);
    expect(await names('--do-not-contact', '--consent', 'opted-out')).toEqual([]);
    const bad = await s.run(['contact', 'list', '--consent', 'maybe']);
    expect([bad.exitCode, bad.stderr.split(' Allowed')[0]]).toEqual([2, "error: option '--consent <state>' argument 'maybe' is invalid."]);
  });
});

describe('crm help exit-codes', () => {
  it('lists 5, not permitted', async () => {
    const { run } = sandbox();
    expect((await run(['help', 'exit-codes'])).stdout).toMatch(/\n {2}5 {4}not permitted: /);
  });
});
