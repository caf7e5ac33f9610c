/** Special functions the lifetime-value models need. */

/**
 * lnΓ and the rising factorial, made by a function that refers to nothing outside itself: its text alone is a
 * program, so the spend fit can run them in a worker thread (see spend-fit.ts).
 */
export function gammaFunctions() {
  const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];

  /** ln Γ(x) for x > 0 (Lanczos, g = 7): about 15 significant digits. */
  function lnGamma(x: number): number {
    if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
    const z = x - 1;
    let s = LANCZOS[0]!;
    for (let i = 1; i < 9; i++) s += LANCZOS[i]! / (z + i);
    const t = z + 7.5;
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
  }

  /** Stirling's series for lnΓ(w) - [(w - 1/2) ln w - w + ln(2π)/2], for w >= 10 (error below 1e-14). */
  const stirlingTail = (w: number) => {
    const w2 = w * w;
    return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - 1 / (1188 * w2)) / w2) / w2) / w2) / w;
  };

  /**
   * ln Γ(z + n) - ln Γ(z), the log of the rising factorial. For a large z the two lnΓ are large and nearly equal, and
   * their difference keeps only the rounding of each (about 1e-9 at z = 1e5): a fit whose parameters head off to
   * the edge of the search then sees noise, not slope. Written from Stirling's series so that nothing cancels.
   */
  function lnRising(z: number, n: number): number {
    // Below 10, lnΓ(z) is small, so the plain difference loses nothing.
    if (z < 10) return lnGamma(z + n) - lnGamma(z);
    const w = z + n;
    return (z - 0.5) * Math.log1p(n / z) + n * Math.log(w) - n + stirlingTail(w) - stirlingTail(z);
  }

  return { lnGamma, lnRising };
}

export const { lnGamma, lnRising } = gammaFunctions();

/**
 * Gauss hypergeometric 2F1(a, b; c; z) by its power series, for 0 <= z < 1 (all the models need): terms are summed
 * until they stop changing the sum.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 0; k < 100_000; k++) {
    term *= ((a + k) * (b + k)) / ((c + k) * (k + 1)) * z;
    sum += term;
    if (Math.abs(term) <= 1e-15 * Math.abs(sum)) return sum;
  }
  return sum;
}
