import baseConfig from '../../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // Test helpers handle arbitrary JSON bodies.
    files: ['**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
];
