import type { Context } from '../../context.js';
import type { WinLossGroupResult } from '../../domain/reports/results.js';
import { type WinLossGroup, winLoss } from '../../domain/reports/winloss.js';
import { winLossView } from '../../output/views/reports.js';
import { ratio, reportBasis } from './shared.js';
import { unconvertedWarning } from '../../output/views/notices.js';
import type { ReportInput } from './spec.js';

export async function run({ opts }: ReportInput<'winloss'>, ctx: Context) {
  const b = await reportBasis(opts, ctx);
  const w = winLoss(b.deals, b.window);
  // A computed key is typed as any string; the row names its group by `name` alone.
  const group = <K extends 'source' | 'owner'>(name: K) => (g: WinLossGroup) => ({ [name]: g.key, won: g.won, lost: g.lost, wonAmount: b.money(g.wonAmount),
    lostAmount: b.money(g.lostAmount), winRate: ratio(g.winRate) }) as WinLossGroupResult<K>;
  return winLossView({
    asOf: b.asOf, window: b.window, owner: b.owner ?? null, currency: b.currency,
    won: { deals: w.won, amount: b.money(w.wonAmount) }, lost: { deals: w.lost, amount: b.money(w.lostAmount) },
    winRate: ratio(w.winRate),
    byReason: w.byReason.map((r) => ({ reason: r.reason, deals: r.deals, amount: b.money(r.amount) })),
    bySource: w.bySource.map(group('source')), byOwner: w.byOwner.map(group('owner')),
    unconverted: b.unconverted.list(),
  }, unconvertedWarning(b));
}
