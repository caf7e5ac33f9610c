import { describe, expect, it } from 'vitest';
import type { Deal } from '../../src/domain/deal.js';
import { categoryOf, checkParties, lose, probabilityOf, reopen, win } from '../../src/domain/deal-transitions.js';
import { converter, Unconverted } from '../../src/domain/fx.js';
import { dealAt, type DealFacts } from '../../src/domain/reports/deal-state.js';
import type { Stage } from '../../src/domain/stage.js';

const stamps = { uuid: 'u', createdAt: 'x', updatedAt: 'x', createdBy: 'a', updatedBy: 'a' };
const stage = (id: number, name: string, outcome: Stage['outcome'], probability: number, forecastCategory: Stage['forecastCategory']): Stage =>
  ({ id, name, position: id, probability, forecastCategory, outcome, rottingDays: null, ...stamps });
const proposal = stage(3, 'Proposal', 'open', 50, 'best-case');
const negotiation = stage(4, 'Negotiation', 'open', 75, 'commit');
const won = stage(5, 'Won', 'won', 100, 'closed');
const lost = stage(6, 'Lost', 'lost', 0, 'omitted');

const deal = (over: Partial<Deal> = {}): Deal => ({
  id: 7, title: 'Acme renewal', amountMinor: 100_000, currency: 'USD', stageId: proposal.id, stage: proposal, probability: 60,
  forecastCategory: 'commit', expectedClose: '2026-03-31', closedOn: null, owner: 'alice', companyId: 1, contactId: null,
  source: null, nextStep: null, lostReason: null, company: { id: 1, name: 'Acme' }, contact: null, stageChangedAt: 'x',
  lastActivityAt: null, ...stamps, ...over,
});
/** The deal after a transition's fields are written: the stage object follows the stage id. */
const after = (d: Deal, f: ReturnType<typeof win>, s: Stage): Deal => ({ ...d, ...f, stage: s });

describe('deal transitions', () => {
  it('win keeps the override, sets the close date and amount, clears the lost reason', () => {
    const f = win(deal(), won, '2026-03-11', { minor: 120_000, currency: 'USD' });
    expect(f).toMatchObject({ stageId: 5, closedOn: '2026-03-11', amountMinor: 120_000, lostReason: null, probability: 60, forecastCategory: 'commit' });
    const closed = after(deal(), f, won);
    expect([probabilityOf(closed), categoryOf(closed)]).toEqual([100, 'closed']);
  });

  it('lose keeps the override, sets the close date and reason; the closed deal counts 0% omitted', () => {
    const f = lose(deal(), lost, '2026-03-11', 'price');
    expect(f).toMatchObject({ stageId: 6, closedOn: '2026-03-11', lostReason: 'price', probability: 60, forecastCategory: 'commit' });
    const closed = after(deal(), f, lost);
    expect([probabilityOf(closed), categoryOf(closed)]).toEqual([0, 'omitted']);
  });

  it('reopen into the stage it closed from brings the override back; another stage brings its defaults', () => {
    const closed = after(deal(), lose(deal(), lost, '2026-03-11', 'price'), lost);
    const back = reopen(closed, proposal, proposal.id);
    expect(back).toMatchObject({ stageId: 3, closedOn: null, lostReason: null, probability: 60, forecastCategory: 'commit' });
    expect([probabilityOf(after(closed, back, proposal)), categoryOf(after(closed, back, proposal))]).toEqual([60, 'commit']);
    const elsewhere = reopen(closed, negotiation, proposal.id);
    expect(elsewhere).toMatchObject({ stageId: 4, probability: null, forecastCategory: null });
    expect([probabilityOf(after(closed, elsewhere, negotiation)), categoryOf(after(closed, elsewhere, negotiation))]).toEqual([75, 'commit']);
  });

  it('an open deal without an override follows its stage', () => {
    const d = deal({ probability: null, forecastCategory: null });
    expect([probabilityOf(d), categoryOf(d)]).toEqual([50, 'best-case']);
  });

  it('closing again the same way is a conflict (exit 4); the other way needs a reopen (exit 2)', () => {
    const closed = after(deal(), lose(deal(), lost, '2026-03-11', 'price'), lost);
    expect(() => lose(closed, lost, '2026-03-12', 'timing')).toThrow(expect.objectContaining({ exitCode: 4, message: 'deal #7 Acme renewal is already lost' }));
    expect(() => win(closed, won, '2026-03-12', { minor: 1, currency: 'USD' })).toThrow(expect.objectContaining({ exitCode: 2 }));
    expect(() => reopen(deal(), proposal, null)).toThrow(expect.objectContaining({ exitCode: 2, message: 'deal #7 Acme renewal is open' }));
    expect(() => reopen(closed, won, null)).toThrow(expect.objectContaining({ exitCode: 2, message: '--stage: "Won" is not an open stage' }));
  });
});

describe('reports replay the rule', () => {
  it('count a closed deal at its closing stage, though it keeps its override', () => {
    const stages = new Map([proposal, won, lost].map((s) => [s.id, s]));
    const facts = (closing: Stage): DealFacts => ({
      id: 7, title: 'Acme renewal', amountMinor: 100_000, currency: 'USD', owner: 'alice', source: null, lostReason: null,
      createdAt: '2026-03-01T09:00:00.000Z', closedOn: '2026-03-11', expectedClose: '2026-03-31', stageId: closing.id,
      probability: 60, forecastCategory: 'commit', lastActivityAt: null,
      changes: [{ toStageId: proposal.id, at: '2026-03-01T09:00:00.000Z' }, { toStageId: closing.id, at: '2026-03-11T09:00:00.000Z' }],
    });
    const at = (closing: Stage, asOf: string) => dealAt(facts(closing), asOf, stages, converter('USD', {}), new Unconverted())!;
    expect([at(won, '2026-03-12').probability, at(won, '2026-03-12').category]).toEqual([100, 'closed']);
    expect([at(lost, '2026-03-12').probability, at(lost, '2026-03-12').category]).toEqual([0, 'omitted']);
    // Before it closed, it was in Proposal at the stage's defaults: the override belongs to the stage it is in now.
    expect([at(won, '2026-03-05').probability, at(won, '2026-03-05').category]).toEqual([50, 'best-case']);
  });
});

describe('deal parties', () => {
  const acme = { id: 1, name: 'Acme' };
  const globex = { id: 2, name: 'Globex Corp' };
  it('accepts a contact of the company, a contact of none, and a missing side', () => {
    expect(() => checkParties(acme, { id: 3, name: 'Li Na', company: acme }, '--contact')).not.toThrow();
    expect(() => checkParties(acme, { id: 3, name: 'Ola', company: null }, '--contact')).not.toThrow();
    expect(() => checkParties(null, { id: 3, name: 'Li Na', company: globex }, '--contact')).not.toThrow();
    expect(() => checkParties(acme, null, '--company')).not.toThrow();
  });
  it('refuses a contact of another company, naming both and the flag', () => {
    expect(() => checkParties(acme, { id: 3, name: 'Li Na', company: globex }, '--company')).toThrow(expect.objectContaining({
      exitCode: 2,
      message: "--company: Li Na (contact #3) works for Globex Corp (company #2), not for the deal's company Acme (company #1)",
      hint: 'name a contact of Acme, or pass --company "Globex Corp"',
    }));
  });
});
