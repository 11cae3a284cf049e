/** Four tiers: unit (pure), model (generated machine paths), integration (real database), e2e (HTTP). */
const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
    },
  ],
};
const project = (name, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  transform,
  testMatch: [`<rootDir>/test/${name}/**/*.spec.ts`],
  ...extra,
});
module.exports = {
  // Global, not per project (Jest reads it from the top level only). Each file starts the whole application, some
  // start servers or a browser, and a step now runs many checks: generous, not tight.
  testTimeout: 60_000,
  projects: [
    project('unit'),
    project('model'),
    project('integration', { globalSetup: '<rootDir>/test/support/global-setup.ts' }),
    project('e2e', { globalSetup: '<rootDir>/test/support/global-setup.ts' }),
    // The web pages in Debian's Chromium against the real app; the global setup builds web/dist when stale.
    project('browser', { globalSetup: '<rootDir>/test/browser/support/build-web.ts' }),
  ],
};
