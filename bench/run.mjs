// npm run bench: startup and list cost as ratios to bare Node, measured in one run on this machine.
// Timings are medians of interleaved runs, so background load hits every command alike.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'crm.js');
const data = join(root, 'bench', '.data');
const runs = Number(process.env.BENCH_RUNS ?? 21);
rmSync(data, { recursive: true, force: true });
mkdirSync(data, { recursive: true });
const env = { ...process.env, HOME: data, XDG_CONFIG_HOME: join(data, 'config'), CRM_DB: join(data, 'contacts.db'), CRM_USER: 'bench', TZ: 'UTC' };

function crm(args) {
  const r = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`crm ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

function seconds(args) {
  const start = process.hrtime.bigint();
  crm(args);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function time(cmd) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, cmd, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`${cmd.join(' ')} failed: ${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// The data: crm's own demo generator, 10,000 contacts for the list; 100,000 contacts and 1,000,000 orders for scale.
const demoSmall = seconds(['demo', '--scale', '10000', '--db', env.CRM_DB]);
const bigDb = join(data, 'demo-100k.db');
const demoBig = process.env.BENCH_SKIP_BIG ? null : seconds(['demo', '--scale', '100000', '--db', bigDb]);
console.log(`crm demo --scale 10000: ${demoSmall.toFixed(1)} s` + (demoBig === null ? '' : `; crm demo --scale 100000 (1,000,000 orders): ${demoBig.toFixed(1)} s`));
const listed = JSON.parse(crm(['contact', 'list', '--json'])).length;
if (listed !== 10_000) throw new Error(`expected 10000 contacts, listed ${listed}`);

const cases = {
  'node -e 0': ['-e', '0'],
  'crm --version': [bin, '--version'],
  'crm contact list --json (10,000)': [bin, 'contact', 'list', '--json'],
};
const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (const args of Object.values(cases)) time(args); // warm the file cache
for (let i = 0; i < runs; i++) for (const [name, args] of Object.entries(cases)) samples[name].push(time(args));

// Reports on the 100,000-contact demo (10,000 deals with their stage history).
if (demoBig !== null) {
  const big = { ...env, CRM_DB: bigDb };
  const timeBig = (args) => {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [bin, ...args], { env: big, stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0) throw new Error(`crm ${args.join(' ')} failed: ${r.stderr}`);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  for (const args of [['report', 'pipeline', '--json'], ['report', 'forecast', '--period', 'quarter', '--json']]) {
    timeBig(args);
    const xs = Array.from({ length: 7 }, () => timeBig(args));
    console.log(`crm ${args.slice(0, 2).join(' ')} on the 100,000-contact demo: median ${median(xs).toFixed(0)} ms (goal < 1000 ms)`);
  }
}

if (demoBig !== null && !process.env.BENCH_SKIP_PG) {
  const { pgBench } = await import('./pg.mjs');
  await pgBench({ bin, env, bigDb });
}

if (!process.env.BENCH_SKIP_VALUE) {
  const { valueBench } = await import('./value.mjs');
  await valueBench({ bin, data, env: { ...env, CRM_DB: join(data, 'unused.db') }, root });
}

const base = median(samples['node -e 0']);
const goals = { 'crm --version': 1.3, 'crm contact list --json (10,000)': 2.5 };
console.log(`median of ${runs} interleaved runs, node ${process.version}`);
for (const [name, xs] of Object.entries(samples)) {
  const ratio = median(xs) / base;
  const goal = goals[name] ? `  goal <= ${goals[name]}x ${ratio <= goals[name] ? 'met' : 'MISSED'}` : '';
  console.log(`${name.padEnd(36)} ${median(xs).toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}x node${goal}`);
}
