import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Packages that only the UI or the worker may use: src/core must run the same in Node and the browser. */
const RUNTIME_PACKAGES = [
  'svelte',
  'svelte/*',
  '@duckdb/*',
  'duckdb-browser-blocking',
  'comlink',
  'monaco-editor',
  'monaco-editor/*',
  'echarts',
  'echarts/*',
  'leaflet',
];

export default ts.config(
  { ignores: ['dist/', 'node_modules/', 'target/', 'test-results/', 'playwright-report/', 'public/data/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig },
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: RUNTIME_PACKAGES, message: 'src/core is pure TypeScript: no UI, worker or database packages.' },
            {
              group: ['**/engine/*', '**/worker/*', '**/ui/*', '**/cli/*', 'node:*'],
              message: 'src/core imports nothing outside src/core.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/extract/**/*.ts', 'src/proxy/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: RUNTIME_PACKAGES,
              message:
                'Extract and proxy code runs in the browser, Node and edge runtimes: no UI or database packages.',
            },
            {
              group: ['**/engine/*', '**/worker/*', '**/ui/*', '**/cli/*'],
              message: 'Extract code may use src/core only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.ts', 'src/ui/**/*.svelte', 'src/engine/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/worker/*', '@duckdb/*', 'duckdb-browser-blocking'],
              message: 'The UI reaches the database only through src/engine (the worker is loaded by URL).',
            },
          ],
        },
      ],
    },
  },
);
