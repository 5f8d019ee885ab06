module.exports = {
  displayName: 'web-check-in-feature',
  preset: '../../../../tools/jest/web-preset.cjs',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../../coverage/libs/web/check-in/feature',
};
