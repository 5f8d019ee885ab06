module.exports = {
  displayName: 'worker',
  preset: '../../tools/jest/node-preset.cjs',
  rootDir: '.',
  coverageDirectory: '../../coverage/apps/worker',
};
