import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, realpathSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Where initdb and pg_ctl are: on PATH, or Debian's /usr/lib/postgresql/VERSION/bin (newest first); undefined if nowhere. */
export function postgresBin(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    // Symlinks (/usr/local/bin/initdb) lead to the folder that has psql too.
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dirname(realpathSync(join(dir, 'initdb')));
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const dir = join(root, v, 'bin');
    if (existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  return undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface Cluster {
  bin: string;
  dir: string;
  socket: string;
  port: number;
  /** The superuser: whoever runs the tests. */
  superuser: string;
  stop(): void;
}

/**
 * A throwaway cluster: initdb in a temporary folder (trust for local connections), listening on a free port on the
 * loopback and on a socket in that folder; stop() stops it and removes the folder.
 */
export async function startCluster(bin: string): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-pg-'));
  const data = join(dir, 'data');
  const superuser = 'crm_test';
  // initdb refuses to run as root: then the cluster belongs to the postgres user (or nobody), run with runuser.
  let run = (cmd: string, args: string[], opts: object) => execFileSync(cmd, args, opts);
  if (process.getuid?.() === 0) {
    const owner = ['postgres', 'nobody'].find((u) => { try { execFileSync('id', ['-u', u], { stdio: 'ignore' }); return true; } catch { return false; } })!;
    const uid = Number(execFileSync('id', ['-u', owner]).toString());
    const gid = Number(execFileSync('id', ['-g', owner]).toString());
    chownSync(dir, uid, gid);
    run = (cmd, args, opts) => execFileSync('runuser', ['-u', owner, '--', cmd, ...args], opts);
  }
  run(join(bin, 'initdb'), ['-D', data, '-U', superuser, '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync'], { stdio: 'ignore' });
  // Local connections (the socket, the loopback) are trusted, except members of crm_password_login, who must prove
  // their password (the test of crm's password handling); logins from elsewhere are not accepted at all.
  writeFileSync(join(data, 'pg_hba.conf'), 'local all +crm_password_login scram-sha-256\nlocal all all trust\nhost all all 127.0.0.1/32 trust\n');
  if (process.getuid?.() === 0) execFileSync('chown', ['--reference', data, join(data, 'pg_hba.conf')]);
  const port = await freePort();
  const options = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c fsync=off -c synchronous_commit=off `
    + '-c full_page_writes=off -c max_connections=200 -c shared_buffers=64MB';
  run(join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start'], { stdio: 'ignore' });
  const stop = () => {
    try {
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], { stdio: 'ignore' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return { bin, dir, socket: dir, port, superuser, stop };
}

/** Runs psql as `user` on `database`; returns stdout, throws with stderr. */
export function psql(c: Pick<Cluster, 'bin' | 'socket' | 'port'>, user: string, database: string, command: string, input?: string, password = '') {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const p = spawn(join(c.bin, 'psql'), ['-X', '-q', '-h', c.socket, '-p', String(c.port), '-U', user, '-d', database, '-v', 'ON_ERROR_STOP=1', '-c', command],
      { env: { ...process.env, PGPASSWORD: password } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => { stdout += d; });
    p.stderr.on('data', (d) => { stderr += d; });
    p.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    p.stdin.end(input ?? '');
  });
}
