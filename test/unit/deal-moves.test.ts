import { describe, expect, it } from 'vitest';
import type { Deal } from '../../src/domain/deal.js';
import {
  categoryOf, checkMoveTarget, checkRemovable, enterStage, move, probabilityOf, reopenStage, undoesWinOrder, winOrder,
} from '../../src/domain/deal-transitions.js';
import { renumbered, type Stage } from '../../src/domain/stage.js';

const stamps = { uuid: 'u', createdAt: 'x', updatedAt: 'x', createdBy: 'a', updatedBy: 'a' };
const stage = (id: number, name: string, outcome: Stage['outcome'], probability: number, forecastCategory: Stage['forecastCategory'], position = id): Stage =>
  ({ id, name, position, probability, forecastCategory, outcome, rottingDays: null, ...stamps });
const lead = stage(1, 'Lead', 'open', 10, 'pipeline');
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
const inStage = (d: Deal, f: ReturnType<typeof move>, s: Stage): Deal => ({ ...d, ...f, stage: s });

describe('deal move', () => {
  it('into another stage: that stage\'s probability and category, unless a probability is given for it', () => {
    const plain = move(deal(), negotiation, null);
    expect(plain).toMatchObject({ stageId: 4, probability: null, forecastCategory: null, closedOn: null });
    expect([probabilityOf(inStage(deal(), plain, negotiation)), categoryOf(inStage(deal(), plain, negotiation))]).toEqual([75, 'commit']);
    const given = move(deal(), negotiation, 80);
    expect([probabilityOf(inStage(deal(), given, negotiation)), categoryOf(inStage(deal(), given, negotiation))]).toEqual([80, 'commit']);
  });

  it('to where it is with the probability it has changes nothing; a new probability there drops the category override', () => {
    expect(move(deal(), proposal, 60)).toEqual(deal());
    expect(move(deal(), proposal, 70)).toMatchObject({ stageId: 3, probability: 70, forecastCategory: null });
  });

  it('refuses a closed deal (reopen first) and a closing stage (win or lose instead), exit 2', () => {
    const closed = deal({ stageId: won.id, stage: won, closedOn: '2026-03-11' });
    expect(() => move(closed, negotiation, null)).toThrow(expect.objectContaining({
      exitCode: 2, message: 'deal #7 Acme renewal is won', hint: 'reopen it first: crm deal reopen 7' }));
    expect(() => move(deal(), won, null)).toThrow(expect.objectContaining({
      exitCode: 2, message: 'STAGE: "Won" closes the deal', hint: 'use crm deal win 7' }));
    expect(() => move(deal(), lost, null)).toThrow(expect.objectContaining({ hint: 'use crm deal lose 7' }));
  });
});

describe('the order a win records', () => {
  const amount = { minor: 120_000, currency: 'EUR' };
  it('books the final amount on the close date, for the company, else the contact\'s company, else the contact', () => {
    expect(winOrder(deal(), '2026-03-11', amount, null, true)).toEqual({ customer: { kind: 'company', id: 1, name: 'Acme' },
      orderedOn: '2026-03-11', amountMinor: 120_000, currency: 'EUR', reference: null, dealId: 7 });
    const noCompany = deal({ companyId: null, company: null, contactId: 3, contact: { id: 3, name: 'Li Na' } });
    expect(winOrder(noCompany, '2026-03-11', amount, { id: 3, name: 'Li Na', company: { id: 2, name: 'Globex' } }, true)?.customer)
      .toEqual({ kind: 'company', id: 2, name: 'Globex' });
    expect(winOrder(noCompany, '2026-03-11', amount, { id: 3, name: 'Li Na', company: null }, true)?.customer)
      .toEqual({ kind: 'contact', id: 3, name: 'Li Na' });
  });

  it('records none with --no-order, and needs a customer otherwise', () => {
    const nobody = deal({ companyId: null, company: null });
    expect(winOrder(nobody, '2026-03-11', amount, null, false)).toBeNull();
    expect(() => winOrder(nobody, '2026-03-11', amount, null, true)).toThrow(expect.objectContaining({
      exitCode: 2, message: 'DEAL: deal #7 has no company or contact to record the order for',
      hint: 'link one (crm deal edit 7 --company NAME) or pass --no-order' }));
  });
});

describe('reopen', () => {
  it('goes back to the stage the deal closed from, else to the first open stage; only a win\'s reopen takes its order back', () => {
    const stages = [lead, proposal, negotiation, won, lost];
    expect(reopenStage(stages, negotiation.id)).toBe(negotiation);
    expect(reopenStage(stages, 99)).toBe(lead); // the stage it closed from was removed since
    expect(reopenStage(stages, null)).toBe(lead);
    expect(() => reopenStage([won, lost], null)).toThrow(expect.objectContaining({ exitCode: 2, message: 'there is no open stage to reopen the deal in' }));
    expect([undoesWinOrder({ stage: won }), undoesWinOrder({ stage: lost })]).toEqual([true, false]);
  });
});

describe('stage removal', () => {
  it('keeps the only won or lost stage; open stages and a second won stage may go', () => {
    expect(() => checkRemovable(won, [proposal, won, lost])).toThrow(expect.objectContaining({ exitCode: 4,
      message: '"Won" is the only won stage; deals need one to be won',
      hint: 'add another won stage first (crm stage add NAME --outcome won)' }));
    expect(() => checkRemovable(won, [proposal, won, stage(8, 'Won online', 'won', 100, 'closed'), lost])).not.toThrow();
    expect(() => checkRemovable(proposal, [proposal, won, lost])).not.toThrow();
  });

  it('moves the deals in it to another stage of the same outcome, named with --move-to', () => {
    expect(() => checkMoveTarget(proposal, 0, null)).not.toThrow();
    expect(() => checkMoveTarget(proposal, 2, null)).toThrow(expect.objectContaining({ exitCode: 4,
      message: '2 deals are in stage "Proposal"', hint: 'pass --move-to STAGE to move them first' }));
    expect(() => checkMoveTarget(proposal, 1, null)).toThrow(expect.objectContaining({ message: '1 deal is in stage "Proposal"' }));
    expect(() => checkMoveTarget(proposal, 1, proposal)).toThrow(expect.objectContaining({ exitCode: 2, message: '--move-to names the stage being removed' }));
    expect(() => checkMoveTarget(proposal, 1, won)).toThrow(expect.objectContaining({ exitCode: 2,
      message: '--move-to: "Won" is a won stage, "Proposal" an open one', hint: 'move the deals to another open stage' }));
    expect(() => checkMoveTarget(proposal, 1, negotiation)).not.toThrow();
    // Each deal enters the target with its defaults, as a move without --probability does.
    expect(enterStage(deal(), negotiation)).toEqual(move(deal(), negotiation, null));
  });

  it('renumbers the stages left 1..n in pipeline order', () => {
    const left = [stage(1, 'Lead', 'open', 10, 'pipeline', 1), stage(2, 'Qualified', 'open', 25, 'pipeline', 2),
      stage(4, 'Negotiation', 'open', 75, 'commit', 4), stage(5, 'Won', 'won', 100, 'closed', 5)];
    expect(renumbered(left).map((r) => [r.stage.name, r.position])).toEqual([['Negotiation', 3], ['Won', 4]]);
    expect(renumbered(left.slice(0, 2))).toEqual([]);
  });
});
