module.exports = {
  displayName: 'api-questions',
  preset: '../../../tools/jest/node-preset.cjs',
  rootDir: '.',
  coverageDirectory: '../../../coverage/libs/api/questions',
};
