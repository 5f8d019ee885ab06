// The translators' workflow (po.js, used by tools/i18n-po.mjs): run by `npm test` with the others.
module.exports = {
  displayName: 'tools-i18n',
  preset: '../jest/node-preset.cjs',
  rootDir: '.',
  coverageDirectory: '../../coverage/tools/i18n',
};
