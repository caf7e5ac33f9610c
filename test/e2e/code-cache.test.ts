import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from './crm.js';

// bin/crm.js compiles dist/crm.cjs with dist/cache/GROUP.v8. A cache V8 refuses (made by another Node version, or
// damaged) must cost time, never the command; where dist may be written it is made again, where it may not the
// command still works and leaves dist as it was.

const root = process.getuid?.() === 0;
const NOBODY = 65534;
const CHECKOUT = dirname(dirname(BIN));
const nobodyReachesModules = !root || spawnSync(process.execPath,
  ['-e', `require(${JSON.stringify(join(CHECKOUT, 'node_modules', 'better-sqlite3', 'package.json'))})`],
  { uid: NOBODY, gid: NOBODY, stdio: 'ignore' }).status === 0;
if (!nobodyReachesModules) console.warn(`\n*** SKIPPED: the read-only dist case: running as root, and user nobody cannot read ${CHECKOUT}/node_modules ***\n`);

/** Runs `check` on a copy of the installed crm (bin and dist, node_modules linked) in a folder anyone may read. */
function inInstall(check: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'crm-cache-'));
  try {
    chmodSync(dir, 0o755);
    for (const part of ['bin', 'dist', 'package.json']) cpSync(join(CHECKOUT, part), join(dir, part), { recursive: true });
    symlinkSync(join(CHECKOUT, 'node_modules'), join(dir, 'node_modules'));
    check(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether the loader of `dir` compiles with the cache of `group` as it is now (V8 takes it, nothing to remake). */
function cacheTaken(dir: string, group: string): boolean {
  const r = spawnSync(process.execPath, ['-e', `process.stdout.write(String(!require(${JSON.stringify(join(dir, 'bin', 'crm.js'))}).load(${JSON.stringify(group)}).stale))`],
    { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return r.stdout === 'true';
}

/** Runs the crm installed in `dir` on a new database; its stderr without the note that the database was created. */
function crm(dir: string, args: string[], uid?: number, nodeFlags: string[] = [], env: Record<string, string> = {}) {
  const home = mkdtempSync(join(tmpdir(), 'crm-cache-home-'));
  chmodSync(home, 0o777);
  const db = join(home, 'crm.db');
  const r = spawnSync(process.execPath, [...nodeFlags, join(dir, 'bin', 'crm.js'), ...args, '--db', db], {
    encoding: 'utf8', cwd: '/', ...(uid === undefined ? {} : { uid, gid: uid }),
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, CRM_USER: 'alice', CRM_NOW: '2026-03-11T10:30:00Z', TZ: 'UTC', ...env },
  });
  rmSync(home, { recursive: true, force: true });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.replace(`note: created a new database at ${db}\n`, '') };
}

const refused = Buffer.from('not a V8 code cache, as one made by another Node version is to this one');

describe('the code cache', () => {
  it('is taken as the build made it', () => inInstall((dir) => {
    for (const group of ['all', 'contact', 'complete']) expect(cacheTaken(dir, group), group).toBe(true);
  }));

  it('that V8 refuses is only slower: the command works and the cache is made again', () => inInstall((dir) => {
    const cache = join(dir, 'dist', 'cache', 'contact.v8');
    writeFileSync(cache, refused);
    expect(cacheTaken(dir, 'contact')).toBe(false);
    const r = crm(dir, ['contact', 'add', 'Ann Lee', '--json']);
    expect([r.status, r.stderr, JSON.parse(r.stdout).name]).toEqual([0, '', 'Ann Lee']);
    expect(readFileSync(cache).equals(refused)).toBe(false);
    expect(cacheTaken(dir, 'contact')).toBe(true);
    expect(readdirSync(join(dir, 'dist', 'cache')).filter((f) => !f.endsWith('.v8'))).toEqual([]);
  }));

  it('missing, for a noun without one or in a dist without caches, leaves the command as it was', () => inInstall((dir) => {
    // A noun without a cache of its own compiles with `all`'s.
    expect(existsSync(join(dir, 'dist', 'cache', 'order.v8'))).toBe(false);
    const orders = crm(dir, ['order', 'list', '--json']);
    expect([orders.status, orders.stderr, JSON.parse(orders.stdout)]).toEqual([0, '', []]);
    rmSync(join(dir, 'dist', 'cache'), { recursive: true });
    const add = crm(dir, ['contact', 'add', 'Ann Lee', '-q']);
    expect([add.status, add.stdout, add.stderr]).toEqual([0, '1\n', '']);
    expect(existsSync(join(dir, 'dist', 'cache'))).toBe(false);
  }));

  it('is not used under node --enable-source-maps, whose stack traces name the TypeScript sources', () => inInstall((dir) => {
    const cache = join(dir, 'dist', 'cache', 'contact.v8');
    writeFileSync(cache, refused);
    const r = crm(dir, ['contact', 'show', 'Nobody'], undefined, ['--enable-source-maps'], { CRM_DEBUG: '1' });
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^error: no contact matches "Nobody".*\nCrmError: no contact matches "Nobody"\n\s+at .*src\/errors\.ts:\d+:\d+\)/);
    expect(readFileSync(cache).equals(refused)).toBe(true);
  }));

  // Root is not stopped by file modes: as root the case runs crm as nobody, who must reach the checkout's node_modules
  // (not so in a clone inside a private home).
  it.runIf(nobodyReachesModules)('that V8 refuses in a dist the user may not write: the command works and dist stays as it was', () => inInstall((dir) => {
    const cache = join(dir, 'dist', 'cache', 'contact.v8');
    writeFileSync(cache, refused);
    const files = readdirSync(join(dir, 'dist', 'cache')).sort();
    expect(files).toContain('contact.v8');
    const modes = (mode: number) => {
      for (const d of [join(dir, 'dist'), join(dir, 'dist', 'cache')]) chmodSync(d, mode);
    };
    modes(0o555);
    try {
      const r = crm(dir, ['contact', 'add', 'Ann Lee', '-q'], root ? NOBODY : undefined);
      expect([r.status, r.stdout, r.stderr]).toEqual([0, '1\n', '']);
    } finally {
      modes(0o755);
    }
    expect(readFileSync(cache).equals(refused)).toBe(true);
    expect(readdirSync(join(dir, 'dist', 'cache')).sort()).toEqual(files);
  }));
});
