module.exports = {
  displayName: 'api',
  preset: '../../tools/jest/node-preset.cjs',
  rootDir: '.',
  coverageDirectory: '../../coverage/apps/api',
};
