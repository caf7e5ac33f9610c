import type { Context } from '../../context.js';
import { type ChurnInput, churnRisk } from '../../domain/churn.js';
import { trailingWindow } from '../../domain/reports/window.js';
import { CrmError } from '../../errors.js';
import { customerValues } from './customers.js';
import { fittedForecasts } from './model.js';

/**
 * Every customer's purchase days and P(alive) at `asOf` (one pass over the purchase days feeds both), and the
 * trailing 12-month revenue as value at risk; the customers at risk, ranked. When the model cannot be fitted
 * (too few customers), P(alive) is null and `note` says why: rhythm alone judges.
 */
export async function churnAt(ctx: Context, asOf: string, factor?: number, threshold?: number) {
  const days = new Map<string, string[]>();
  // Purchase days arrive customer by customer: the key is made once per customer, not once per day.
  let kindNow = '';
  let idNow = -1;
  let list: string[] = [];
  const collect = (kind: string, id: number, day: string) => {
    if (id !== idNow || kind !== kindNow) {
      [kindNow, idNow] = [kind, id];
      const key = `${kind}:${id}`;
      list = days.get(key) ?? [];
      days.set(key, list);
    }
    if (list.at(-1) !== day) list.push(day);
  };
  let pAlive = new Map<string, number | null>();
  let note: string | null = null;
  try {
    const forecasts = await fittedForecasts(ctx, asOf, collect);
    pAlive = new Map(forecasts.map((f) => [`${f.kind}:${f.id}`, f.pAlive]));
  } catch (e) {
    if (!(e instanceof CrmError)) throw e;
    note = `no P(alive): ${e.message}; customers are judged by their rhythm only`;
    days.clear();
    idNow = -1;
    await (await ctx.store()).customerValue.purchaseDays(asOf, collect);
  }
  const window = trailingWindow(asOf, undefined);
  const v = await customerValues({ asOf, since: window.from }, ctx);
  const revenue = new Map(v.inputs.map((c) => [c.key, c.monetary]));
  const inputs: ChurnInput[] = [...days].map(([key, d]) => ({ key, days: d, valueAtRisk: revenue.get(key) ?? 0, pAlive: pAlive.get(key) ?? null }));
  return { rows: churnRisk(inputs, asOf, factor, threshold), window, note, describe: v.describe, money: v.money, currency: v.currency, customers: inputs.length,
    warnings: v.warnings };
}
