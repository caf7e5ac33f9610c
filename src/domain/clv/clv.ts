import { type BgNbdParams, expectedPurchases, type RFT } from './bgnbd.js';
import { expectedSpend, type GammaGammaParams } from './gammagamma.js';

/** Days in an average month; a month is 30.4375 days or 4.348 weeks of model time. */
export const DAYS_PER_MONTH = 365.25 / 12;

/**
 * analytics.md: CLV over a horizon = sum over months k of E[M] x (E[Y(k)] - E[Y(k-1)]) / (1 + d)^k, with a monthly
 * discount d. `unitDays` converts months into the models' time unit.
 */
export function clv(bg: BgNbdParams, c: RFT, spend: number, months: number, discount: number, unitDays: number): number {
  return discounted(purchaseCurve(bg, c, months, unitDays), spend, discountFactors(months, discount));
}

/**
 * E[Y(k months)] for k = 1..months: what CLV weighs by spend, the same for every customer with c's (x, tx, T);
 * written into `curve` from `at` (many customers' curves share one array).
 */
export function purchaseCurve(bg: BgNbdParams, c: RFT, months: number, unitDays: number, curve = new Float64Array(months), at = 0): Float64Array {
  for (let k = 1; k <= months; k++) curve[at + k - 1] = expectedPurchases(bg, c, (k * DAYS_PER_MONTH) / unitDays);
  return curve;
}

/** (1 + d)^k for k = 1..months. */
export function discountFactors(months: number, discount: number): Float64Array {
  return Float64Array.from({ length: months }, (_, i) => (1 + discount) ** (i + 1));
}

/** The sum over months of spend x that month's expected purchases (the curve from `at`), discounted. */
export function discounted(curve: Float64Array, spend: number, factors: Float64Array, at = 0): number {
  let value = 0;
  let before = 0;
  for (let k = 0; k < factors.length; k++) {
    value += (spend * (curve[at + k]! - before)) / factors[k]!;
    before = curve[at + k]!;
  }
  return value;
}

/**
 * E[M] for a customer: Gamma-Gamma's conditional mean for repeat buyers, its population mean otherwise; null where
 * the fitted model leaves it undefined (p x + q <= 1 for a customer, q <= 1 for the population), which the
 * diagnosis reports rather than filling in with another number.
 */
export function spendFor(gg: GammaGammaParams, x: number, m: number | null): number | null {
  if (x > 0 && m !== null && m > 0 && gg.p * x + gg.q > 1) return expectedSpend(gg, { x, m });
  return gg.q > 1 ? (gg.p * gg.gamma) / (gg.q - 1) : null;
}
