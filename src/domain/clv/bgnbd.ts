import { minimize } from './optimize.js';
import { hyp2f1, lnGamma } from './special.js';

/**
 * BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way"), exactly as docs/analytics.md writes
 * it. x = repeat purchases, tx = time of the last purchase, T = time observed, all from the first purchase.
 */
export interface RFT {
  x: number;
  tx: number;
  T: number;
}

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Total log-likelihood; the lnΓ terms depend on x only, so they are computed once per distinct x. */
export function bgnbdLogLikelihood(p: BgNbdParams, customers: readonly RFT[]): number {
  const { r, alpha, a, b } = p;
  const perX = new Map<number, { a1: number; a2: number; lnA4: number }>();
  const lnGr = lnGamma(r);
  const lnGab = lnGamma(a + b);
  const lnGb = lnGamma(b);
  const lnAlpha = Math.log(alpha);
  let total = 0;
  for (const c of customers) {
    let k = perX.get(c.x);
    if (!k) {
      k = {
        a1: lnGamma(r + c.x) - lnGr + r * lnAlpha,
        a2: lnGab + lnGamma(b + c.x) - lnGb - lnGamma(a + b + c.x),
        lnA4: c.x > 0 ? Math.log(a) - Math.log(b + c.x - 1) : 0,
      };
      perX.set(c.x, k);
    }
    const a3 = -(r + c.x) * Math.log(alpha + c.T);
    if (c.x > 0) {
      const a4 = k.lnA4 - (r + c.x) * Math.log(alpha + c.tx);
      // ln(e^A3 + e^A4), computed around the larger term so neither underflows.
      const m = Math.max(a3, a4);
      total += k.a1 + k.a2 + m + Math.log(Math.exp(a3 - m) + Math.exp(a4 - m));
    } else {
      total += k.a1 + k.a2 + a3;
    }
  }
  return total;
}

/** Maximum-likelihood fit on log-parameters (so all four stay positive). */
export function fitBgNbd(customers: readonly RFT[]): BgNbdParams & { logLikelihood: number } {
  const toParams = (v: number[]): BgNbdParams => ({ r: Math.exp(v[0]!), alpha: Math.exp(v[1]!), a: Math.exp(v[2]!), b: Math.exp(v[3]!) });
  const f = (v: number[]) => {
    if (v.some((x) => Math.abs(x) > 30)) return Infinity;
    const ll = bgnbdLogLikelihood(toParams(v), customers);
    return Number.isFinite(ll) ? -ll : Infinity;
  };
  const best = minimize(f, [0, 0, 0, 0]);
  return { ...toParams(best.x), logLikelihood: -best.value };
}

export function pAlive(p: BgNbdParams, c: RFT): number {
  if (c.x === 0) return 1;
  return 1 / (1 + (p.a / (p.b + c.x - 1)) * ((p.alpha + c.T) / (p.alpha + c.tx)) ** (p.r + c.x));
}

/** E[Y(t) | x, tx, T]: expected purchases in the next t time units. */
export function expectedPurchases(p: BgNbdParams, c: RFT, t: number): number {
  const { r, alpha, a, b } = p;
  const z = t / (alpha + c.T + t);
  const bracket = 1 - ((alpha + c.T) / (alpha + c.T + t)) ** (r + c.x) * hyp2f1(r + c.x, b + c.x, a + b + c.x - 1, z);
  return ((a + b + c.x - 1) / (a - 1)) * bracket * pAlive(p, c);
}

/** E[X(t)] for a customer picked at random at their first purchase. */
export function expectedPopulationPurchases(p: BgNbdParams, t: number): number {
  const { r, alpha, a, b } = p;
  return ((a + b - 1) / (a - 1)) * (1 - (alpha / (alpha + t)) ** r * hyp2f1(r, b, a + b - 1, t / (alpha + t)));
}
