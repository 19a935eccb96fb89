import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // A person waits a few seconds for a screen; a loaded CI machine needs that too (the 1 s default flakes).
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
