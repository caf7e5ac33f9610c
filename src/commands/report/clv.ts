import type { Input } from '../../cli/action.js';
import type { Context } from '../../context.js';
import { expectedPurchases, fitBgNbd, pAlive } from '../../domain/clv/bgnbd.js';
import { clv, spendFor } from '../../domain/clv/clv.js';
import { diagnose } from '../../domain/clv/diagnosis.js';
import { fitGammaGamma } from '../../domain/clv/gammagamma.js';
import { checkCount, checkLimit } from '../../domain/checks.js';
import { dayNumber } from '../../domain/calendar.js';
import { isoDate, parseWhen } from '../../domain/dates.js';
import { converter, Unconverted } from '../../domain/fx.js';
import { toMajor } from '../../domain/money.js';
import { CrmError, invalid } from '../../errors.js';
import { fitProgress } from '../../io/progress.js';
import { clvView } from '../../output/views/value.js';
import { CustomerValueData } from '../../store/customer-value.js';
import { unconvertedWarning } from './shared.js';

interface Flags {
  asOf?: string;
  unit: 'day' | 'week';
  horizon: string;
  discount: string;
  atRisk?: boolean;
  limit?: string;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Customers whose P(alive) fell below this, among the most valuable fifth, are "at risk". */
const AT_RISK_P_ALIVE = 0.5;

export async function run({ opts }: Input<Flags>, ctx: Context) {
  const asOf = opts.asOf === undefined ? isoDate(ctx.now) : isoDate(parseWhen(opts.asOf, ctx.now, '--as-of').at);
  const months = checkCount(opts.horizon, '--horizon')!;
  if (months < 1 || months > 120) throw invalid('--horizon', `${months} months is out of range`, 'give 1 to 120 months');
  const discount = Number(opts.discount);
  if (!/^\d*\.?\d+$/.test(opts.discount.trim()) || discount >= 1) throw invalid('--discount', `"${opts.discount}" is not a monthly rate`, 'give a fraction such as 0.01 (1% a month)');
  const limit = checkLimit(opts.limit);
  const unitDays = opts.unit === 'day' ? 1 : 7;
  const store = await ctx.store();
  const data = new CustomerValueData(store);
  const fx = converter(ctx.currency, ctx.config.rates ?? {});
  const unconverted = new Unconverted();

  // One pass over the purchase days, customer by customer (rows come grouped and in date order).
  interface Acc { key: string; first: string; last: string; days: number; repeatSum: number; firstDayTotal: number; total: number }
  const customers: Acc[] = [];
  let cur: Acc | undefined;
  data.purchaseDays(asOf, (kind, id, day, currency, minor, orders) => {
    const amount = fx.convert(minor, currency);
    if (amount === null) {
      unconverted.add('order', currency, minor, orders);
      return;
    }
    const key = `${kind}:${id}`;
    if (!cur || cur.key !== key) {
      cur = { key, first: day, last: day, days: 1, repeatSum: 0, firstDayTotal: amount, total: amount };
      customers.push(cur);
      return;
    }
    cur.total += amount;
    if (day === cur.last) {
      if (cur.days === 1) cur.firstDayTotal += amount;
      else cur.repeatSum += amount;
    } else {
      cur.days += 1;
      cur.last = day;
      cur.repeatSum += amount;
    }
  });
  const rft = customers.map((c) => ({ x: c.days - 1, tx: (dayNumber(c.last) - dayNumber(c.first)) / unitDays, T: (dayNumber(asOf) - dayNumber(c.first)) / unitDays }));
  const repeat = rft.filter((c) => c.x > 0).length;
  if (customers.length < 10 || repeat < 2) {
    throw new CrmError('validation', `cannot fit the lifetime-value model: ${customers.length} customers with purchases by ${asOf}, ${repeat} of them repeat buyers`,
      'the model needs at least 10 customers and some repeat buyers; import more order history (crm order import)');
  }
  // Spend is modelled in major units: the scale parameter gamma is then in currency units, as published.
  const major = (minor: number) => toMajor(minor, ctx.currency);
  const spendData = customers.flatMap((c, i) => (rft[i]!.x > 0 && c.repeatSum > 0 ? [{ x: rft[i]!.x, m: major(c.repeatSum) / rft[i]!.x }] : []));
  if (spendData.length < 2) throw new CrmError('validation', 'cannot fit the spend model: fewer than 2 repeat buyers with positive spend', 'import more order history');
  const meter = fitProgress(ctx.streams.stderr);
  const bg = fitBgNbd(rft, { onIteration: (i, ll) => meter.show(`fitting the purchase model (BG/NBD): iteration ${i}, log-likelihood ${ll.toFixed(2)}`) });
  const gg = fitGammaGamma(spendData, { onIteration: (i, ll) => meter.show(`fitting the spend model (Gamma-Gamma): iteration ${i}, log-likelihood ${ll.toFixed(2)}`) });
  meter.done();
  // A degenerate model's forecasts would be made-up numbers: they stay null, and the diagnosis says why.
  const diagnosis = diagnose(bg, gg);
  const purchasesOk = diagnosis.purchaseModel === 'ok';
  const spendOk = diagnosis.spendModel === 'ok';
  const names = data.names();
  const horizonUnits = (months * 30.4375) / unitDays;
  let rows = customers.map((c, i) => {
    const [kind, id] = c.key.split(':') as ['company' | 'contact', string];
    const n = names.get(c.key);
    const base = { kind, id: Number(id), name: n?.name ?? '', externalId: n?.externalId ?? null, x: rft[i]!.x,
      tx: round(rft[i]!.tx, 4), T: round(rft[i]!.T, 4), value: major(c.total) };
    // A customer whose first purchase is on the as-of day has no history to project from.
    if (rft[i]!.T <= 0) return { ...base, pAlive: null, expectedPurchases: null, expectedSpend: null, clv: null, note: 'too little history' };
    const spend = spendOk ? spendFor(gg, rft[i]!.x, rft[i]!.x > 0 ? major(c.repeatSum) / rft[i]!.x : null) : null;
    return {
      ...base,
      pAlive: purchasesOk ? round(pAlive(bg, rft[i]!), 4) : null,
      expectedPurchases: purchasesOk ? round(expectedPurchases(bg, rft[i]!, horizonUnits), 4) : null,
      expectedSpend: spend === null ? null : round(spend, 2),
      clv: purchasesOk && spend !== null ? round(clv(bg, rft[i]!, spend, months, discount, unitDays), 2) : null,
      note: null as string | null,
    };
  });
  rows.sort((a, b) => (b.clv ?? -1) - (a.clv ?? -1) || b.value - a.value || a.id - b.id);
  if (opts.atRisk) {
    // Valuable = the top fifth by what they spent so far.
    const byValue = [...rows].sort((a, b) => b.value - a.value);
    const top = new Set(byValue.slice(0, Math.ceil(byValue.length / 5)));
    rows = byValue.filter((r) => top.has(r) && r.pAlive !== null && r.pAlive < AT_RISK_P_ALIVE);
  }
  return clvView({
    asOf, unit: opts.unit, horizonMonths: months, discount, currency: ctx.currency, atRisk: Boolean(opts.atRisk),
    model: { r: round(bg.r, 6), alpha: round(bg.alpha, 6), a: round(bg.a, 6), b: round(bg.b, 6), logLikelihood: round(bg.logLikelihood, 4),
      customers: customers.length, repeatBuyers: repeat },
    spendModel: { p: round(gg.p, 6), q: round(gg.q, 6), gamma: round(gg.gamma, 6), logLikelihood: round(gg.logLikelihood, 4) },
    diagnosis,
    customers: limit === undefined ? rows : rows.slice(0, limit),
    unconverted: unconverted.list(),
  }, unconvertedWarning({ unconverted, currency: ctx.currency, rates: ctx.config.rates ?? {}, locale: ctx.locale }));
}
