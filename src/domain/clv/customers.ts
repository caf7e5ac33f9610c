import { CrmError } from '../../errors.js';
import type { Customer } from '../order.js';
import { dayNumber } from '../calendar.js';
import { toMajor } from '../money.js';
import { type BgNbdFit, type BgNbdParams, pAlive, type RftColumns } from './bgnbd.js';
import { discounted, discountFactors, purchaseCurve, spendFor } from './clv.js';
import { type Diagnosis, purchaseModelStatus } from './diagnosis.js';
import type { GammaGammaParams, SpendColumns } from './gammagamma.js';
import { RftIndex } from './rft-index.js';
import type { PurchaseHistoryColumns } from './summary.js';

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
  rft: RftColumns;
  /** Repeat buyers with positive repeat spend: Gamma-Gamma's sample. */
  spend: SpendColumns;
  repeatBuyers: number;
}

/**
 * The models' inputs, in time units of `unitDays` days, or the error saying why the data cannot carry them: the
 * purchase model needs 10 customers and 2 repeat buyers, the spend model 2 repeat buyers who spent something.
 */
export function clvSample(customers: PurchaseHistoryColumns, asOf: string, unitDays: number, currency: string): ClvSample {
  const n = customers.length;
  const end = dayNumber(asOf);
  const rft = { length: n, x: new Float64Array(n), tx: new Float64Array(n), T: new Float64Array(n) };
  let repeatBuyers = 0;
  let spenders = 0;
  for (let i = 0; i < n; i++) {
    const x = customers.days[i]! - 1;
    rft.x[i] = x;
    rft.tx[i] = (customers.last[i]! - customers.first[i]!) / unitDays;
    rft.T[i] = (end - customers.first[i]!) / unitDays;
    if (x > 0) repeatBuyers += 1;
    if (x > 0 && customers.repeatSpend[i]! > 0) spenders += 1;
  }
  if (n < 10 || repeatBuyers < 2) {
    throw new CrmError('validation', `cannot fit the lifetime-value model: ${n} customers with purchases by ${asOf}, ${repeatBuyers} of them repeat buyers`,
      'the model needs at least 10 customers and some repeat buyers; import more order history (crm order import)');
  }
  if (spenders < 2) throw new CrmError('validation', 'cannot fit the spend model: fewer than 2 repeat buyers with positive spend', 'import more order history');
  const spend = { x: new Float64Array(spenders), m: new Float64Array(spenders) };
  for (let i = 0, k = 0; i < n; i++) {
    const x = rft.x[i]!;
    if (x > 0 && customers.repeatSpend[i]! > 0) {
      spend.x[k] = x;
      spend.m[k++] = toMajor(customers.repeatSpend[i]!, currency) / x;
    }
  }
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
export function customerForecasts(customers: PurchaseHistoryColumns, rft: RftColumns, models: ClvModels, terms: ClvTerms, describe: Describe) {
  const table = forecastTable(customers, rft, models, terms, describe);
  return table.order.map(table.row);
}

/** A customer as rows name it, by kind (0 a company, 1 a person) and id. */
type Describe = (kind: number, id: number) => { kind: Customer['kind']; id: number; name: string; externalId: string | null };

/**
 * customerForecasts as a ranking and a way to make any customer's row: rows made as they are written, so that
 * 100,000 of them (a quarter of report clv's memory on a million orders) never exist at once. What ranks a
 * customer is kept in columns.
 */
export function forecastTable(customers: PurchaseHistoryColumns, rft: RftColumns, models: ClvModels, terms: ClvTerms, describe: Describe) {
  const { bg, gg, diagnosis } = models;
  const purchasesOk = diagnosis.purchaseModel === 'ok';
  const spendOk = diagnosis.spendModel === 'ok';
  const major = (minor: number) => toMajor(minor, terms.currency);
  const factors = discountFactors(terms.months, terms.discount);
  const months = terms.months;
  const n = customers.length;
  // Expected spend and CLV, rounded, where `known` has bit 1 (spend) and bit 2 (CLV) set; null elsewhere. Spend is
  // kept as computed until CLV is, then rounded.
  const spendOf = new Float64Array(n);
  const clvOf = new Float64Array(n);
  const known = new Uint8Array(n);
  const value = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = rft.x[i]!;
    const spend = spendOk && rft.T[i]! > 0 ? spendFor(gg, x, x > 0 ? major(customers.repeatSpend[i]!) / x : null) : null;
    if (spend !== null) {
      spendOf[i] = spend;
      known[i] = 1;
    }
    value[i] = major(customers.total[i]!);
  }
  // Customers with the same (x, tx, T) share P(alive) and the expected purchases: each group's are computed once.
  // A group's purchase curve serves only its customers' CLV, so they are visited group by group (a counting sort)
  // and one curve's room serves them all: a curve per group was 9 MB on a million orders.
  const groups = new RftIndex(n);
  const group = new Int32Array(n).fill(-1);
  if (purchasesOk) {
    for (let i = 0; i < n; i++) if (rft.T[i]! > 0) group[i] = groups.slot(rft.x[i]!, rft.tx[i]!, rft.T[i]!);
  }
  const size = groups.size;
  const start = new Int32Array(size + 1);
  for (let i = 0; i < n; i++) if (group[i]! >= 0) start[group[i]! + 1]! += 1;
  for (let g = 0; g < size; g++) start[g + 1]! += start[g]!;
  const members = new Int32Array(start[size]!);
  const next = start.slice(0, size);
  for (let i = 0; i < n; i++) if (group[i]! >= 0) members[next[group[i]!]!++] = i;
  const alive = new Float64Array(size);
  // The horizon's expected purchases are the curve's last month: the same time, (months x 30.4375) / unitDays.
  const horizon = new Float64Array(size);
  const curve = new Float64Array(months);
  for (let g = 0; g < size; g++) {
    const first = members[start[g]!]!;
    const r = { x: rft.x[first]!, tx: rft.tx[first]!, T: rft.T[first]! };
    alive[g] = pAlive(bg, r);
    purchaseCurve(bg, r, months, terms.unitDays, curve);
    horizon[g] = curve[months - 1]!;
    for (let k = start[g]!; k < start[g + 1]!; k++) {
      const i = members[k]!;
      if (known[i] === 1) {
        clvOf[i] = round(discounted(curve, spendOf[i]!, factors), 2);
        known[i] = 3;
      }
    }
  }
  for (let i = 0; i < n; i++) if (known[i]! & 1) spendOf[i] = round(spendOf[i]!, 2);
  // The rows read these columns of the histories only.
  const kinds = customers.kind;
  const ids = customers.id;
  const rank = (i: number) => (known[i]! & 2 ? clvOf[i]! : -1);
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => rank(j) - rank(i) || value[j]! - value[i]! || ids[i]! - ids[j]!);
  // One object literal per row, in the order JSON lists the fields: spreading a base into each was a third of
  // this function's time and most of report clv's peak memory at 100,000 customers.
  const row = (i: number) => {
    const g = group[i]!;
    const T = rft.T[i]!;
    const { kind, id, name, externalId } = describe(kinds[i]!, ids[i]!);
    return {
      kind, id, name, externalId, x: rft.x[i]!, tx: round(rft.tx[i]!, 4), T: round(T, 4), value: value[i]!,
      pAlive: g >= 0 ? round(alive[g]!, 4) : null,
      expectedPurchases: g >= 0 ? round(horizon[g]!, 4) : null,
      expectedSpend: known[i]! & 1 ? spendOf[i]! : null,
      clv: known[i]! & 2 ? clvOf[i]! : null,
      note: (T <= 0 ? 'too little history' : null) as string | null,
    };
  };
  return { order, row, value };
}

export type CustomerForecast = ReturnType<typeof customerForecasts>[number];

/**
 * Customer i's P(alive) as its forecastTable row gives it (rounded; null where the purchase model is degenerate or
 * the customer has too little history), from the purchase model alone: it needs neither the spend model nor the
 * purchase curves.
 */
export function aliveOf(bg: BgNbdFit, rft: RftColumns): (i: number) => number | null {
  const ok = purchaseModelStatus(bg) === 'ok';
  return (i) => (ok && rft.T[i]! > 0 ? round(pAlive(bg, { x: rft.x[i]!, tx: rft.tx[i]!, T: rft.T[i]! }), 4) : null);
}

/** --at-risk: among the most valuable fifth by what they spent so far, those likely gone; the most valuable first. */
export function atRisk<R extends Pick<CustomerForecast, 'value' | 'pAlive'>>(rows: readonly R[]): R[] {
  return atRiskOf(rows, (r) => r.value, (r) => r);
}

/** atRisk over a forecast table: only the most valuable fifth's rows are made, not 100,000. */
export function atRiskRows(table: ReturnType<typeof forecastTable>): CustomerForecast[] {
  return atRiskOf(table.order, (i) => table.value[i]!, table.row);
}

/** atRisk over customers that become rows when picked: `value` is what they spent, as their rows say. */
function atRiskOf<C, R extends Pick<CustomerForecast, 'pAlive'>>(customers: readonly C[], value: (c: C) => number, row: (c: C) => R): R[] {
  const byValue = [...customers].sort((a, b) => value(b) - value(a));
  return byValue.slice(0, Math.ceil(byValue.length / 5)).map(row).filter((r) => r.pAlive !== null && r.pAlive < AT_RISK_P_ALIVE);
}
