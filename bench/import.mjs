// node bench/import.mjs [RUNS]: crm order import alone on bench/value.mjs's 1,000,000 synthetic orders of 100,000
// customers, into a new database each run (build first: node scripts/build.mjs). Prints each run and the median.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticOrders } from './value.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const data = join(root, 'bench', '.data', 'import');
const runs = Number(process.argv[2] ?? 3);
rmSync(data, { recursive: true, force: true });
mkdirSync(data, { recursive: true });
const csv = join(data, 'synthetic.csv');
syntheticOrders(csv);
const env = { ...process.env, HOME: data, XDG_CONFIG_HOME: join(data, 'config'), CRM_USER: 'bench', TZ: 'UTC' };

const rates = [];
for (let i = 0; i < runs; i++) {
  const db = join(data, `run${i}.db`);
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(root, 'bin', 'crm.js'), 'order', 'import', csv, '--create-customers', 'company', '--db', db, '--json'],
    { env, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(r.stderr);
  rmSync(db, { force: true });
  rates.push(1_000_000 / seconds);
  console.log(`run ${i + 1}: ${seconds.toFixed(1)} s, ${Math.round(1_000_000 / seconds).toLocaleString('en-US')} orders/s (incl. startup)`);
}
console.log(`median: ${Math.round([...rates].sort((a, b) => a - b)[Math.floor(runs / 2)]).toLocaleString('en-US')} orders/s`);
