import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const resolve = {
  alias: {
    '@': fileURLToPath(new URL('./', import.meta.url)),
    'server-only': fileURLToPath(new URL('./tests/unit/server-only-stub.ts', import.meta.url)),
  },
};

// Two projects: `unit` (pure and in-process, tests/unit/<domain>/) and `integration` (real Redis,
// PostgreSQL and child processes, tests/integration/; run under scripts/with-redis.sh and
// scripts/with-postgres.sh). `npx vitest run --project unit` runs the fast half alone.
export default defineConfig({
  resolve,
  test: {
    projects: [
      {
        resolve,
        test: {
          name: 'unit',
          // Property tests run thousands of cases: on a loaded 2-core machine 5 s is not enough.
          testTimeout: 20_000,
          include: ['tests/unit/**/*.test.ts'],
          // Route handlers are called thousands of times by property tests: no API rate limit here.
          // SOURCES set and empty: the embedded snapshot, never a real upstream (unset means live).
          env: { RATE_LIMIT_PER_MINUTE: '0', SOURCES: '' },
          environment: 'node',
        },
      },
      {
        resolve,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          env: { RATE_LIMIT_PER_MINUTE: '0', SOURCES: '' },
          environment: 'node',
        },
      },
    ],
  },
});
