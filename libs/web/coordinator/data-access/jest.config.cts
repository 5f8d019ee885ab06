module.exports = {
  displayName: 'web-coordinator-data-access',
  preset: '../../../../tools/jest/web-preset.cjs',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../../coverage/libs/web/coordinator/data-access',
};
