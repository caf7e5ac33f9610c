import { describe, expect, it } from 'vitest';
import { campaignResult, drawHoldout, holdoutShare, type MemberFacts, seeded, windowEnd } from '../../src/domain/campaign.js';

const C = { startsOn: '2026-03-01', endsOn: '2026-03-31', windowDays: 30, budgetMinor: 10_000, costMinor: null };
const member = (group: 'treated' | 'holdout', respondedOn: string | null, orders: [string, number][] = []): MemberFacts =>
  ({ group, touchedOn: group === 'treated' ? '2026-03-02' : null, respondedOn, orders: orders.map(([date, amountMinor]) => ({ date, amountMinor })) });

describe('campaign results (analytics.md "Campaigns"), worked on paper', () => {
  /*
   * Treated: 8 members. Two recorded responses, two bought in the window (300.00 and 600.00), one bought before the
   * start (not a response, not counted), one had a refund of 100.00 in the window (not a response; counted in revenue).
   *   responders 4 of 8: p1 = 0.5; revenue 300 + 600 - 100 = 800.00; per member 800 / 8 = 100.00
   * Holdout: 4 members; one bought 200.00 in the window, one responded after the window (2026-05-01 > 2026-04-30).
   *   responders 1 of 4: p2 = 0.25; revenue 200.00; per member 50.00
   * Lift = 0.5 - 0.25 = 0.25
   *   se = sqrt(0.5 x 0.5 / 8 + 0.25 x 0.75 / 4) = sqrt(0.03125 + 0.046875) = sqrt(0.078125) = 0.2795085
   *   z se = 1.959964 x 0.2795085 = 0.5478266; interval 0.25 -+ 0.5478266 = [-0.2978266, 0.7978266]
   *   relative = 0.5 / 0.25 - 1 = 1
   * Incremental revenue = (100 - 50) x 8 = 400.00; cost = budget 100.00; ROI = (400 - 100) / 100 = 3
   */
  const members = [
    member('treated', '2026-03-05'), member('treated', '2026-04-30'), member('treated', null, [['2026-03-10', 30_000]]),
    member('treated', null, [['2026-04-20', 60_000]]), member('treated', null, [['2026-02-27', 99_900]]),
    member('treated', null, [['2026-03-15', -10_000]]), member('treated', null), member('treated', null),
    member('holdout', null, [['2026-03-20', 20_000]]), member('holdout', '2026-05-01'), member('holdout', null), member('holdout', null),
  ];

  it('gives response rates, lift with its 95% interval, revenue per member, incremental revenue and ROI', () => {
    const r = campaignResult(C, members);
    expect(r.window).toEqual({ from: '2026-03-01', to: '2026-04-30' });
    expect(r.groups.treated).toEqual({ members: 8, responded: 4, rate: 0.5, revenue: 80_000, revenuePerMember: 10_000 });
    expect(r.groups.holdout).toEqual({ members: 4, responded: 1, rate: 0.25, revenue: 20_000, revenuePerMember: 5_000 });
    expect(r.lift!.absolute).toBeCloseTo(0.25, 10);
    expect(r.lift!.low).toBeCloseTo(-0.2978266, 6);
    expect(r.lift!.high).toBeCloseTo(0.7978266, 6);
    expect(r.lift!.relative).toBeCloseTo(1, 10);
    expect(r.incrementalRevenue).toBe(40_000);
    expect(r.roi).toBe(3);
    expect(r.contacted).toBe(8);
  });

  it('uses the actual cost when recorded: ROI = (400 - 250) / 250 = 0.6', () => {
    expect(campaignResult({ ...C, costMinor: 25_000 }, members).roi).toBeCloseTo(0.6, 10);
  });

  it('without a holdout reports response but no lift, incremental revenue or ROI, and says why', () => {
    const r = campaignResult(C, members.filter((m) => m.group === 'treated'));
    expect(r.groups.treated.rate).toBe(0.5);
    expect([r.lift, r.incrementalRevenue, r.roi]).toEqual([null, null, null]);
    expect(r.liftNote).toBe('no holdout group: lift cannot be measured (target with --holdout, e.g. 10%)');
  });

  it('has no relative lift when the holdout rate is zero', () => {
    const r = campaignResult(C, [member('treated', '2026-03-03'), member('treated', null), member('holdout', null), member('holdout', null)]);
    // p1 = 0.5, p2 = 0: se = sqrt(0.25 / 2 + 0) = 0.3535534; z se = 0.6929519
    expect(r.lift).toMatchObject({ absolute: 0.5, relative: null });
    expect(r.lift!.high).toBeCloseTo(1.1929519, 6);
  });
});

describe('the holdout draw', () => {
  it('is reproducible from the seed and independent of the order members come in', () => {
    const ms = Array.from({ length: 200 }, (_, i) => ({ kind: 'contact' as const, id: i + 1 }));
    const a = drawHoldout(ms, 0.1, 42);
    const b = drawHoldout([...ms].reverse(), 0.1, 42);
    expect(b).toEqual(a);
    expect(drawHoldout(ms, 0.1, 43)).not.toEqual(a);
    const n = a.filter((m) => m.group === 'holdout').length;
    expect(n).toBeGreaterThan(5);
    expect(n).toBeLessThan(40);
    // Member i is holdout exactly when the i-th draw of the generator is below the share.
    const next = seeded(42);
    expect(a.map((m) => m.group)).toEqual(ms.map(() => (next() < 0.1 ? 'holdout' : 'treated')));
  });

  it('reads shares as percentages', () => {
    expect([holdoutShare('10%', 'x'), holdoutShare('12.5', 'x'), holdoutShare('0.2', 'x'), holdoutShare('0%', 'x')]).toEqual([0.1, 0.125, 0.2, 0]);
    expect(() => holdoutShare('100%', '--holdout')).toThrow('--holdout: "100%" is not a holdout share');
    expect(windowEnd({ endsOn: '2026-12-15', windowDays: 30 })).toBe('2027-01-14');
  });
});
