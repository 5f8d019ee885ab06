module.exports = {
  displayName: 'api-agenda',
  preset: '../../../tools/jest/node-preset.cjs',
  rootDir: '.',
  coverageDirectory: '../../../coverage/libs/api/agenda',
};
