// The scale-out test: two production servers (`next start`, from a finished `next build`) on one
// Redis and one PostgreSQL, run by scripts/test.sh under scripts/with-redis.sh and
// scripts/with-postgres.sh. Separate from the unit tests: it needs the build and takes a minute.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('../../', import.meta.url)) } },
  test: {
    root: fileURLToPath(new URL('../../', import.meta.url)),
    include: ['tests/scale/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
