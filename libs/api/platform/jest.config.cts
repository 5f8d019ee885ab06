module.exports = {
  displayName: 'api-platform',
  preset: '../../../tools/jest/node-preset.cjs',
  rootDir: '.',
  coverageDirectory: '../../../coverage/libs/api/platform',
};
