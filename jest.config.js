/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
  globalSetup: '<rootDir>/test/support/require-fresh-build.js',
  testTimeout: 60_000,
  // The end-to-end suites start child processes (sandbox) and worker threads (runtime); two
  // suites at a time keeps a 2-core machine busy without starving the servers.
  maxWorkers: 2,
};
