// Shared Jest preset for the web libraries (Angular, zoneless): jest-preset-angular compiles each
// project's sources with its tsconfig.spec.json; tsconfig paths are resolved by Nx's resolver.
const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  transform: {
    '^.+\\.(ts|mjs|js|html)$': [
      'jest-preset-angular',
      {
        tsconfig: '<rootDir>/tsconfig.spec.json',
        stringifyContentPathRegex: '\\.(html|svg)$',
      },
    ],
  },
  // the staff part of the dictionaries, lazy in the app, is there from the start in unit tests
  setupFiles: [...(nxPreset.setupFiles ?? []), require('node:path').join(__dirname, 'web-i18n-setup.ts')],
  transformIgnorePatterns: ['node_modules/(?!.*\\.mjs$)'],
  snapshotSerializers: [
    'jest-preset-angular/build/serializers/no-ng-attributes',
    'jest-preset-angular/build/serializers/ng-snapshot',
    'jest-preset-angular/build/serializers/html-comment',
  ],
};
