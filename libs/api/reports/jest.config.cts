module.exports = {
  displayName: 'api-reports',
  preset: '../../../tools/jest/node-preset.cjs',
  rootDir: '.',
  coverageDirectory: '../../../coverage/libs/api/reports',
};
