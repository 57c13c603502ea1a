import { defineConfig } from 'vitest/config';

// Unit tests run the TypeScript sources through the "@kiemdiem/source" export condition;
// scenario tests use the built packages and the kiemdiem binary, as users do.
const sourceConditions = ['@kiemdiem/source', 'module', 'node', 'development|production'];

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { conditions: sourceConditions },
        ssr: { resolve: { conditions: sourceConditions, externalConditions: ['@kiemdiem/source'] } },
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'scenario',
          include: ['tests/scenario/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
