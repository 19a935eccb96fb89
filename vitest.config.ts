import { defineConfig } from 'vitest/config';

// The database suite runs once per engine: embedded PGlite always, PostgreSQL when
// TEST_DATABASE_URL is set (CI sets it). Pure unit tests run once.
const dbProject = (name: 'pglite' | 'postgres') => ({
  test: {
    name,
    include: ['src/**/*.test.ts'],
    exclude: ['src/**/*.unit.test.ts', 'src/web/**'],
    env: { LOOPDESK_TEST_DB: name },
    // generous: a test that starts extra app instances must not fail because CI shares the machine
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.unit.test.ts'], testTimeout: 30_000 } },
      dbProject('pglite'),
      ...(process.env.TEST_DATABASE_URL ? [dbProject('postgres')] : []),
    ],
  },
});
