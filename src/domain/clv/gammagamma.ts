import { minimize } from './optimize.js';
import { lnGamma } from './special.js';

/** Gamma-Gamma spend model (Fader & Hardie, note 025): repeat buyers' x and the mean m of their repeat purchases. */
export interface Spend {
  x: number;
  m: number;
}

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export function ggLogLikelihood(g: GammaGammaParams, customers: readonly Spend[]): number {
  const { p, q, gamma } = g;
  const lnGq = lnGamma(q);
  const lnGamma_ = Math.log(gamma);
  const perX = new Map<number, number>();
  let total = 0;
  for (const c of customers) {
    const px = p * c.x;
    let k = perX.get(c.x);
    if (k === undefined) {
      k = lnGamma(px + q) - lnGamma(px) - lnGq + q * lnGamma_ + px * Math.log(c.x);
      perX.set(c.x, k);
    }
    total += k + (px - 1) * Math.log(c.m) - (px + q) * Math.log(gamma + c.m * c.x);
  }
  return total;
}

export function fitGammaGamma(customers: readonly Spend[]): GammaGammaParams & { logLikelihood: number } {
  const toParams = (v: number[]): GammaGammaParams => ({ p: Math.exp(v[0]!), q: Math.exp(v[1]!), gamma: Math.exp(v[2]!) });
  const f = (v: number[]) => {
    if (v.some((x) => Math.abs(x) > 30)) return Infinity;
    const ll = ggLogLikelihood(toParams(v), customers);
    return Number.isFinite(ll) ? -ll : Infinity;
  };
  const best = minimize(f, [0, 0, 0]);
  return { ...toParams(best.x), logLikelihood: -best.value };
}

/** E[M | m, x]: the expected average spend of a repeat buyer. */
export const expectedSpend = (g: GammaGammaParams, c: Spend) => ((g.gamma + c.m * c.x) * g.p) / (g.p * c.x + g.q - 1);
