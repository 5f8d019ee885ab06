module.exports = {
  displayName: 'api-invitations',
  preset: '../../../tools/jest/node-preset.cjs',
  rootDir: '.',
  coverageDirectory: '../../../coverage/libs/api/invitations',
};
