import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // In-process command tests format local times; the binary's sandbox pins TZ for its children the same way.
    env: { TZ: 'UTC' },
    setupFiles: ['test/support/fast-check.ts'],
    // End-to-end tests spawn the built binary; give a loaded 2-core machine room.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Each file in a fresh process cost more than the tests themselves (about 1 s of start-up and module loading
    // per file, 60 files). Files share a worker's loaded modules instead: every command test builds its own
    // sandbox (HOME, database, env passed to main) and restores the working folder, so none leaks into the next.
    isolate: false,
    // Most of the time is spent waiting on child processes (the binary, shells, tmux): two workers keep both
    // cores busy even on a 2-core machine, where the default would be one.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
