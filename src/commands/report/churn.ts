import type { Context } from '../../context.js';
import { check, listLimit, rejected } from '../../domain/check.js';
import { DEFAULT_FACTOR, DEFAULT_THRESHOLD } from '../../domain/churn.js';
import { isoDate, parseWhen } from '../../domain/dates.js';
import { lazyRows } from '../../output/view.js';
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
  const count = Math.min(c.order.length, limit ?? Infinity);
  // The sum in rank order, as the rows are listed.
  let valueAtRisk = 0;
  for (const i of c.order) valueAtRisk += c.valueAtRisk[i]!;
  const describe = await c.names();
  return churnView({
    asOf, factor, threshold, currency: c.currency, window: c.window, customers: c.customers, atRisk: c.order.length,
    valueAtRisk: c.money(valueAtRisk),
    rows: lazyRows(count, function* () {
      for (let k = 0; k < count; k++) {
        const r = c.row(c.order[k]!);
        const { kind, id, name, externalId } = describe(r.key);
        // One object literal in the order JSON lists the fields: a spread into each row made it several times larger.
        yield { kind, id, name, externalId, valueAtRisk: c.money(r.valueAtRisk), lastPurchase: r.lastPurchase, purchaseDays: r.purchaseDays,
          gap: r.gap, rhythm: r.rhythm, overdue: r.overdue, pAlive: r.pAlive, reasons: r.reasons };
      }
    }),
  }, [...(c.note ? [c.note] : []), ...c.warnings()]);
}
