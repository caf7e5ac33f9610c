import { CrmError } from '../../errors.js';
import type { Customer } from '../order.js';
import { idOrder } from '../customer-value.js';
import { grown } from '../grown.js';
import { toMajor } from '../money.js';
import { type BgNbdParams, pAlive, type RFT } from './bgnbd.js';
import { discounted, discountFactors, purchaseCurve, spendFor } from './clv.js';
import type { Diagnosis } from './diagnosis.js';
import type { GammaGammaParams, Spend } from './gammagamma.js';
import { RftIndex } from './rft-index.js';
import { dayNumbers, type PurchaseHistory, rftOf } from './summary.js';

/**
 * From purchase histories to what report clv lists: the models' samples, and per customer the forecasts of the
 * fitted models. Amounts arrive in minor units of the report currency; spend is modelled in major units, so that
 * Gamma-Gamma's scale parameter gamma is in currency units, as published.
 */

/** Among the most valuable fifth, customers whose P(alive) fell below this are "at risk". */
export const AT_RISK_P_ALIVE = 0.5;

/** The report's precision: JSON carries rounded figures, and customers are ranked by them. */
export const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

export interface ClvSample {
  /** x, tx, T per customer, in the order of the histories. */
  rft: RFT[];
  /** Repeat buyers with positive repeat spend: Gamma-Gamma's sample. */
  spend: Spend[];
  repeatBuyers: number;
}

/**
 * The models' inputs, in time units of `unitDays` days, or the error saying why the data cannot carry them: the
 * purchase model needs 10 customers and 2 repeat buyers, the spend model 2 repeat buyers who spent something.
 */
export function clvSample(customers: readonly PurchaseHistory[], asOf: string, unitDays: number, currency: string): ClvSample {
  const day = dayNumbers();
  const rft = customers.map((c) => rftOf(c.first, c.last, c.days, asOf, unitDays, day));
  const repeatBuyers = rft.filter((c) => c.x > 0).length;
  if (customers.length < 10 || repeatBuyers < 2) {
    throw new CrmError('validation', `cannot fit the lifetime-value model: ${customers.length} customers with purchases by ${asOf}, ${repeatBuyers} of them repeat buyers`,
      'the model needs at least 10 customers and some repeat buyers; import more order history (crm order import)');
  }
  const spend = customers.flatMap((c, i) => (rft[i]!.x > 0 && c.repeatSpend > 0 ? [{ x: rft[i]!.x, m: toMajor(c.repeatSpend, currency) / rft[i]!.x }] : []));
  if (spend.length < 2) throw new CrmError('validation', 'cannot fit the spend model: fewer than 2 repeat buyers with positive spend', 'import more order history');
  return { rft, spend, repeatBuyers };
}

export interface ClvTerms {
  /** The forecast horizon in months. */
  months: number;
  /** The monthly discount rate. */
  discount: number;
  unitDays: number;
  currency: string;
}

export interface ClvModels {
  bg: BgNbdParams;
  gg: GammaGammaParams;
  diagnosis: Diagnosis;
}

/**
 * Each customer's value so far and forecasts, the highest CLV first (then value, then id). A degenerate model's
 * forecasts would be made-up numbers: they stay null, and the diagnosis says why. A customer whose first purchase
 * is on the as-of day has no history to project from.
 */
export function customerForecasts(customers: readonly PurchaseHistory[], rft: readonly RFT[], models: ClvModels, terms: ClvTerms,
  describe: (key: string) => { kind: Customer['kind']; id: number; name: string; externalId: string | null }) {
  const table = forecastTable(customers, rft, models, terms, describe);
  return table.order.map(table.row);
}

/**
 * customerForecasts as a ranking and a way to make any customer's row: rows made as they are written, so that
 * 100,000 of them (a quarter of report clv's memory on a million orders) never exist at once. What ranks a
 * customer is kept in columns.
 */
export function forecastTable(customers: readonly PurchaseHistory[], rft: readonly RFT[], models: ClvModels, terms: ClvTerms,
  describe: (key: string) => { kind: Customer['kind']; id: number; name: string; externalId: string | null }) {
  const { bg, gg, diagnosis } = models;
  const purchasesOk = diagnosis.purchaseModel === 'ok';
  const spendOk = diagnosis.spendModel === 'ok';
  const major = (minor: number) => toMajor(minor, terms.currency);
  const factors = discountFactors(terms.months, terms.discount);
  // Customers with the same (x, tx, T) share P(alive) and the expected purchases: each is computed once, kept in
  // flat arrays by group (an object and a curve array per group were a fifth of the peak memory on a million orders).
  const forecasts = new RftIndex<number>();
  const months = terms.months;
  let alive = new Float64Array(1024);
  let curves = new Float64Array(1024 * months);
  const forecast = (r: RFT) => forecasts.get(r, () => {
    const g = forecasts.size;
    if (g === alive.length) {
      alive = grown(alive);
      curves = grown(curves);
    }
    alive[g] = pAlive(bg, r);
    purchaseCurve(bg, r, months, terms.unitDays, curves, g * months);
    return g;
  });
  const n = customers.length;
  const group = new Int32Array(n);
  // Expected spend and CLV, rounded, where `known` has bit 1 (spend) and bit 2 (CLV) set; null elsewhere.
  const spendOf = new Float64Array(n);
  const clvOf = new Float64Array(n);
  const known = new Uint8Array(n);
  const value = new Float64Array(n);
  const ids = new Float64Array(n);
  customers.forEach((c, i) => {
    const r = rft[i]!;
    const tooLittle = r.T <= 0;
    const spend = spendOk && !tooLittle ? spendFor(gg, r.x, r.x > 0 ? major(c.repeatSpend) / r.x : null) : null;
    // The horizon's expected purchases are the curve's last month: the same time, (months x 30.4375) / unitDays.
    const g = purchasesOk && !tooLittle ? forecast(r) : -1;
    group[i] = g;
    if (spend !== null) {
      spendOf[i] = round(spend, 2);
      known[i] = 1;
      if (g >= 0) {
        clvOf[i] = round(discounted(curves, spend, factors, g * months), 2);
        known[i] = 3;
      }
    }
    value[i] = major(c.total);
    ids[i] = idOrder(c.key)[0];
  });
  const rank = (i: number) => (known[i]! & 2 ? clvOf[i]! : -1);
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => rank(j) - rank(i) || value[j]! - value[i]! || ids[i]! - ids[j]!);
  // One object literal per row, in the order JSON lists the fields: spreading a base into each was a third of
  // this function's time and most of report clv's peak memory at 100,000 customers.
  const row = (i: number) => {
    const r = rft[i]!;
    const g = group[i]!;
    const { kind, id, name, externalId } = describe(customers[i]!.key);
    return {
      kind, id, name, externalId, x: r.x, tx: round(r.tx, 4), T: round(r.T, 4), value: value[i]!,
      pAlive: g >= 0 ? round(alive[g]!, 4) : null,
      expectedPurchases: g >= 0 ? round(curves[g * months + months - 1]!, 4) : null,
      expectedSpend: known[i]! & 1 ? spendOf[i]! : null,
      clv: known[i]! & 2 ? clvOf[i]! : null,
      note: (r.T <= 0 ? 'too little history' : null) as string | null,
    };
  };
  return { order, row };
}

export type CustomerForecast = ReturnType<typeof customerForecasts>[number];

/** --at-risk: among the most valuable fifth by what they spent so far, those likely gone; the most valuable first. */
export function atRisk<R extends Pick<CustomerForecast, 'value' | 'pAlive'>>(rows: readonly R[]): R[] {
  const byValue = [...rows].sort((a, b) => b.value - a.value);
  const top = new Set(byValue.slice(0, Math.ceil(byValue.length / 5)));
  return byValue.filter((r) => top.has(r) && r.pAlive !== null && r.pAlive < AT_RISK_P_ALIVE);
}
