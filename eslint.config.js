// ESLint flat config. `npm run lint` runs `eslint .` from the repo root.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { layersPlugin } from './eslint/layers.js';

const ENV_MESSAGE = 'Read configuration through src/config.ts (the one place that reads process.env).';

/** Node globals for the few plain .js/.mjs files (the `globals` package is not a dependency). */
const nodeGlobals = {
  process: 'readonly',
  console: 'readonly',
  Buffer: 'readonly',
  URL: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
  setInterval: 'readonly',
  clearInterval: 'readonly',
};

export default defineConfig(
  {
    ignores: ['dist/**', 'packages/*/dist/**', 'node_modules/**', 'drizzle/**', '.data/**', 'test-artifacts/**', 'coverage/**'],
  },
  js.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mts', '**/*.cts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: nodeGlobals },
  },
  {
    // vitest's asymmetric matchers (expect.any, expect.stringContaining…) are typed `any`.
    files: ['test/**/*.ts', 'packages/*/test/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    // The layer rules (docs/ARCHITECTURE.md), on every import.
    files: ['src/**/*.ts', 'packages/**/*.ts'],
    plugins: { layers: layersPlugin },
    rules: { 'layers/imports': 'error' },
  },
  {
    // Scripts served to the browser by the local Slack workspace: browser globals, no Node.
    files: ['packages/slack-workspace/page/**/*.js'],
    languageOptions: { sourceType: 'module' },
    rules: { 'no-undef': 'off' },
  },
  {
    // One place reads the environment (DESIGN §4).
    files: ['**/*.{ts,mts,cts,js,mjs,cjs}'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: ENV_MESSAGE }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'process', importNames: ['env'], message: ENV_MESSAGE },
            { name: 'node:process', importNames: ['env'], message: ENV_MESSAGE },
          ],
        },
      ],
    },
  },
  {
    // ...plus tests, benchmarks, CI and tool configuration, which set up or inspect environments.
    files: [
      'src/config.ts',
      'test/**',
      'bench/**',
      '.ci/**',
      '*.config.{ts,js,mjs,cjs}',
    ],
    rules: {
      'no-restricted-properties': 'off',
      'no-restricted-imports': 'off',
    },
  },
);
