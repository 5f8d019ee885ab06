// Shared Jest preset for every Node project (api, worker, api libs, tools).
// SWC compiles TypeScript with decorator metadata, so NestJS DI and class-validator work
// exactly as in the webpack build; tsconfig paths are resolved by Nx's resolver.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const nxPreset = require('@nx/jest/preset').default;

const swcrc = JSON.parse(readFileSync(join(__dirname, '../../.swcrc'), 'utf8'));

module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  transform: { '^.+\\.[tj]s$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  // Packages published as ES modules only, which Node 20.19+ loads with require() but Jest's
  // module system does not: SWC turns them into CommonJS like the project's own files.
  transformIgnorePatterns: ['/node_modules/(?!.*/node_modules/content-disposition/|content-disposition/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['**/?(*.)+(spec|int-spec).ts'],
  globalSetup: join(__dirname, 'global-setup.cjs'),
  globalTeardown: join(__dirname, 'global-teardown.cjs'),
  setupFiles: [join(__dirname, 'env-setup.cjs')],
};
