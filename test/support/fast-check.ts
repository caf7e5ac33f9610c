import fc from 'fast-check';

// Property tests run the same cases on every run, so a red CI means a change broke something, never an unlucky draw.
// To explore new cases, run with FC_SEED=random (or a number to replay a reported counterexample).
const seed = process.env.FC_SEED;
if (seed !== 'random') fc.configureGlobal({ seed: seed === undefined ? 20261203 : Number(seed) });
