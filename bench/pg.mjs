// The team server's figures (issue 16): the 100,000-contact demo copied to a throwaway local PostgreSQL cluster with
// `crm db copy` (rows per second), then the reports and the contact list on both engines, as medians. Returns table rows.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { median } from './lib.mjs';

function postgresBin() {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dirname(realpathSync(join(dir, 'initdb')));
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  for (const v of readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => b - a)) {
    if (existsSync(join(root, v, 'bin', 'initdb'))) return join(root, v, 'bin');
  }
  return undefined;
}

const freePort = () => new Promise((resolve) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => resolve(port));
  });
});

/** A cluster with the settings a small team server would have (fsync on), in a temporary folder. */
async function startCluster(bin) {
  const dir = mkdtempSync(join(tmpdir(), 'crm-bench-pg-'));
  const data = join(dir, 'data');
  let run = (cmd, args) => execFileSync(cmd, args, { stdio: 'ignore' });
  if (process.getuid?.() === 0) {
    const owner = 'postgres';
    chownSync(dir, Number(execFileSync('id', ['-u', owner]).toString()), Number(execFileSync('id', ['-g', owner]).toString()));
    run = (cmd, args) => execFileSync('runuser', ['-u', owner, '--', cmd, ...args], { stdio: 'ignore' });
  }
  run(join(bin, 'initdb'), ['-D', data, '-U', 'bench', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
  writeFileSync(join(data, 'pg_hba.conf'), 'local all all trust\n');
  if (process.getuid?.() === 0) execFileSync('chown', ['--reference', data, join(data, 'pg_hba.conf')]);
  const port = await freePort();
  run(join(bin, 'pg_ctl'), ['-D', data, '-o', `-c listen_addresses= -c port=${port} -c unix_socket_directories=${dir} -c shared_buffers=256MB`,
    '-l', join(dir, 'log'), '-w', 'start']);
  return {
    dir, port, bin,
    stop: () => {
      try { run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']); } finally { rmSync(dir, { recursive: true, force: true }); }
    },
  };
}

export async function pgBench({ bin, env, bigDb }) {
  const pgBin = postgresBin();
  if (!pgBin) {
    console.log('PostgreSQL figures: SKIPPED (no initdb/pg_ctl; apt-get install postgresql)');
    return [];
  }
  const cluster = await startCluster(pgBin);
  const rows = [];
  try {
    execFileSync(join(pgBin, 'psql'), ['-h', cluster.dir, '-p', String(cluster.port), '-U', 'bench', '-d', 'postgres', '-c', 'create database crm'], { stdio: 'ignore' });
    const url = `postgresql:///crm?host=${encodeURIComponent(cluster.dir)}&port=${cluster.port}&user=bench`;
    const crm = (db, args) => {
      const start = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [bin, ...args, '--db', db], { env, encoding: 'utf8', maxBuffer: 1 << 30 });
      if (r.status !== 0) throw new Error(`crm ${args.join(' ')} failed: ${r.stderr}`);
      return { ms: Number(process.hrtime.bigint() - start) / 1e6, stdout: r.stdout };
    };
    const copy = crm(bigDb, ['db', 'copy', '--to', url, '--json']);
    const total = JSON.parse(copy.stdout.replace(/^[^{]*/, '')).total;
    const rate = total / (copy.ms / 1000);
    rows.push({ figure: '`db copy --to postgres`, 100k-contact demo', measured: `${Math.round(rate).toLocaleString('en-US')} rows/s (${total.toLocaleString('en-US')} rows in ${(copy.ms / 1000).toFixed(1)} s)`,
      goal: '>= 50,000 rows/s', met: rate >= 50_000 });
    const runs = Number(process.env.BENCH_PG_RUNS ?? 5);
    for (const args of [['report', 'pipeline', '--json'], ['report', 'forecast', '--json'], ['report', 'rfm', '--json'], ['contact', 'list', '--json']]) {
      crm(bigDb, args);
      crm(url, args);
      const lite = [];
      const pg = [];
      for (let i = 0; i < runs; i++) {
        lite.push(crm(bigDb, args).ms);
        pg.push(crm(url, args).ms);
      }
      const ratio = median(pg) / median(lite);
      rows.push({ figure: `\`${args.slice(0, 2).join(' ')}\` on PostgreSQL vs SQLite, 100k-contact demo`,
        measured: `${ratio.toFixed(2)}x (${median(pg).toFixed(0)} ms vs ${median(lite).toFixed(0)} ms)`, goal: '<= 1.5x', met: ratio <= 1.5 });
    }
  } finally {
    cluster.stop();
  }
  for (const r of rows) console.log(`  ${r.figure}: ${r.measured} (goal ${r.goal}, ${r.met ? 'met' : 'MISSED'})`);
  return rows;
}

// Alone: node bench/pg.mjs DEMO.db (a 100,000-contact demo made by crm demo --scale 100000).
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, '')) && process.argv[2]) {
  const root = join(dirname(new URL(import.meta.url).pathname), '..');
  await pgBench({ bin: join(root, 'bin', 'crm.js'), env: { ...process.env, CRM_USER: 'bench', TZ: 'UTC' }, bigDb: process.argv[2] });
}
