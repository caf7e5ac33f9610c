/**
 * Nelder-Mead simplex minimisation inside a box: derivative-free, which suits likelihoods whose gradients are
 * tedious to write.
 *
 * It stops when it has converged, not when a budget runs out: the simplex's values agree within `ftol` and its
 * corners within `xtol` (both must hold, as in SciPy; values alone stop too early on a slope that is nearly flat).
 * Trial points are projected onto the box, so a function that keeps falling toward the edge of the search cannot
 * lead the simplex away forever: without the box, and with a tolerance below the rounding noise, a likelihood
 * that is flat toward infinity (a degenerate fit) keeps the simplex wandering until an iteration budget runs out.
 * The cap remains only as a guard, and hitting it is reported (`converged: false`).
 *
 * A coordinate is reported `atBound` when setting it to either edge of the box (the others kept) changes the value
 * by less than `edgeTol`: the function is as low at the edge as at the answer, so the answer there is not a
 * number the data chose but wherever the search happened to stop.
 */
export interface Minimum {
  x: number[];
  value: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
  /** Per coordinate: whether the value at an edge of the box is as low as at the answer (within `edgeTol`). */
  atBound: boolean[];
}

export interface MinimizeOptions {
  lower: number[];
  upper: number[];
  /** Initial simplex edge. */
  step?: number;
  /** Absolute spread of the simplex's values at which it has converged. */
  ftol?: number;
  /** Largest coordinate distance between the simplex's corners at which it has converged. */
  xtol?: number;
  maxIter?: number;
  /** How close to the answer's value an edge must come to count as as good as the answer. */
  edgeTol?: number;
  /** Called after every iteration with the best value so far, e.g. to show progress. */
  onIteration?: (iteration: number, best: number) => void;
}

export function minimize(f: (x: number[]) => number, start: number[], opts: MinimizeOptions): Minimum {
  const n = start.length;
  const { lower, upper } = opts;
  const ftol = opts.ftol ?? 1e-9;
  const xtol = opts.xtol ?? 1e-7;
  const maxIter = opts.maxIter ?? 2000 * n;
  const clamp = (x: number[]) => x.map((v, j) => Math.min(upper[j]!, Math.max(lower[j]!, v)));
  let evaluations = 0;
  const value = (x: number[]) => {
    evaluations += 1;
    return f(x);
  };
  let iterations = 0;

  /** One simplex run from `from`; returns its best corner and whether it converged. */
  const run = (from: number[], step: number) => {
    let pts: number[][] = [from];
    for (let i = 0; i < n; i++) {
      const p = [...from];
      // Step away from an edge the start sits on, so the simplex keeps its volume.
      p[i] = p[i]! + step <= upper[i]! ? p[i]! + step : p[i]! - step;
      pts.push(clamp(p));
    }
    let vals = pts.map(value);
    let converged = false;
    while (iterations < maxIter) {
      const order = vals.map((_, i) => i).sort((i, j) => vals[i]! - vals[j]!);
      pts = order.map((i) => pts[i]!);
      vals = order.map((i) => vals[i]!);
      opts.onIteration?.(iterations, vals[0]!);
      let spread = 0;
      for (let i = 1; i <= n; i++) for (let j = 0; j < n; j++) spread = Math.max(spread, Math.abs(pts[i]![j]! - pts[0]![j]!));
      // Corners that coincide to rounding cannot move any more: what is left of the values' spread is the
      // function's own rounding noise, not slope.
      const collapsed = spread <= 1e-13 * (1 + Math.max(...pts[0]!.map(Math.abs)));
      if (spread <= xtol && (vals[n]! - vals[0]! <= ftol || collapsed)) {
        converged = true;
        break;
      }
      iterations += 1;
      const centroid = new Array<number>(n).fill(0);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j]! += pts[i]![j]! / n;
      const along = (t: number) => clamp(centroid.map((c, j) => c + t * (pts[n]![j]! - c)));
      const reflected = along(-1);
      const fr = value(reflected);
      if (fr < vals[0]!) {
        const expanded = along(-2);
        const fe = value(expanded);
        [pts[n], vals[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
      } else if (fr < vals[n - 1]!) {
        [pts[n], vals[n]] = [reflected, fr];
      } else {
        const contracted = fr < vals[n]! ? along(-0.5) : along(0.5);
        const fc = value(contracted);
        if (fc < Math.min(fr, vals[n]!)) {
          [pts[n], vals[n]] = [contracted, fc];
        } else {
          for (let i = 1; i <= n; i++) {
            pts[i] = pts[i]!.map((v, j) => pts[0]![j]! + 0.5 * (v - pts[0]![j]!));
            vals[i] = value(pts[i]!);
          }
        }
      }
    }
    const best = vals.indexOf(Math.min(...vals));
    return { x: pts[best]!, value: vals[best]!, converged };
  };

  // A simplex can collapse before reaching the minimum; restarting from its answer with a fresh simplex is the
  // usual check, repeated while a restart still improves.
  let best = run(start, opts.step ?? 0.5);
  for (let restart = 0; restart < 5 && iterations < maxIter; restart++) {
    const again = run(best.x, 0.1);
    const improved = best.value - again.value > ftol;
    if (again.value <= best.value) best = again;
    if (!improved) break;
  }
  // 0.01 nats: far inside the 1.92 of a 95% likelihood interval, so only an edge practically as likely as the
  // answer counts, not one the data merely cannot rule out.
  const edgeTol = opts.edgeTol ?? 1e-2;
  const atBound = best.x.map((_, j) => [lower[j]!, upper[j]!].some((edge) => {
    const x = [...best.x];
    x[j] = edge;
    return value(x) - best.value <= edgeTol;
  }));
  return { x: best.x, value: best.value, iterations, evaluations, converged: best.converged, atBound };
}
