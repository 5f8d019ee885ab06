module.exports = {
  displayName: 'api-testing',
  preset: '../../../tools/jest/node-preset.cjs',
  rootDir: '.',
  coverageDirectory: '../../../coverage/libs/api/testing',
};
