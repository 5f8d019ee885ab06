module.exports = {
  displayName: 'api-staff',
  preset: '../../../tools/jest/node-preset.cjs',
  rootDir: '.',
  coverageDirectory: '../../../coverage/libs/api/staff',
};
