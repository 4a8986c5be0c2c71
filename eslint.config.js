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
  ...boundaries([
    {
      files: ['src/core/**/*.ts', 'src/sample/**/*.ts'],
      message: 'src/core and src/sample are pure TypeScript and import only src/core.',
      packages: RUNTIME_PACKAGES,
      folders: ['engine', 'worker', 'database', 'ui', 'cli', 'download', 'proxy', 'sample'],
      node: true,
    },
    {
      files: ['src/download/**/*.ts', 'src/proxy/**/*.ts'],
      message: 'Download and proxy code runs in the browser, Node and edge runtimes: it may use src/core only.',
      packages: RUNTIME_PACKAGES,
      folders: ['engine', 'worker', 'database', 'ui', 'cli', 'sample'],
    },
    {
      files: ['src/ui/**/*.ts', 'src/ui/**/*.svelte', 'src/engine/**/*.ts'],
      message: 'The UI reaches the database only through src/engine (the worker is loaded by URL).',
      packages: ['@duckdb/*', 'duckdb-browser-blocking'],
      folders: ['worker', 'database', 'cli', 'sample'],
    },
    {
      files: ['src/database/**/*.ts', 'src/worker/**/*.ts'],
      message: 'The database and its worker use src/core and the src/engine contract only.',
      packages: ['svelte', 'svelte/*', 'monaco-editor', 'monaco-editor/*', 'echarts', 'echarts/*', 'leaflet'],
      folders: ['ui', 'cli', 'download', 'sample'],
    },
    {
      files: ['src/cli/**/*.ts'],
      message: 'The CLI runs in Node: it may not import the UI or the browser worker.',
      packages: ['svelte', 'svelte/*', 'monaco-editor', 'monaco-editor/*', 'echarts', 'echarts/*', 'leaflet'],
      folders: ['ui', 'worker'],
    },
  ]),
);

/**
 * One `no-restricted-imports` block per folder: the packages and sibling folders it may not import.
 * @param {{files: string[], message: string, packages: string[], folders: string[], node?: boolean}[]} rules
 */
function boundaries(rules) {
  return rules.map(({ files, message, packages, folders, node }) => ({
    files,
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: packages, message },
            { group: [...folders.map((folder) => `**/${folder}/*`), ...(node ? ['node:*'] : [])], message },
          ],
        },
      ],
    },
  }));
}
