import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { main } from '../../src/main.js';
import { databaseUrl, ensureRole, freshDatabase, onPostgres, oneAtATime } from './engine.js';

export interface Run {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** What a person at a terminal sees: stdout and stderr interleaved in the order they were written. */
export interface Screen {
  exitCode: number;
  output: string;
}

class Capture extends Writable {
  private chunks: Buffer[] = [];
  constructor(readonly isTTY: boolean, private readonly both: Buffer[]) {
    super();
  }
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    this.chunks.push(buffer);
    this.both.push(buffer);
    done();
  }
  text() {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

export interface RunOptions {
  env?: Record<string, string>;
  input?: string;
  /** Pretend stdout (and stderr) are a terminal: tables, status lines. Never stdin, so nothing prompts. */
  tty?: boolean;
  /** Where the command runs (relative paths resolve here); the sandbox home unless given. */
  cwd?: string;
}

/**
 * A fresh user, like test/e2e/crm.ts's sandbox, but each command runs `main(argv, streams, env)` in this process:
 * the same code path as the binary after argv parsing, without a Node start per command.
 *
 * In the postgres project (test/support/engine.ts) the same sandbox gets a fresh database on the suite's cluster
 * (made on its first command, from the migrated template), and each command logs in as the user the test names with
 * CRM_USER: on a team server the login is who you are, so that is how a test becomes alice or bob there.
 */
export function sandbox(extra: Record<string, string> = {}) {
  const home = mkdtempSync(join(tmpdir(), 'crm-t-'));
  const env: Record<string, string> = {
    HOME: home,
    XDG_DATA_HOME: join(home, 'data'),
    XDG_CONFIG_HOME: join(home, 'config'),
    CRM_NOW: '2026-03-11T10:30:00Z',
    CRM_USER: 'alice',
    ...extra,
  };
  let database: Promise<string> | undefined;
  const engineEnv = async (given: Record<string, string>): Promise<Record<string, string>> => {
    if (!onPostgres) return {};
    const user = given.CRM_USER || 'alice';
    await ensureRole(user);
    database ??= freshDatabase();
    return { CRM_DB: databaseUrl(await database, user) };
  };
  const exec = async (args: string[], opts: RunOptions): Promise<Run & Screen> => {
    const both: Buffer[] = [];
    const given = { ...env, ...opts.env };
    const engine = await engineEnv(given);
    const stdout = new Capture(Boolean(opts.tty), both);
    const stderr = new Capture(Boolean(opts.tty), both);
    const stdin = Object.assign(Readable.from([Buffer.from(opts.input ?? '')]), { isTTY: false });
    const cwd = process.cwd();
    process.chdir(opts.cwd ?? home);
    try {
      const exitCode = await main(args, { stdin, stdout, stderr }, { ...env, ...engine, ...opts.env });
      return { exitCode, stdout: stdout.text(), stderr: stderr.text(), output: Buffer.concat(both).toString('utf8') };
    } finally {
      process.chdir(cwd);
    }
  };
  const run = async (args: string[], opts: RunOptions = {}): Promise<Run> => {
    const { exitCode, stdout, stderr } = await exec(args, opts);
    return { exitCode, stdout, stderr };
  };
  /** Runs with stdout and stderr on a terminal and returns the screen they share. */
  const terminal = async (args: string[], opts: Omit<RunOptions, 'tty'> = {}): Promise<Screen> => {
    const { exitCode, output } = await exec(args, { ...opts, tty: true });
    return { exitCode, output };
  };
  const json = async <T = any>(args: string[], opts: RunOptions = {}): Promise<T> => {
    const r = await run([...args, '--json'], opts);
    if (r.exitCode !== 0) throw new Error(`crm ${args.join(' ')} exited ${r.exitCode}: ${r.stderr}`);
    return JSON.parse(r.stdout) as T;
  };
  /**
   * Puts people on the team, as a real team does before they own anything (`--owner` and `quota set` accept only names
   * on the roster). On a team server each becomes a login: its role is made first as the other test users' are, and
   * changed by one worker at a time.
   */
  const team = async (...names: string[]): Promise<void> => {
    for (const name of names) {
      const add = () => run(['team', 'add', name, ...(onPostgres ? ['--password-stdin'] : [])], { input: onPostgres ? `pw-${name}` : undefined });
      const r = onPostgres ? await oneAtATime(async () => (await ensureRole(name), add())) : await add();
      if (r.exitCode !== 0) throw new Error(`crm team add ${name} exited ${r.exitCode}: ${r.stderr}`);
    }
  };
  return { home, env, run, terminal, json, team, dbPath: join(home, 'data', 'crm', 'crm.db') };
}
