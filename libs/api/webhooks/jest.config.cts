module.exports = {
  displayName: 'api-webhooks',
  preset: '../../../tools/jest/node-preset.cjs',
  rootDir: '.',
  coverageDirectory: '../../../coverage/libs/api/webhooks',
};
