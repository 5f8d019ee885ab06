module.exports = {
  displayName: 'web-outcomes-feature',
  preset: '../../../../tools/jest/web-preset.cjs',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../../coverage/libs/web/outcomes/feature',
};
