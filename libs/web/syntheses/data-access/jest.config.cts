module.exports = {
  displayName: 'web-syntheses-data-access',
  preset: '../../../../tools/jest/web-preset.cjs',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../../coverage/libs/web/syntheses/data-access',
};
