import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // In-process command tests format local times; the binary's sandbox pins TZ for its children the same way.
    env: { TZ: 'UTC' },
    // End-to-end tests spawn the built binary; give a loaded 2-core machine room.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
