module.exports = {
  displayName: 'api-syntheses',
  preset: '../../../tools/jest/node-preset.cjs',
  rootDir: '.',
  coverageDirectory: '../../../coverage/libs/api/syntheses',
};
