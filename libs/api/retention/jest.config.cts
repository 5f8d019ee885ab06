module.exports = {
  displayName: 'api-retention',
  preset: '../../../tools/jest/node-preset.cjs',
  rootDir: '.',
  coverageDirectory: '../../../coverage/libs/api/retention',
};
