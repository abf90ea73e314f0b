// The browser end-to-end tests: headless Chromium on the production bundle in dist/ (built by
// `npm run build`; this config builds nothing itself).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' } },
    ],
  },
  // One browser at a time: the machine has two cores and the tests share a Chromium.
  maxWorkers: 1,
  testTimeout: 120000,
};
