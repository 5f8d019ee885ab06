module.exports = {
  displayName: 'contracts',
  preset: '../../../tools/jest/node-preset.cjs',
  rootDir: '.',
  coverageDirectory: '../../../coverage/libs/shared/contracts',
};
