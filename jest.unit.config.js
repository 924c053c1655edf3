/**
 * The fast layer (`npm run test:unit`): the connector's modules with small fakes, and the
 * architecture rules. No build, no sandbox, no runtime; `npm test` runs these and everything else.
 * @type {import('jest').Config}
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  globalSetup: undefined,
  testMatch: [
    '<rootDir>/test/{auth,cache,catalog,connector,jobber,replica,setup}/**/*.test.ts',
    '<rootDir>/test/errors.test.ts',
    '<rootDir>/test/build/architecture.test.ts',
    '<rootDir>/test/build/test-layers.test.ts',
  ],
};
