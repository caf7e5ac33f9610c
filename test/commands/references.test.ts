import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';

/** Issue 13 item 6: a record is named by what a person would type, with one order of precedence everywhere. */
describe('references a person would type', () => {
  const seed = async () => {
    const s = sandbox();
    await s.run(['company', 'add', 'Acme GmbH', '--domain', 'acme.example']);
    await s.run(['company', 'add', 'Big Acme Ltd']);
    await s.run(['company', 'add', 'Globex']);
    await s.run(['contact', 'add', 'Zhang Wei 张伟', '--email', 'zw@acme.example', '--company', '1']);
    await s.run(['contact', 'add', 'Jürgen Müller', '--email', 'jm@globex.example', '--company', '3']);
    await s.run(['contact', 'add', 'María José', '--email', 'mj@globex.example']);
    return s;
  };
  const id = (r: { exitCode: number; stdout: string; stderr: string }) =>
    r.exitCode === 0 ? JSON.parse(r.stdout).id : `exit ${r.exitCode}: ${r.stderr}`;

  it('finds a record by a case-insensitive prefix or substring of its name', async () => {
    const { run } = await seed();
    const company = async (ref: string) => id(await run(['company', 'show', ref, '--json']));
    expect(await company('acme')).toBe(1); // a unique prefix beats the substring match "Big Acme Ltd"
    expect(await company('ACM')).toBe(1);
    expect(await company('glob')).toBe(3);
    expect(await company('ltd')).toBe(2); // a unique substring
    expect(await company('big acme')).toBe(2);
    const contact = async (ref: string) => id(await run(['contact', 'show', ref, '--json']));
    expect(await contact('zhang')).toBe(1);
    expect(await contact('张伟')).toBe(1); // CJK, inside the name
    expect(await contact('ＺＨＡＮＧ')).toBe(1); // full-width letters fold like the stored key
    expect(await contact('MÜLLER')).toBe(2); // accents keep their case folding
    expect(await contact('jürg')).toBe(2);
    expect(await contact('josé')).toBe(3);
    expect(await contact('Mari\u0301a')).toBe(3); // a decomposed accent composes like the stored name
  });

  it('an exact name, ignoring case, always wins over longer names it starts', async () => {
    const { run, json } = await seed();
    await run(['company', 'add', 'Acme']);
    expect(await json(['company', 'show', 'acme'])).toMatchObject({ id: 4, name: 'Acme' });
    expect(await json(['company', 'show', 'acme g'])).toMatchObject({ id: 1 });
    // An email, domain or external id is as exact as a name.
    expect(await json(['company', 'show', 'acme.example'])).toMatchObject({ id: 1 });
  });

  it('an ambiguous prefix or substring lists the candidates (exit 2); nothing matching is exit 3', async () => {
    const { run } = await seed();
    await run(['company', 'add', 'Acme Corp']);
    const amb = await run(['company', 'show', 'acme']);
    expect([amb.exitCode, amb.stderr]).toEqual([2,
      'error: "acme" matches 2 records: #4 Acme Corp, #1 Acme GmbH (acme.example) (type more of the name, or use the id)\n']);
    const json = await run(['company', 'show', 'acme', '--json']);
    expect(JSON.parse(json.stderr).error).toMatchObject({ code: 'ambiguous',
      candidates: [{ kind: 'company', id: 4, name: 'Acme Corp' }, { kind: 'company', id: 1, name: 'Acme GmbH' }] });
    // No company starts with "e" and every one contains it: partial matches are listed in name order.
    expect((await run(['company', 'show', 'e'])).stderr).toBe(
      'error: "e" matches 4 records: #4 Acme Corp, #1 Acme GmbH (acme.example), #2 Big Acme Ltd, #3 Globex (type more of the name, or use the id)\n');
    const none = await run(['company', 'show', 'initech']);
    expect([none.exitCode, none.stderr]).toEqual([3, `error: no company matches "initech" (try 'crm search "initech"' or use an id)\n`]);
  });

  it('every flag and argument that names a record goes through the same resolver', async () => {
    const { run, json } = await seed();
    expect(await json(['contact', 'add', 'Li Na', '--company', 'glob', '--reports-to', 'müll'])).toMatchObject({
      company: { id: 3, name: 'Globex' }, reportsTo: { id: 2, name: 'Jürgen Müller' } });
    expect(await json(['deal', 'add', 'Globex rollout', '--company', 'globe', '--contact', 'li n'])).toMatchObject({
      company: { id: 3 }, contact: { id: 4 } });
    expect(await json(['deal', 'show', 'rollout'])).toMatchObject({ id: 1 });
    expect(await json(['log', 'call', 'rollout', '--summary', 'Kickoff'])).toMatchObject({ deal: { id: 1 }, company: { id: 3 } });
    expect(await json(['log', 'note', 'globex', '--summary', 'x', '--deal', 'roll', '--contact', 'li'])).toMatchObject({
      company: { id: 3 }, deal: { id: 1 }, contact: { id: 4 } });
    expect(await json(['followup', 'add', 'Send the contract', '--due', 'tomorrow', '--company', 'acme g', '--contact', '张'])).toMatchObject({
      company: { id: 1 }, contact: { id: 1 } });
    expect(await json(['followup', 'done', 'contract'])).toMatchObject({ id: 1, status: 'done' });
    expect((await run(['followup', 'done', 'contract'])).exitCode).toBe(3); // only open follow-ups are named by title
    expect((await json(['history', 'müller'])).map((h: any) => h.action)).toEqual(['create']);
    expect((await json(['log', 'list', '--deal', 'rollout'])).map((a: any) => a.summary)).toEqual(['x', 'Kickoff']);
    expect((await json(['contact', 'list', '--company', 'glob'])).map((c: any) => c.name)).toEqual(['Jürgen Müller', 'Li Na']);
  });

  it('a reference of several kinds lists partial matches across kinds', async () => {
    const { run, json } = await seed();
    await run(['contact', 'add', 'Ben Acme-Smith']);
    // "acme" starts company "Acme GmbH" and is inside contact "Ben Acme-Smith": neither kind outranks the other.
    const amb = await run(['log', 'call', 'acme', '--summary', 'x']);
    expect([amb.exitCode, amb.stderr]).toEqual([2,
      'error: "acme" matches 2 records: contact #4 Ben Acme-Smith, company #1 Acme GmbH (acme.example) (type more of the name, use the id, or qualify the kind, e.g. contact:acme)\n']);
    expect(await json(['log', 'call', 'company:acme', '--summary', 'x'])).toMatchObject({ company: { id: 1 }, contact: null });
    expect(await json(['log', 'call', 'contact:acme', '--summary', 'x'])).toMatchObject({ contact: { id: 4 } });
    // An exact name in one kind wins over partial matches in the others.
    expect(await json(['log', 'call', 'globex', '--summary', 'x'])).toMatchObject({ company: { id: 3 }, contact: null });
  });

  it('a destructive command on a name not spelled out still asks, showing the full name', async () => {
    const { run, json } = await seed();
    const r = await run(['company', 'rm', 'acm']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('delete company #1 Acme GmbH');
    expect(await json(['company', 'show', '1'])).toMatchObject({ name: 'Acme GmbH' });
    expect((await run(['company', 'rm', 'acm', '--yes'])).exitCode).toBe(0);
    expect((await run(['company', 'show', '1'])).exitCode).toBe(3);
  });

  it('crm help references states the order of precedence', async () => {
    const { run } = sandbox();
    const help = (await run(['help', 'references'])).stdout;
    expect(help.split('\n').slice(1, 6)).toEqual([
      'A record is named by the first of these that matches, in this order:',
      '  1. its id: 12 or #12 (digits always mean an id)',
      '  2. its exact name or title, ignoring case; an email (contacts), a domain (companies) or an external id',
      '  3. the start of its name, ignoring case: "acme" finds "Acme GmbH"',
      '  4. a part of its name: "gmbh" finds "Acme GmbH", "张伟" finds "Zhang Wei 张伟"',
    ]);
    expect(help).toContain('a name the text\nstarts beats names that merely contain it');
  });

  it('stages take an exact name or a unique start of one, never the inside', async () => {
    const { run, json } = await seed();
    await run(['deal', 'add', 'Globex rollout', '--stage', 'qual']);
    expect(await json(['deal', 'show', 'rollout'])).toMatchObject({ stage: 'Qualified' });
    expect(await json(['deal', 'move', 'rollout', 'NEG'])).toMatchObject({ stage: 'Negotiation' });
    expect((await json(['deal', 'list', '--stage', 'neg'])).map((d: any) => d.id)).toEqual([1]);
    const amb = await run(['deal', 'move', 'rollout', 'l']);
    expect([amb.exitCode, amb.stderr]).toEqual([2, 'error: STAGE: "l" matches 2 stages: Lead, Lost (type more of the name)\n']);
    const inside = await run(['deal', 'move', 'rollout', 'posal']);
    expect([inside.exitCode, inside.stderr.split(' (')[0]]).toEqual([3, 'error: STAGE: "posal" is not a stage']);
  });
});
