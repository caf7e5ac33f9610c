// What every bench script measures with: one run of a command (wall time, peak memory), interleaved rounds, medians.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// GNU time reports the child's peak resident set; without it memory columns say n/a.
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/**
 * Runs argv once and returns wall milliseconds, peak RSS in MiB (null without GNU time) and stdout. `memory` wraps
 * the command in GNU time, which costs a fork: timings that are compared with a floor are taken without it. The
 * output is read as bytes, as a program a command is piped into reads it, and made text only when asked for:
 * decoding a list's or a report's megabytes into a string is the bench's own work (~50 ms of the 10,000-contact
 * list's time here), which the floors (no output, or less) did not pay.
 */
export function run(argv, { env, input, memory = false } = {}) {
  const full = memory && gnuTime ? [gnuTime, '-f', '%M', ...argv] : argv;
  const start = process.hrtime.bigint();
  const r = spawnSync(full[0], full.slice(1), { env, input, maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const stderr = (r.stderr ?? Buffer.alloc(0)).toString('utf8');
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed (exit ${r.status}): ${stderr.slice(-2000)}`);
  const mib = memory && gnuTime ? Number(stderr.trim().split('\n').at(-1)) / 1024 : null;
  return { ms, mib, get stdout() { return r.stdout.toString('utf8'); } };
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Runs every case once per round, in turn, `rounds` times, after one warm-up round; returns each case's median ms.
 * Interleaving spreads background load over all cases alike, so their ratios hold on a busy machine.
 * A case is a function (given the round number) that runs the command and returns its milliseconds.
 */
export function interleave(rounds, cases) {
  const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (const f of Object.values(cases)) f(-1);
  for (let i = 0; i < rounds; i++) for (const [name, f] of Object.entries(cases)) samples[name].push(f(i));
  return Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, median(xs)]));
}
