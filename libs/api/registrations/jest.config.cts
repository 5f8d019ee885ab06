module.exports = {
  displayName: 'api-registrations',
  preset: '../../../tools/jest/node-preset.cjs',
  rootDir: '.',
  coverageDirectory: '../../../coverage/libs/api/registrations',
};
