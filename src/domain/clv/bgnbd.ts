import { type Minimum, minimize } from './optimize.js';
import { hyp2f1, lnRising } from './special.js';

/**
 * BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way"), exactly as docs/analytics.md writes
 * it. x = repeat purchases, tx = time of the last purchase, T = time observed, all from the first purchase.
 */
export interface RFT {
  x: number;
  tx: number;
  T: number;
}

/** `n` customers with the same (x, tx, T): they add the same term to the likelihood, so it is computed once. */
export interface RFTGroup extends RFT {
  n: number;
}

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** A fitted model, with how the optimiser ended: see optimize.ts. */
export interface Fit<P> {
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  evaluations: number;
  /** Parameters that ended on the edge of the search: the data could not pin them down. */
  atBound: (keyof P)[];
}

export type BgNbdFit = BgNbdParams & Fit<BgNbdParams>;

export function groupRft(customers: readonly RFT[]): RFTGroup[] {
  const groups = new Map<string, RFTGroup>();
  for (const c of customers) {
    const key = `${c.x}/${c.tx}/${c.T}`;
    const g = groups.get(key);
    if (g) g.n += 1;
    else groups.set(key, { x: c.x, tx: c.tx, T: c.T, n: 1 });
  }
  return [...groups.values()];
}

/** Total log-likelihood (customers without `n` count once). */
export function bgnbdLogLikelihood(p: BgNbdParams, customers: readonly (RFT & { n?: number })[]): number {
  return bgnbdObjective(customers)(p);
}

/**
 * The log-likelihood as a function of the parameters, for a fit that evaluates it many times: the customers are
 * laid out once in flat arrays, and the terms that depend on x only are computed once per distinct x.
 * lnΓ(r+x) - lnΓ(r) and the A2 term are rising factorials (lnRising), exact where a difference of two lnΓ would
 * be rounding noise (b in the hundred thousands: see special.ts).
 */
export function bgnbdObjective(customers: readonly (RFT & { n?: number })[]): (p: BgNbdParams) => number {
  const distinct = [...new Set(customers.map((c) => c.x))];
  const slot = new Map(distinct.map((x, i) => [x, i]));
  const len = customers.length;
  const X = new Float64Array(len);
  const TX = new Float64Array(len);
  const T = new Float64Array(len);
  const N = new Float64Array(len);
  const S = new Int32Array(len);
  customers.forEach((c, i) => {
    X[i] = c.x;
    TX[i] = c.tx;
    T[i] = c.T;
    N[i] = c.n ?? 1;
    S[i] = slot.get(c.x)!;
  });
  const a12 = new Float64Array(distinct.length);
  const lnA4 = new Float64Array(distinct.length);
  return ({ r, alpha, a, b }) => {
    const lnAlpha = Math.log(alpha);
    distinct.forEach((x, k) => {
      a12[k] = lnRising(r, x) + r * lnAlpha + lnRising(b, x) - lnRising(a + b, x);
      lnA4[k] = x > 0 ? Math.log(a) - Math.log(b + x - 1) : 0;
    });
    let total = 0;
    for (let i = 0; i < len; i++) {
      const x = X[i]!;
      const a3 = -(r + x) * Math.log(alpha + T[i]!);
      let term = a12[S[i]!]! + a3;
      if (x > 0) {
        const a4 = lnA4[S[i]!]! - (r + x) * Math.log(alpha + TX[i]!);
        // ln(e^A3 + e^A4), computed around the larger term so neither underflows.
        const m = Math.max(a3, a4);
        term = a12[S[i]!]! + m + Math.log(Math.exp(a3 - m) + Math.exp(a4 - m));
      }
      total += N[i]! * term;
    }
    return total;
  };
}

/**
 * The edge of the search, on log-parameters: e^±12 (about 6e-6 to 160,000). Times are first divided by the mean
 * T, so alpha is searched in units of a typical customer's history whatever --unit is; a shape parameter that
 * wants to leave this range says "every customer alike" (large) or "no information" (small), not a number to
 * forecast with.
 */
export const LOG_BOUND = 12;

export interface FitOptions {
  onIteration?: (iteration: number, logLikelihood: number) => void;
}

/** Maximum-likelihood fit on log-parameters (so all four stay positive), identical customers grouped. */
export function fitBgNbd(customers: readonly RFT[], opts: FitOptions = {}): BgNbdFit {
  const groups = groupRft(customers);
  const weight = groups.reduce((s, g) => s + g.n, 0);
  const scale = groups.reduce((s, g) => s + g.n * g.T, 0) / weight || 1;
  const scaled = groups.map((g) => ({ ...g, tx: g.tx / scale, T: g.T / scale }));
  // Dividing times by `scale` shifts the log-likelihood by a constant (sum of x ln scale), which the optimiser
  // does not see; the reported value is computed in the caller's units below.
  const shift = groups.reduce((s, g) => s + g.n * g.x, 0) * Math.log(scale);
  const toParams = (v: number[]): BgNbdParams => ({ r: Math.exp(v[0]!), alpha: Math.exp(v[1]!), a: Math.exp(v[2]!), b: Math.exp(v[3]!) });
  const ll = bgnbdObjective(scaled);
  const f = (v: number[]) => {
    const value = ll(toParams(v));
    return Number.isFinite(value) ? -value : Infinity;
  };
  const best = minimize(f, [0, 0, 0, 0], {
    lower: [-LOG_BOUND, -LOG_BOUND, -LOG_BOUND, -LOG_BOUND], upper: [LOG_BOUND, LOG_BOUND, LOG_BOUND, LOG_BOUND],
    ftol: likelihoodTolerance(weight),
    onIteration: opts.onIteration && ((i, v) => opts.onIteration!(i, -v - shift)),
  });
  const fitted = toParams(best.x);
  const params = { ...fitted, alpha: fitted.alpha * scale };
  return { ...params, logLikelihood: bgnbdLogLikelihood(params, groups), ...outcome<BgNbdParams>(best, ['r', 'alpha', 'a', 'b']) };
}

/**
 * Converged means the simplex's log-likelihoods agree within 1e-10 per customer: far below any difference that
 * matters statistically (likelihood-ratio tests work in whole units), and above the rounding of a sum over many
 * customers, which grows with their number.
 */
export const likelihoodTolerance = (customers: number) => 1e-10 * Math.max(1, customers);

export function outcome<P>(m: Minimum, names: (keyof P)[]) {
  return { converged: m.converged, iterations: m.iterations, evaluations: m.evaluations, atBound: names.filter((_, i) => m.atBound[i]) };
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
