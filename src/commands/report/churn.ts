import type { Context } from '../../context.js';
import { check, listLimit, rejected } from '../../domain/check.js';
import { DEFAULT_FACTOR, DEFAULT_THRESHOLD } from '../../domain/churn.js';
import { isoDate, parseWhen } from '../../domain/dates.js';
import { churnView } from '../../output/views/churn.js';
import { churnAt } from './churn-data.js';
import type { ReportInput } from './spec.js';

const positive = (text: string, field: string, max: number, example: string) => {
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(n) || n <= 0 || n > max) throw rejected(field, text, `is not a number above 0 and at most ${max}; give e.g. ${example}`);
  return n;
};

export async function run({ opts }: ReportInput<'churn'>, ctx: Context) {
  const asOf = opts.asOf === undefined ? isoDate(ctx.now) : isoDate(parseWhen(opts.asOf, ctx.now, '--as-of').at);
  const factor = opts.factor === undefined ? DEFAULT_FACTOR : positive(opts.factor, '--factor', 100, '2');
  const threshold = opts.threshold === undefined ? DEFAULT_THRESHOLD : positive(opts.threshold, '--threshold', 1, '0.5');
  const limit = check(listLimit, opts.limit, '--limit');
  const c = await churnAt(ctx, asOf, factor, threshold);
  const rows = limit === undefined ? c.rows : c.rows.slice(0, limit);
  return churnView({
    asOf, factor, threshold, currency: c.currency, window: c.window, customers: c.customers, atRisk: c.rows.length,
    valueAtRisk: c.money(c.rows.reduce((a, r) => a + r.valueAtRisk, 0)),
    rows: rows.map((r) => ({ ...c.describe(r.key), valueAtRisk: c.money(r.valueAtRisk), lastPurchase: r.lastPurchase, purchaseDays: r.purchaseDays,
      gap: r.gap, rhythm: r.rhythm, overdue: r.overdue, pAlive: r.pAlive, reasons: r.reasons })),
  }, [...(c.note ? [c.note] : []), ...c.warnings()]);
}
