module.exports = {
  displayName: 'api-check-in',
  preset: '../../../tools/jest/node-preset.cjs',
  rootDir: '.',
  coverageDirectory: '../../../coverage/libs/api/check-in',
};
