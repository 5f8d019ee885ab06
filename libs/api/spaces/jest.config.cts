module.exports = {
  displayName: 'api-spaces',
  preset: '../../../tools/jest/node-preset.cjs',
  rootDir: '.',
  coverageDirectory: '../../../coverage/libs/api/spaces',
};
