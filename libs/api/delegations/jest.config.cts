module.exports = {
  displayName: 'api-delegations',
  preset: '../../../tools/jest/node-preset.cjs',
  rootDir: '.',
  coverageDirectory: '../../../coverage/libs/api/delegations',
};
