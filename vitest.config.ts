import { defineConfig } from 'vitest/config';

// Tests run straight from source: the `@allhours/source` export condition points each
// workspace package at its `src/index.ts`, so no build is needed before `pnpm test`.
const conditions = ['@allhours/source', 'import', 'module', 'node', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts', 'examples/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { TZ: 'UTC' },
  },
});
