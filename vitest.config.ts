import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { postgresBin } from './test/support/pg-cluster.js';

// The command tests run twice: on SQLite, and on a throwaway PostgreSQL cluster (test/support/pg-global.ts) when the
// server's binaries are here. Without them the PostgreSQL half is not run, loudly; in CI that is a failure.
// CRM_TEST_POSTGRES=0 leaves it out on purpose (a quick SQLite-only run), with the same banner.
const pgBin = process.env.CRM_TEST_POSTGRES === '0' ? undefined : postgresBin();
if (!pgBin) {
  const why = process.env.CRM_TEST_POSTGRES === '0' ? 'CRM_TEST_POSTGRES=0' : 'no initdb/pg_ctl on PATH or in /usr/lib/postgresql/*/bin';
  const banner = '\n' + '!'.repeat(78) + `\n!!  PostgreSQL tests were NOT run: ${why}.\n`
    + '!!  Install PostgreSQL (Debian: apt-get install postgresql) to run the command suite on both engines.\n' + '!'.repeat(78) + '\n';
  process.stderr.write(banner);
  if (process.env.CI === 'true') throw new Error('CI must run the PostgreSQL tests: install postgresql (.ci/run does)');
}

// Every scratch file of a run (homes, databases, the PostgreSQL cluster) goes under one folder made for the run and
// removed when it ends: the tests make thousands of folders, and runs used to leave them all in /tmp. Workers and the
// binaries they start inherit TMPDIR. The guard keeps one folder if this file is evaluated twice.
if (!process.env.CRM_TEST_SCRATCH) {
  const scratch = mkdtempSync(join(tmpdir(), 'crm-test-run-'));
  // Others may pass through (not list): the PostgreSQL cluster and the tests that run as `nobody` live in here.
  chmodSync(scratch, 0o711);
  process.env.CRM_TEST_SCRATCH = scratch;
  process.env.TMPDIR = scratch;
  process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
}

/** The command tests that are about SQLite files (paths, modes, file backups), not about what a command does. */
const SQLITE_ONLY = ['test/commands/db-path.test.ts', 'test/commands/db.test.ts', 'test/commands/readme.test.ts', 'test/commands/completion.test.ts',
  // File modes and file restores: SQLite's own (hostile.test.ts skips its few tests of SQLite files on PostgreSQL).
  'test/commands/private-files.test.ts', 'test/commands/restore.test.ts'];

export default defineConfig({
  test: {
    // In-process command tests format local times; the binary's sandbox pins TZ for its children the same way.
    env: { TZ: 'UTC' },
    setupFiles: ['test/support/fast-check.ts'],
    // End-to-end tests spawn the built binary; give a loaded 2-core machine room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Each file in a fresh process cost more than the tests themselves (about 1 s of start-up and module loading
    // per file, 60 files). Files share a worker's loaded modules instead: every command test builds its own
    // sandbox (HOME, database, env passed to main) and restores the working folder, so none leaks into the next.
    isolate: false,
    // Most of the time is spent waiting on child processes (the binary, shells, tmux): two workers keep both
    // cores busy even on a 2-core machine, where the default would be one.
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      { extends: true, test: { name: 'sqlite', include: ['test/**/*.test.ts'], exclude: ['test/postgres/**'] } },
      ...(pgBin ? [{
        extends: true as const,
        test: {
          name: 'postgres',
          include: ['test/commands/**/*.test.ts', 'test/postgres/**/*.test.ts'],
          exclude: SQLITE_ONLY,
          globalSetup: ['test/support/pg-global.ts'],
        },
      }] : []),
    ],
  },
});
