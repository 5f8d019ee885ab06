module.exports = {
  displayName: 'api-outcomes',
  preset: '../../../tools/jest/node-preset.cjs',
  rootDir: '.',
  coverageDirectory: '../../../coverage/libs/api/outcomes',
};
