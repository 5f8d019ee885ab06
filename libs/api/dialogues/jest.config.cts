module.exports = {
  displayName: 'api-dialogues',
  preset: '../../../tools/jest/node-preset.cjs',
  rootDir: '.',
  coverageDirectory: '../../../coverage/libs/api/dialogues',
};
