module.exports = {
  displayName: 'api-mail',
  preset: '../../../tools/jest/node-preset.cjs',
  rootDir: '.',
  coverageDirectory: '../../../coverage/libs/api/mail',
};
