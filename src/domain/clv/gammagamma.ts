import { type FitOptions, type Fit, likelihoodTolerance, LOG_BOUND, outcome } from './bgnbd.js';
import { minimize } from './optimize.js';
import { lnGamma, lnRising } from './special.js';

/** Gamma-Gamma spend model (Fader & Hardie, note 025): repeat buyers' x and the mean m of their repeat purchases. */
export interface Spend {
  x: number;
  m: number;
}

/** Repeat buyers' x and m as columns of equal length. */
export interface SpendColumns {
  x: Float64Array;
  m: Float64Array;
}

/** `n` repeat buyers with the same (x, m). */
export interface SpendGroup extends Spend {
  n: number;
}

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export type GammaGammaFit = GammaGammaParams & Fit<GammaGammaParams>;

/** What the spend model's fit is made of, passed in rather than imported: see spendModel. */
export interface SpendModelParts {
  lnGamma: (x: number) => number;
  lnRising: (z: number, n: number) => number;
  minimize: typeof minimize;
  likelihoodTolerance: typeof likelihoodTolerance;
  outcome: typeof outcome;
  LOG_BOUND: number;
}

/**
 * The spend model's likelihood and fit, made by a function that refers to nothing outside itself (its parts come
 * in as arguments, themselves functions of the same kind): the texts of these functions alone make a program, so
 * the fit can run in a worker thread while the purchase model is fitted (src/io/spend-fit.ts).
 */
export function spendModel({ lnGamma, lnRising, minimize, likelihoodTolerance, outcome, LOG_BOUND }: SpendModelParts) {
  /** Repeat buyers with identical (x, m) as columns, each pair where it is first seen, `n` how many share it. */
  interface SpendGroups {
    length: number;
    x: Float64Array;
    m: Float64Array;
    n: Float64Array;
  }

  function spendGroups(x: ArrayLike<number>, m: ArrayLike<number>): SpendGroups {
    const byX = new Map<number, Map<number, number>>();
    const slot = new Int32Array(x.length);
    let length = 0;
    for (let i = 0; i < x.length; i++) {
      let byM = byX.get(x[i]!);
      if (!byM) byX.set(x[i]!, (byM = new Map()));
      let k = byM.get(m[i]!);
      if (k === undefined) byM.set(m[i]!, (k = length++));
      slot[i] = k;
    }
    const g = { length, x: new Float64Array(length), m: new Float64Array(length), n: new Float64Array(length) };
    for (let i = 0; i < x.length; i++) {
      const k = slot[i]!;
      g.x[k] = x[i]!;
      g.m[k] = m[i]!;
      g.n[k]! += 1;
    }
    return g;
  }

  function groupSpend(customers: readonly Spend[]): SpendGroup[] {
    const g = spendGroups(customers.map((c) => c.x), customers.map((c) => c.m));
    return Array.from({ length: g.length }, (_, k) => ({ x: g.x[k]!, m: g.m[k]!, n: g.n[k]! }));
  }

  function ggLogLikelihood(g: GammaGammaParams, customers: readonly (Spend & { n?: number })[]): number {
    return ggObjective(customers)(g);
  }

  function ggObjective(customers: readonly (Spend & { n?: number })[]): (g: GammaGammaParams) => number {
    return spendObjective({
      length: customers.length, x: Float64Array.from(customers, (c) => c.x), m: Float64Array.from(customers, (c) => c.m),
      n: Float64Array.from(customers, (c) => c.n ?? 1),
    }, 1);
  }

  /**
   * The log-likelihood as a function of the parameters, spend divided by `scale` (see fitSpend; see bgnbdObjective);
   * lnΓ(px+q) - lnΓ(px) is a rising factorial, which stays exact when p heads off to the edge of the search.
   */
  function spendObjective(groups: SpendGroups, scale: number): (g: GammaGammaParams) => number {
    const len = groups.length;
    const distinct = [...new Set(groups.x)];
    const slot = new Map(distinct.map((x, i) => [x, i]));
    const MX = new Float64Array(len);
    const LNM = new Float64Array(len);
    const N = groups.n;
    const S = new Int32Array(len);
    for (let i = 0; i < len; i++) {
      const m = groups.m[i]! / scale;
      MX[i] = m * groups.x[i]!;
      LNM[i] = Math.log(m);
      S[i] = slot.get(groups.x[i]!)!;
    }
    const perX = new Float64Array(distinct.length);
    const pX = new Float64Array(distinct.length);
    return ({ p, q, gamma }) => {
      const lnGq = lnGamma(q);
      const lnG = Math.log(gamma);
      for (let k = 0; k < distinct.length; k++) {
        const x = distinct[k]!;
        perX[k] = lnRising(p * x, q) - lnGq + q * lnG;
        pX[k] = p * x;
      }
      let total = 0;
      for (let i = 0; i < len; i++) {
        // (px - 1) ln m + px ln x - (px + q) ln(gamma + m x), rearranged so that the px terms (millions when p runs
        // off to the edge of the search) do not cancel each other.
        const mx = MX[i]!;
        total += N[i]! * (perX[S[i]!]! - pX[S[i]!]! * Math.log1p(gamma / mx) - LNM[i]! - q * Math.log(gamma + mx));
      }
      return total;
    };
  }

  function fitGammaGamma(customers: readonly Spend[], opts: FitOptions = {}): GammaGammaFit {
    return fitSpend(customers.map((c) => c.x), customers.map((c) => c.m), opts);
  }

  /**
   * Maximum-likelihood fit on log-parameters, of repeat buyers' x and m given as columns (as a worker thread
   * receives them), identical (x, m) grouped. Spend is first divided by its mean, so gamma is searched in units of
   * a typical order whatever the currency (yen or dollars); see LOG_BOUND.
   */
  function fitSpend(x: ArrayLike<number>, m: ArrayLike<number>, opts: FitOptions = {}): GammaGammaFit {
    const groups = spendGroups(x, m);
    let weight = 0;
    let spend = 0;
    for (let k = 0; k < groups.length; k++) {
      weight += groups.n[k]!;
      spend += groups.n[k]! * groups.m[k]!;
    }
    const scale = spend / weight || 1;
    // Dividing m by `scale` shifts the log-likelihood by -(sum of n) ln scale; see fitBgNbd.
    const shift = weight * Math.log(scale);
    const toParams = (v: number[]): GammaGammaParams => ({ p: Math.exp(v[0]!), q: Math.exp(v[1]!), gamma: Math.exp(v[2]!) });
    const ll = spendObjective(groups, scale);
    const f = (v: number[]) => {
      const value = ll(toParams(v));
      return Number.isFinite(value) ? -value : Infinity;
    };
    const best = minimize(f, [0, 0, 0], {
      lower: [-LOG_BOUND, -LOG_BOUND, -LOG_BOUND], upper: [LOG_BOUND, LOG_BOUND, LOG_BOUND], ftol: likelihoodTolerance(weight),
      onIteration: opts.onIteration && ((i, v) => opts.onIteration!(i, -v - shift)),
    });
    const fitted = toParams(best.x);
    const params = { ...fitted, gamma: fitted.gamma * scale };
    return { ...params, logLikelihood: spendObjective(groups, 1)(params), ...outcome<GammaGammaParams>(best, ['p', 'q', 'gamma']) };
  }

  return { groupSpend, ggLogLikelihood, ggObjective, fitGammaGamma, fitSpend };
}

export const { groupSpend, ggLogLikelihood, ggObjective, fitGammaGamma, fitSpend } = spendModel({ lnGamma, lnRising, minimize, likelihoodTolerance, outcome, LOG_BOUND });

/** E[M | m, x]: the expected average spend of a repeat buyer. */
export const expectedSpend = (g: GammaGammaParams, c: Spend) => ((g.gamma + c.m * c.x) * g.p) / (g.p * c.x + g.q - 1);
