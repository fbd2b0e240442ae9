// One lint set-up for the whole workspace: typescript-eslint (type-aware),
// react-hooks for the TUI, import-x for package boundaries, and
// eslint-config-prettier last so formatting is Prettier's job alone.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noReactInCore = {
  'no-restricted-imports': [
    'error',
    {
      paths: ['react', 'ink', 'ink-testing-library'].map((name) => ({
        name,
        message: 'peer-core and directory never depend on the TUI stack.',
      })),
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'packages/peer-core/src/generated/**',
      '**/coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: {
        project: ['packages/*/tsconfig.json', 'tsconfig.check.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'default-case': 'error',
      'import-x/no-relative-packages': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ThrowStatement > Literal',
          message: 'Throw an Error subclass, never a literal.',
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['packages/peer-core/src/**', 'packages/directory/src/**'],
    ignores: ['**/cli/**', '**/*.test.ts'],
    rules: { ...noReactInCore, 'no-console': 'error' },
  },
  {
    files: ['packages/peer-core/src/**', 'packages/directory/src/**'],
    rules: noReactInCore,
  },
  {
    files: ['packages/tui/src/**/*.tsx', 'packages/tui/src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  prettier,
);
