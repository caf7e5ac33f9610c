import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

export const BIN = fileURLToPath(new URL('../../bin/crm.js', import.meta.url));

export interface Run {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * A fresh user: empty HOME, own XDG folders, pinned clock and user, no inherited CRM_* variables.
 * Every call runs the built binary as a user would.
 */
export function sandbox(extra: Record<string, string> = {}) {
  const home = mkdtempSync(join(tmpdir(), 'crm-e2e-'));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    XDG_DATA_HOME: join(home, 'data'),
    XDG_CONFIG_HOME: join(home, 'config'),
    CRM_NOW: '2026-03-11T10:30:00Z',
    CRM_USER: 'alice',
    TZ: 'UTC',
    ...extra,
  };
  const run = async (args: string[], opts: { env?: Record<string, string>; input?: string } = {}): Promise<Run> => {
    const r = await execa('node', [BIN, ...args], {
      env: { ...env, ...opts.env }, extendEnv: false, reject: false, input: opts.input ?? '', cwd: home, stripFinalNewline: false,
    });
    return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
  };
  /** Runs with --json and parses stdout; fails loudly if the command failed. */
  const json = async <T = any>(args: string[], opts: { env?: Record<string, string> } = {}): Promise<T> => {
    const r = await run([...args, '--json'], opts);
    if (r.exitCode !== 0) throw new Error(`crm ${args.join(' ')} exited ${r.exitCode}: ${r.stderr}`);
    return JSON.parse(r.stdout) as T;
  };
  return { home, env, run, json, dbPath: join(home, 'data', 'crm', 'crm.db') };
}
