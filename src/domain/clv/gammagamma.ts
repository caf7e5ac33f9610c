import { type FitOptions, type Fit, likelihoodTolerance, LOG_BOUND, outcome } from './bgnbd.js';
import { minimize } from './optimize.js';
import { lnGamma, lnRising } from './special.js';

/** Gamma-Gamma spend model (Fader & Hardie, note 025): repeat buyers' x and the mean m of their repeat purchases. */
export interface Spend {
  x: number;
  m: number;
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
  function groupSpend(customers: readonly Spend[]): SpendGroup[] {
    const groups: SpendGroup[] = [];
    const byX = new Map<number, Map<number, SpendGroup>>();
    for (const c of customers) {
      let byM = byX.get(c.x);
      if (!byM) byX.set(c.x, (byM = new Map()));
      const g = byM.get(c.m);
      if (g) g.n += 1;
      else {
        const made = { x: c.x, m: c.m, n: 1 };
        byM.set(c.m, made);
        groups.push(made);
      }
    }
    return groups;
  }

  function ggLogLikelihood(g: GammaGammaParams, customers: readonly (Spend & { n?: number })[]): number {
    return ggObjective(customers)(g);
  }

  /**
   * The log-likelihood as a function of the parameters (see bgnbdObjective); lnΓ(px+q) - lnΓ(px) is a rising
   * factorial, which stays exact when p heads off to the edge of the search.
   */
  function ggObjective(customers: readonly (Spend & { n?: number })[]): (g: GammaGammaParams) => number {
    const distinct = [...new Set(customers.map((c) => c.x))];
    const slot = new Map(distinct.map((x, i) => [x, i]));
    const len = customers.length;
    const MX = new Float64Array(len);
    const LNM = new Float64Array(len);
    const N = new Float64Array(len);
    const S = new Int32Array(len);
    customers.forEach((c, i) => {
      MX[i] = c.m * c.x;
      LNM[i] = Math.log(c.m);
      N[i] = c.n ?? 1;
      S[i] = slot.get(c.x)!;
    });
    const perX = new Float64Array(distinct.length);
    const pX = new Float64Array(distinct.length);
    return ({ p, q, gamma }) => {
      const lnGq = lnGamma(q);
      const lnG = Math.log(gamma);
      distinct.forEach((x, k) => {
        perX[k] = lnRising(p * x, q) - lnGq + q * lnG;
        pX[k] = p * x;
      });
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

  /**
   * Maximum-likelihood fit on log-parameters, identical (x, m) grouped. Spend is first divided by its mean, so gamma
   * is searched in units of a typical order whatever the currency (yen or dollars); see LOG_BOUND.
   */
  function fitGammaGamma(customers: readonly Spend[], opts: FitOptions = {}): GammaGammaFit {
    const groups = groupSpend(customers);
    const weight = groups.reduce((s, g) => s + g.n, 0);
    const scale = groups.reduce((s, g) => s + g.n * g.m, 0) / weight || 1;
    const scaled = groups.map((g) => ({ ...g, m: g.m / scale }));
    // Dividing m by `scale` shifts the log-likelihood by -(sum of n) ln scale; see fitBgNbd.
    const shift = weight * Math.log(scale);
    const toParams = (v: number[]): GammaGammaParams => ({ p: Math.exp(v[0]!), q: Math.exp(v[1]!), gamma: Math.exp(v[2]!) });
    const ll = ggObjective(scaled);
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
    return { ...params, logLikelihood: ggLogLikelihood(params, groups), ...outcome<GammaGammaParams>(best, ['p', 'q', 'gamma']) };
  }

  return { groupSpend, ggLogLikelihood, ggObjective, fitGammaGamma };
}

export const { groupSpend, ggLogLikelihood, ggObjective, fitGammaGamma } = spendModel({ lnGamma, lnRising, minimize, likelihoodTolerance, outcome, LOG_BOUND });

/** E[M | m, x]: the expected average spend of a repeat buyer. */
export const expectedSpend = (g: GammaGammaParams, c: Spend) => ((g.gamma + c.m * c.x) * g.p) / (g.p * c.x + g.q - 1);
