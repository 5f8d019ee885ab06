// The ESLint config of every Angular project (apps/web and libs/web/*/*): the workspace's base
// rules, Nx's Angular presets, the `gfmd` selector prefix, OnPush, and template accessibility.
import nx from '@nx/eslint-plugin';
import angular from 'angular-eslint';
import baseConfig from '../../eslint.config.mjs';

export default [
  ...nx.configs['flat/angular'],
  ...nx.configs['flat/angular-template'],
  ...baseConfig,
  {
    files: ['**/*.ts'],
    rules: {
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'gfmd', style: 'camelCase' }],
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'gfmd', style: 'kebab-case' }],
      '@angular-eslint/prefer-on-push-component-change-detection': 'error',
    },
  },
  // Templates must stay keyboard and screen-reader usable (alt text, labels, valid ARIA, no positive tabindex…).
  ...angular.configs.templateAccessibility.map((config) => ({ ...config, files: ['**/*.html'] })),
  {
    files: ['**/*.html'],
    rules: {},
  },
];
