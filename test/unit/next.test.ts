import { describe, expect, it } from 'vitest';
import { type NextFacts, nextActions, rankActions, shellWord, weekEnd } from '../../src/domain/next.js';

const facts: NextFacts = {
  today: '2026-03-09', // a Monday; the week ends Sunday 2026-03-15
  followups: [
    { id: 1, title: 'Send quote', dueDate: '2026-03-09', priority: 'high', about: 'Acme' },
    { id: 2, title: 'Call back', dueDate: '2026-03-06', priority: 'normal', about: null },
    { id: 3, title: 'Renewal prep', dueDate: '2026-03-02', priority: 'low', about: null },
    { id: 4, title: 'Urgent', dueDate: '2026-03-08', priority: 'high', about: null },
  ],
  deals: [
    { id: 10, title: 'Small closing', amountMinor: 1_000_00, currency: 'EUR', stage: 'Negotiation', expectedClose: '2026-03-13', nextStep: null, idleDays: 30, rottingDays: 14 },
    { id: 11, title: 'Big closing', amountMinor: 9_000_00, currency: 'EUR', stage: 'Proposal', expectedClose: '2026-03-15', nextStep: null, idleDays: 1, rottingDays: 14 },
    { id: 12, title: 'Has a step', amountMinor: 5_000_00, currency: 'EUR', stage: 'Proposal', expectedClose: '2026-03-10', nextStep: 'sign', idleDays: 2, rottingDays: 14 },
    { id: 13, title: 'Rotting', amountMinor: 2_000_00, currency: 'EUR', stage: 'Lead', expectedClose: '2026-06-01', nextStep: 'x', idleDays: 31, rottingDays: 30 },
    { id: 14, title: 'Fresh', amountMinor: 7_000_00, currency: 'EUR', stage: 'Lead', expectedClose: null, nextStep: null, idleDays: 30, rottingDays: 30 },
  ],
  atRisk: [{ kind: 'company', id: 5, name: "O'Brien Ltd", valueAtRiskMinor: 800_00, currency: 'EUR', why: 'P(alive) 20% is below 50%' }],
  campaignMembers: [{ campaign: 'Spring 2026', channel: 'email', kind: 'contact', id: 7, name: 'Ann', endsOn: '2026-03-31' }],
  crossSell: [{ kind: 'company', id: 6, name: 'Globex', product: 'P2', productName: 'Mug', because: 'P1', confidence: 0.5, lift: 3 }],
};

describe('crm next: the ranking', () => {
  it('lists overdue follow-ups by priority then age, then today\'s; deals closing this week without a step by amount; stale deals; at risk; campaign; cross-sell', () => {
    const a = rankActions(nextActions(facts));
    expect(a.map((x) => `${x.kind}:${x.subject.id}`)).toEqual([
      'followup:4', 'followup:2', 'followup:3', 'followup:1', // overdue (high, then normal, low), then due today
      'closing:11', 'closing:10', // 12 has a next step; 10 also rots but is listed once, as closing
      'stale:13', // 31 > 30; 14 is at 30, not past it
      'at-risk:5', 'campaign:7', 'cross-sell:6',
    ]);
    expect(a[0]).toEqual({ rank: 1, kind: 'followup', subject: { kind: 'followup', id: 4, name: 'Urgent' }, reason: 'overdue by 1 day, high priority',
      command: 'crm followup done 4', amount: null, currency: null });
    expect(a[3]!.reason).toBe('due today, high priority (Acme)');
    expect(a[4]).toMatchObject({ reason: 'closes this week (2026-03-15) in Proposal with no next step', amount: 9000, currency: 'EUR',
      command: "crm deal edit 11 --next-step 'agree the close'" });
    expect(a[7]!.command).toBe("crm log call company:5 --summary 'win-back call'");
    expect(a[8]!.command).toBe("crm campaign touch 'Spring 2026' contact:7");
    expect(a[9]!.reason).toBe('likely to buy P2 Mug: 50% of baskets with P1 have it (lift 3.0)');
  });

  it('quotes for the shell and knows the week', () => {
    expect(shellWord("O'Brien Ltd")).toBe(`'O'\\''Brien Ltd'`);
    expect(shellWord('deal:12')).toBe('deal:12');
    expect(weekEnd('2026-03-09')).toBe('2026-03-15');
    expect(weekEnd('2026-03-15')).toBe('2026-03-15');
  });
});
