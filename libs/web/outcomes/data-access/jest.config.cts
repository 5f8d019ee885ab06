module.exports = {
  displayName: 'web-outcomes-data-access',
  preset: '../../../../tools/jest/web-preset.cjs',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../../coverage/libs/web/outcomes/data-access',
};
