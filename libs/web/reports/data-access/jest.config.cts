module.exports = {
  displayName: 'web-reports-data-access',
  preset: '../../../../tools/jest/web-preset.cjs',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../../coverage/libs/web/reports/data-access',
};
