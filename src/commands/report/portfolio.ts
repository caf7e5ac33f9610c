import type { Context } from '../../context.js';
import { decileOf } from '../../domain/deciles.js';
import { parseMoney } from '../../domain/money.js';
import { portfolio, STRATEGY, type Tier, walletNote } from '../../domain/portfolio.js';
import { portfolioView } from '../../output/views/value.js';
import { customerValues, idOrder } from './customers.js';
import { ratio } from './shared.js';
import type { ReportInput } from './spec.js';

export async function run({ opts }: ReportInput<'portfolio'>, ctx: Context) {
  const v = await customerValues(opts, ctx);
  // analytics.md: BZ = value at or below the cost to serve (default 0).
  const cost = opts.costToServe === undefined ? 0 : parseMoney(opts.costToServe, '--cost-to-serve', v.currency, { allowNegative: true }).minor;
  const deciles = decileOf(v.inputs.map((c) => ({ key: c.key, order: idOrder(c.key), monetary: c.monetary })));
  const decileByKey = new Map([...deciles].map(([c, d]) => [c.key, d]));
  // A wallet estimate in another currency converts like an order; one without a rate is named, not taken as missing.
  const noRate = new Map<string, string>();
  const rows = portfolio([...v.names.keys()].filter((key) => v.all.has(key) || !v.leftOut.has(key)).map((key) => {
    const n = v.names.get(key)!;
    const hasWallet = n.walletMinor !== null && n.walletCurrency !== null;
    const wallet = hasWallet ? v.fx.convert(n.walletMinor!, n.walletCurrency!) : null;
    if (hasWallet && wallet === null) noRate.set(key, n.walletCurrency!);
    const a = v.all.get(key);
    return { key, order: idOrder(key), value: a?.monetary ?? 0, wallet, hasWallet, hasOrders: a !== undefined, decile: decileByKey.get(key) ?? null };
  }), v.windowDays, cost).filter((r) => r.hasOrders || r.tier === 'prospect')
    .sort((a, b) => b.value - a.value || (b.wallet ?? 0) - (a.wallet ?? 0) || a.order[0] - b.order[0] || a.order[1] - b.order[1]);
  for (const r of rows) {
    const currency = noRate.get(r.key);
    if (currency !== undefined) v.unconverted.add('wallet', currency, v.names.get(r.key)!.walletMinor!);
  }
  const tiers: Tier[] = ['MVC', 'MGC', 'maintain', 'BZ', 'prospect'];
  return portfolioView({
    asOf: v.asOf, since: v.since, currency: v.currency, windowDays: v.windowDays, costToServe: v.money(cost),
    withoutWallet: rows.filter((r) => !r.hasWallet).length,
    walletsToRevisit: rows.filter((r) => r.revisitWallet).length,
    tiers: tiers.map((tier) => {
      const members = rows.filter((r) => r.tier === tier);
      return { tier, strategy: STRATEGY[tier], customers: members.length, value: v.money(members.reduce((s, r) => s + r.value, 0)) };
    }),
    customers: rows.map((r) => ({
      ...v.describe(r.key), value: v.money(r.value), annualValue: v.money(r.annualValue), wallet: r.wallet === null ? null : v.money(r.wallet),
      shareOfWallet: ratio(r.shareOfWallet), untapped: r.untapped === null ? null : v.money(r.untapped), decile: r.decile, tier: r.tier,
      strategy: STRATEGY[r.tier], revisitWallet: r.revisitWallet,
      note: walletNote(r, noRate.get(r.key), v.currency),
    })),
    unconverted: v.unconverted.list(),
  }, v.warnings());
}
