import type { BgNbdFit } from './bgnbd.js';
import type { GammaGammaFit } from './gammagamma.js';

/**
 * Whether a fitted model can be forecast with. A model is degenerate when the optimiser did not converge, when a
 * parameter ran off to the edge of the search (the data do not pin it down: the "estimate" is wherever the search
 * stopped), or, for Gamma-Gamma, when q <= 1 (the population's mean spend is infinite, so E[M] is undefined).
 * A degenerate model's forecasts would be made-up numbers: the report shows none of them, and says why.
 */
export type ModelStatus = 'ok' | 'degenerate';

export interface Problem {
  /** `purchases`: BG/NBD (P(alive), expected purchases); `spend`: Gamma-Gamma (expected spend). */
  model: 'purchases' | 'spend';
  code: 'not-converged' | 'at-bound' | 'infinite-mean-spend';
  parameters: string[];
  /** What happened, what it means for the user, and what is left out because of it. */
  message: string;
}

export interface Diagnosis {
  status: ModelStatus;
  purchaseModel: ModelStatus;
  spendModel: ModelStatus;
  problems: Problem[];
}

const num = (x: number) => (x >= 1e4 || x < 1e-3 ? x.toExponential(2) : x.toPrecision(3));
const listed = <P>(fit: P, names: (keyof P & string)[]) => names.map((k) => `${k} = ${num(fit[k] as number)}`).join(', ');

export function diagnose(bg: BgNbdFit, gg: GammaGammaFit): Diagnosis {
  const problems = [...purchaseProblems(bg), ...spendProblems(gg)];
  const purchaseModel = statusOf(problems, 'purchases');
  const spendModel = statusOf(problems, 'spend');
  return { status: purchaseModel === 'ok' && spendModel === 'ok' ? 'ok' : 'degenerate', purchaseModel, spendModel, problems };
}

/** The purchase model's status alone, as diagnose gives it: what P(alive) needs, without fitting the spend model. */
export const purchaseModelStatus = (bg: BgNbdFit): ModelStatus => statusOf(purchaseProblems(bg), 'purchases');

const statusOf = (problems: Problem[], model: Problem['model']): ModelStatus => (problems.some((p) => p.model === model) ? 'degenerate' : 'ok');

function purchaseProblems(bg: BgNbdFit): Problem[] {
  const problems: Problem[] = [];
  if (!bg.converged) {
    problems.push({ model: 'purchases', code: 'not-converged', parameters: [],
      message: `the purchase model (BG/NBD) did not converge in ${bg.iterations} iterations: its parameters are not an answer; P(alive), expected purchases and CLV are not shown` });
  }
  const dropout = bg.atBound.filter((k) => k === 'a' || k === 'b');
  if (dropout.length) {
    problems.push({ model: 'purchases', code: 'at-bound', parameters: dropout,
      message: `the purchase model (BG/NBD) cannot tell dropout from silence (${listed(bg, dropout)} ran to the edge of the search): too few repeat buyers, or none who went quiet for long, to see how customers stop buying; P(alive), expected purchases and CLV are not shown` });
  }
  const rate = bg.atBound.filter((k) => k === 'r' || k === 'alpha');
  if (rate.length) {
    problems.push({ model: 'purchases', code: 'at-bound', parameters: rate,
      message: `the purchase model (BG/NBD) cannot tell how often different customers buy (${listed(bg, rate)} ran to the edge of the search): too few customers, or customers who all buy at the same pace; P(alive), expected purchases and CLV are not shown` });
  }
  return problems;
}

function spendProblems(gg: GammaGammaFit): Problem[] {
  const problems: Problem[] = [];
  if (!gg.converged) {
    problems.push({ model: 'spend', code: 'not-converged', parameters: [],
      message: `the spend model (Gamma-Gamma) did not converge in ${gg.iterations} iterations: its parameters are not an answer; expected spend and CLV are not shown` });
  }
  if (gg.atBound.length) {
    problems.push({ model: 'spend', code: 'at-bound', parameters: gg.atBound,
      message: `the spend model (Gamma-Gamma) cannot separate how much one customer's orders vary from how much customers differ (${listed(gg, gg.atBound)} ran to the edge of the search): too few repeat buyers, or repeat spend that is nearly the same for everyone; expected spend and CLV are not shown` });
  }
  if (gg.q <= 1) {
    problems.push({ model: 'spend', code: 'infinite-mean-spend', parameters: ['q'],
      message: `the spend model (Gamma-Gamma) has q = ${gg.q.toFixed(2)} <= 1, so customers' average spend has no finite mean: a few customers' very large orders dominate; expected spend and CLV would be made up and are not shown (crm report deciles shows who they are)` });
  }
  return problems;
}
