/**
 * Nelder-Mead simplex minimisation: derivative-free, which suits likelihoods whose gradients are tedious to
 * write. Restarted from its own answer until a restart no longer improves, the usual guard against a simplex
 * that collapsed early.
 */
export interface Minimum {
  x: number[];
  value: number;
  iterations: number;
}

function simplexMinimize(f: (x: number[]) => number, start: number[], step: number, maxIter: number, tol: number): Minimum {
  const n = start.length;
  let pts = [start, ...start.map((_, i) => start.map((v, j) => (i === j ? v + step : v)))];
  let vals = pts.map(f);
  let iter = 0;
  for (; iter < maxIter; iter++) {
    const order = vals.map((_, i) => i).sort((i, j) => vals[i]! - vals[j]!);
    pts = order.map((i) => pts[i]!);
    vals = order.map((i) => vals[i]!);
    if (Math.abs(vals[n]! - vals[0]!) <= tol * (Math.abs(vals[0]!) + tol)) break;
    const centroid = start.map((_, j) => pts.slice(0, n).reduce((a, p) => a + p[j]!, 0) / n);
    const along = (t: number) => centroid.map((c, j) => c + t * (pts[n]![j]! - c));
    const reflected = along(-1);
    const fr = f(reflected);
    if (fr < vals[0]!) {
      const expanded = along(-2);
      const fe = f(expanded);
      [pts[n], vals[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
    } else if (fr < vals[n - 1]!) {
      [pts[n], vals[n]] = [reflected, fr];
    } else {
      const contracted = fr < vals[n]! ? along(-0.5) : along(0.5);
      const fc = f(contracted);
      if (fc < Math.min(fr, vals[n]!)) {
        [pts[n], vals[n]] = [contracted, fc];
      } else {
        for (let i = 1; i <= n; i++) {
          pts[i] = pts[i]!.map((v, j) => pts[0]![j]! + 0.5 * (v - pts[0]![j]!));
          vals[i] = f(pts[i]!);
        }
      }
    }
  }
  const best = vals.indexOf(Math.min(...vals));
  return { x: pts[best]!, value: vals[best]!, iterations: iter };
}

export function minimize(f: (x: number[]) => number, start: number[], opts: { step?: number; maxIter?: number; tol?: number } = {}): Minimum {
  let best = simplexMinimize(f, start, opts.step ?? 0.5, opts.maxIter ?? 4000, opts.tol ?? 1e-12);
  let total = best.iterations;
  for (let restart = 0; restart < 5; restart++) {
    const again = simplexMinimize(f, best.x, 0.1, opts.maxIter ?? 4000, opts.tol ?? 1e-12);
    total += again.iterations;
    const improved = best.value - again.value > 1e-9 * Math.max(1, Math.abs(best.value));
    if (again.value < best.value) best = again;
    if (!improved) break;
  }
  return { ...best, iterations: total };
}
