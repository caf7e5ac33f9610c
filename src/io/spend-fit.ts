import { Worker } from 'node:worker_threads';
import { likelihoodTolerance, LOG_BOUND, outcome } from '../domain/clv/bgnbd.js';
import { fitSpend, type GammaGammaFit, type Spend, type SpendColumns, spendModel } from '../domain/clv/gammagamma.js';
import { minimize } from '../domain/clv/optimize.js';
import { gammaFunctions } from '../domain/clv/special.js';

/**
 * The spend model's fit started on another core, to run while this thread fits the purchase model: report clv's two
 * fits take about as long as each other. The worker is started from source text (the fit's functions refer to
 * nothing outside themselves), so it works whatever files the build makes and in the tests, which run the sources.
 * Same arithmetic on the same numbers gives the same bits; should a worker not start or fail, the fit runs here and
 * `onInline` hears why (CRM_DEBUG=1 prints it: a test runs the built binary so and fails on it, since a fit in this
 * thread gives the same report, only slower).
 *
 * In two steps: the worker thread is started now, the fit asked for when its sample is known. Started before report
 * clv reads the orders, the worker's start (about a tenth of a second of Node's own set-up) happens on the core the
 * scan leaves idle, not after it. Until the fit is asked for, the worker does not keep the process alive: a command
 * that fails before then exits as it would without one.
 */
export function spendFitAhead(onInline?: (reason: string) => void):
  (spend: readonly Spend[] | SpendColumns, onIteration?: (iteration: number, logLikelihood: number) => void) => Promise<GammaGammaFit> {
  let worker: Worker | undefined;
  /** Why the fit must run in this thread, once that is known. */
  let failed: string | undefined;
  /** What hears of the worker's end once the fit is asked for. */
  let ended: ((reason: string) => void) | undefined;
  const end = (reason: string) => {
    failed ??= reason;
    ended?.(reason);
  };
  try {
    worker = new Worker(workerSource(), { eval: true, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB } });
    worker.unref();
    worker.on('error', (e) => end(`the worker failed: ${e.message}`));
    worker.on('exit', (code) => end(`the worker exited (${code}) without a fit`));
  } catch (e) {
    failed = `the worker did not start: ${(e as Error).message}`;
  }
  return (spend, onIteration) => {
    const { x, m } = Array.isArray(spend) ? { x: Float64Array.from(spend, (c) => c.x), m: Float64Array.from(spend, (c) => c.m) } : spend as SpendColumns;
    return new Promise((resolve, reject) => {
      let done = false;
      const settle = (fit: () => GammaGammaFit) => {
        if (done) return;
        done = true;
        try {
          resolve(fit());
        } catch (e) {
          reject(e);
        }
      };
      const inline = (reason: string) => settle(() => {
        onInline?.(reason);
        return fitSpend(x, m, { onIteration });
      });
      if (!worker || failed !== undefined) {
        inline(failed ?? 'the worker did not start');
        return;
      }
      ended = inline;
      worker.on('message', (msg: { fit?: GammaGammaFit; iteration?: number; logLikelihood?: number }) => {
        if (msg.fit) settle(() => msg.fit!);
        else onIteration?.(msg.iteration!, msg.logLikelihood!);
      });
      worker.ref();
      // The worker's copies are moved to it, not copied again; these stay here for a fit in this thread.
      const sent = { x: x.slice(), m: m.slice() };
      worker.postMessage(sent, [sent.x.buffer, sent.m.buffer]);
    });
  };
}

/** The worker's program: the spend fit's functions, written out from their own text. */
export function workerSource(): string {
  return `const { parentPort, workerData } = require('node:worker_threads');
const { lnGamma, lnRising } = (${gammaFunctions})();
const { fitSpend } = (${spendModel})({ lnGamma, lnRising, minimize: ${minimize}, likelihoodTolerance: ${likelihoodTolerance},
  outcome: ${outcome}, LOG_BOUND: ${LOG_BOUND} });
const run = ({ x, m }) => {
  const fit = fitSpend(x, m, { onIteration: (iteration, logLikelihood) => parentPort.postMessage({ iteration, logLikelihood }) });
  parentPort.postMessage({ fit });
};
// The sample comes as workerData or, from a worker started before it was known, as the first message.
if (workerData) run(workerData);
else parentPort.once('message', run);
`;
}

/**
 * The worker's young generation, in MB: what the fit allocates per evaluation dies young and is small, and V8's
 * default lets it pile up to tens of MB before collecting, all of it on top of report clv's peak.
 */
const YOUNG_MB = 4;
