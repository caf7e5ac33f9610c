import type { Context } from '../../context.js';
import { analyseBaskets, type BasketRule, recommend } from '../../domain/basket.js';
import { rejected } from '../../domain/check.js';
import { crossSellView } from '../../output/views/cross-sell.js';
import { resolveCustomer } from '../order/customer.js';
import { reportDates } from './shared.js';
import type { ReportInput } from './spec.js';

const share = (text: string, field: string): number => {
  const t = text.trim();
  const n = t.endsWith('%') ? Number(t.slice(0, -1)) / 100 : Number(t);
  if (t === '' || !Number.isFinite(n) || n < 0 || n > 1) throw rejected(field, text, 'is not a share; give a fraction from 0 to 1, e.g. 0.02, or a percentage, e.g. 2%');
  return n;
};

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** analytics.md "Cross-sell": rules over every invoice with lines, or one customer's next products. */
export async function run({ opts }: ReportInput<'cross-sell'>, ctx: Context) {
  const { asOf, since } = reportDates(opts, ctx);
  const minSupport = share(opts.minSupport, '--min-support');
  const minConfidence = share(opts.minConfidence, '--min-confidence');
  if (!/^\d{1,6}$/.test(opts.top.trim()) || Number(opts.top) < 1) throw rejected('--top', opts.top, 'is not a whole number of at least 1; give e.g. 20');
  const top = Number(opts.top);
  const store = await ctx.store();
  const customer = opts.customer === undefined ? undefined : await resolveCustomer(store, opts.customer);
  const [baskets, products] = await Promise.all([store.products.baskets(asOf, since ?? null), store.products.names()]);
  const code = (id: number) => products.get(id)?.code ?? String(id);
  const name = (id: number) => products.get(id)?.name ?? '';
  const a = analyseBaskets(baskets, minSupport, minConfidence, code);
  const rule = (r: BasketRule) => ({
    antecedent: code(r.antecedent), consequent: code(r.consequent), antecedentName: name(r.antecedent), consequentName: name(r.consequent),
    support: round(r.support), confidence: round(r.confidence), lift: round(r.lift),
  });
  const base = { asOf, since: since ?? null, baskets: a.baskets, minSupport, minConfidence };
  if (customer) {
    const bought = await store.products.boughtBy(customer, asOf);
    const next = recommend(a.rules, bought, code).slice(0, top);
    return crossSellView({ ...base, customer: { kind: customer.kind, id: customer.id, name: customer.name }, bought: bought.size,
      recommendations: next.map((n) => ({ product: code(n.product), name: name(n.product), score: round(n.score), rule: rule(n.rule) })) });
  }
  return crossSellView({ ...base, rules: a.rules.slice(0, top).map(rule) });
}
