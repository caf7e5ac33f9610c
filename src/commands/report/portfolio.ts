import type { Context } from '../../context.js';
import { parseMoney } from '../../domain/money.js';
import { portfolioRow, portfolioSummary, portfolioTable, STRATEGY, walletNote } from '../../domain/portfolio.js';
import { lazyRows } from '../../output/view.js';
import { portfolioView } from '../../output/views/value.js';
import { valueTable } from './customers.js';
import { ratio } from './shared.js';
import type { ReportInput } from './spec.js';

export async function run({ opts }: ReportInput<'portfolio'>, ctx: Context) {
  const v = await valueTable(opts, ctx);
  // analytics.md: BZ = value at or below the cost to serve (default 0).
  const cost = opts.costToServe === undefined ? 0 : parseMoney(opts.costToServe, '--cost-to-serve', v.currency, { allowNegative: true }).minor;
  const directory = await v.directory(true);
  const windowDays = v.table.windowDays(v.asOf, v.since);
  const p = portfolioTable(v.table, v.table.scored(v.asOf), windowDays, directory, v.fx, cost, v.unconverted);
  const summary = portfolioSummary(p);
  return portfolioView({
    asOf: v.asOf, since: v.since, currency: v.currency, windowDays, costToServe: v.money(cost),
    withoutWallet: summary.withoutWallet,
    walletsToRevisit: summary.walletsToRevisit,
    tiers: summary.tiers.map((t) => ({ ...t, value: v.money(t.value) })),
    // Each row is made as it is written (--json), never all at once.
    customers: lazyRows(p.order.length, function* () {
      for (const i of p.order) {
        const r = portfolioRow(p, i);
        const { kind, id, name, externalId } = directory.describe(r.order[1], r.order[0]);
        yield { kind, id, name, externalId, value: v.money(r.value), annualValue: v.money(r.annualValue), wallet: r.wallet === null ? null : v.money(r.wallet),
          shareOfWallet: ratio(r.shareOfWallet), untapped: r.untapped === null ? null : v.money(r.untapped), decile: r.decile, tier: r.tier,
          strategy: STRATEGY[r.tier], revisitWallet: r.revisitWallet,
          note: walletNote(r, r.unconvertedWallet, v.currency) };
      }
    }),
    unconverted: v.unconverted.list(),
  }, v.warnings());
}
