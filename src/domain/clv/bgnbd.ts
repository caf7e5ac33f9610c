import { type Minimum, minimize } from './optimize.js';
import { RftIndex } from './rft-index.js';
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

/** Customers' (x, tx, T) as columns, `length` of them (the columns may be longer). */
export interface RftColumns {
  length: number;
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
}

/** Customers with identical (x, tx, T) as columns, each history where it is first seen, `n` how many share it. */
export interface RftGroups extends RftColumns {
  n: Float64Array;
}

export function rftColumns(customers: readonly RFT[]): RftColumns {
  return { length: customers.length, x: Float64Array.from(customers, (c) => c.x), tx: Float64Array.from(customers, (c) => c.tx),
    T: Float64Array.from(customers, (c) => c.T) };
}

export function rftGroups(customers: RftColumns): RftGroups {
  const index = new RftIndex(customers.length);
  const slot = new Int32Array(customers.length);
  for (let i = 0; i < customers.length; i++) slot[i] = index.slot(customers.x[i]!, customers.tx[i]!, customers.T[i]!);
  const length = index.size;
  const g = { length, x: new Float64Array(length), tx: new Float64Array(length), T: new Float64Array(length), n: new Float64Array(length) };
  for (let i = 0; i < customers.length; i++) {
    const k = slot[i]!;
    g.x[k] = customers.x[i]!;
    g.tx[k] = customers.tx[i]!;
    g.T[k] = customers.T[i]!;
    g.n[k]! += 1;
  }
  return g;
}

export function groupRft(customers: readonly RFT[]): RFTGroup[] {
  const g = rftGroups(rftColumns(customers));
  return Array.from({ length: g.length }, (_, k) => ({ x: g.x[k]!, tx: g.tx[k]!, T: g.T[k]!, n: g.n[k]! }));
}

/** Total log-likelihood (customers without `n` count once). */
export function bgnbdLogLikelihood(p: BgNbdParams, customers: readonly (RFT & { n?: number })[]): number {
  return bgnbdObjective(customers)(p);
}

export function bgnbdObjective(customers: readonly (RFT & { n?: number })[]): (p: BgNbdParams) => number {
  return rftObjective({
    length: customers.length,
    x: Float64Array.from(customers, (c) => c.x),
    tx: Float64Array.from(customers, (c) => c.tx),
    T: Float64Array.from(customers, (c) => c.T),
    n: Float64Array.from(customers, (c) => c.n ?? 1),
  }, 1);
}

/**
 * The log-likelihood as a function of the parameters, for a fit that evaluates it many times, times divided by
 * `scale` (see fitBgNbd): the customers are laid out once in flat arrays, and what depends on one of x, tx or T alone is computed once per distinct value
 * (a year of weekly data has a few hundred distinct T, however many customers), leaving one exp and one log per
 * customer group. lnΓ(r+x) - lnΓ(r) and the A2 term are rising factorials (lnRising), exact where a difference of
 * two lnΓ would be rounding noise (b in the hundred thousands: see special.ts).
 */
function rftObjective(g: RftGroups, scale: number): (p: BgNbdParams) => number {
  const len = g.length;
  const xs = new Distinct(len);
  const txs = new Distinct(len);
  const ts = new Distinct(len);
  const N = g.n;
  for (let i = 0; i < len; i++) {
    xs.add(i, g.x[i]!);
    txs.add(i, g.tx[i]! / scale);
    ts.add(i, g.T[i]! / scale);
  }
  const SX = xs.slot;
  const STX = txs.slot;
  const ST = ts.slot;
  const X = Float64Array.from(xs.values);
  const TX = Float64Array.from(txs.values);
  const T = Float64Array.from(ts.values);
  const a12 = new Float64Array(X.length);
  const lnA4 = new Float64Array(X.length);
  const rx = new Float64Array(X.length);
  const lnTX = new Float64Array(TX.length);
  const lnT = new Float64Array(T.length);
  // The group loop below is most of report clv's time on a million orders: it reads only typed arrays, and every
  // value it shares with other groups (r + x too) is computed once per evaluation, by the same expression, so the
  // sum keeps its bits.
  return ({ r, alpha, a, b }) => {
    const lnAlpha = Math.log(alpha);
    for (let k = 0; k < X.length; k++) {
      const x = X[k]!;
      a12[k] = lnRising(r, x) + r * lnAlpha + lnRising(b, x) - lnRising(a + b, x);
      lnA4[k] = x > 0 ? Math.log(a) - Math.log(b + x - 1) : 0;
      rx[k] = r + x;
    }
    for (let k = 0; k < TX.length; k++) lnTX[k] = Math.log(alpha + TX[k]!);
    for (let k = 0; k < T.length; k++) lnT[k] = Math.log(alpha + T[k]!);
    let total = 0;
    for (let i = 0; i < len; i++) {
      const s = SX[i]!;
      const a3 = -rx[s]! * lnT[ST[i]!]!;
      let term: number;
      if (X[s]! > 0) {
        const a4 = lnA4[s]! - rx[s]! * lnTX[STX[i]!]!;
        // ln(e^A3 + e^A4), computed around the larger term so neither underflows. The larger one's exponential is
        // exactly 1; when the other is below 2^-53 the sum rounds to 1 and its log is 0, so neither is computed.
        const m = a3 >= a4 ? a3 : a4;
        const d = a3 >= a4 ? a4 - m : a3 - m;
        term = d < -40 ? a12[s]! + m : a12[s]! + m + Math.log(1 + Math.exp(d));
      } else {
        term = a12[s]! + a3;
      }
      total += N[i]! * term;
    }
    return total;
  };
}

/** Per customer, which of the distinct values of one field it has, and the value itself. */
class Distinct {
  readonly values: number[] = [];
  readonly slot: Int32Array;
  private readonly slots = new Map<number, number>();

  constructor(size: number) {
    this.slot = new Int32Array(size);
  }

  add(i: number, v: number): void {
    let k = this.slots.get(v);
    if (k === undefined) {
      k = this.values.length;
      this.slots.set(v, k);
      this.values.push(v);
    }
    this.slot[i] = k;
  }
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
export function fitBgNbd(customers: readonly RFT[] | RftColumns, opts: FitOptions = {}): BgNbdFit {
  const groups = rftGroups(Array.isArray(customers) ? rftColumns(customers) : customers as RftColumns);
  let weight = 0;
  let time = 0;
  let repeats = 0;
  for (let k = 0; k < groups.length; k++) {
    weight += groups.n[k]!;
    time += groups.n[k]! * groups.T[k]!;
    repeats += groups.n[k]! * groups.x[k]!;
  }
  const scale = time / weight || 1;
  // Dividing times by `scale` shifts the log-likelihood by a constant (sum of x ln scale), which the optimiser
  // does not see; the reported value is computed in the caller's units below.
  const shift = repeats * Math.log(scale);
  const toParams = (v: number[]): BgNbdParams => ({ r: Math.exp(v[0]!), alpha: Math.exp(v[1]!), a: Math.exp(v[2]!), b: Math.exp(v[3]!) });
  const ll = rftObjective(groups, scale);
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
  return { ...params, logLikelihood: rftObjective(groups, 1)(params), ...outcome<BgNbdParams>(best, ['r', 'alpha', 'a', 'b']) };
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
