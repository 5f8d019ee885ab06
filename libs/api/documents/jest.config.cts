module.exports = {
  displayName: 'api-documents',
  preset: '../../../tools/jest/node-preset.cjs',
  rootDir: '.',
  coverageDirectory: '../../../coverage/libs/api/documents',
};
