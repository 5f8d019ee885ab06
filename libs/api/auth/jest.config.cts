module.exports = {
  displayName: 'api-auth',
  preset: '../../../tools/jest/node-preset.cjs',
  rootDir: '.',
  coverageDirectory: '../../../coverage/libs/api/auth',
};
