module.exports = {
  displayName: 'web-reports-feature',
  preset: '../../../../tools/jest/web-preset.cjs',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../../coverage/libs/web/reports/feature',
};
