// ESLint, type-aware: @eslint/js's recommended rules and typescript-eslint's recommendedTypeChecked,
// plus the strict rules that catch real bugs (promises left floating or passed where a callback's
// return is ignored, exhaustive switches over the contract's unions...). Formatting is Prettier's
// (npm run lint runs both). TypeScript files are checked against tsconfig.json through the project
// service (the Flex plugin's against flex-plugin/tsconfig.json); the plain JavaScript files (scripts,
// dev/run.mjs) are linted without type information.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import eslintComments from '@eslint-community/eslint-plugin-eslint-comments';

export default defineConfig(
  globalIgnores([
    'node_modules/',
    'dist/',
    'coverage/',
    'test-results/',
    '.test-stacks/',
    '.dev-build/',
    '.twilio-functions/',
    'flex-plugin/node_modules/',
    'flex-plugin/build/',
  ]),

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@eslint-community/eslint-comments': eslintComments },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // From strictTypeChecked and beyond: the rules that catch bugs rather than style.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/return-await': ['error', 'error-handling-correctness-only'],
      '@typescript-eslint/no-misused-spread': 'error',
      '@typescript-eslint/no-deprecated': 'error',
      '@typescript-eslint/require-array-sort-compare': ['error', { ignoreStringArrays: true }],
      // `_`-prefixed names are deliberate (tsconfig's noUnusedParameters reports the others too).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Every disable names its rule and says why (`-- reason`), and one that no longer applies fails.
      '@eslint-community/eslint-comments/require-description': ['error', { ignore: ['eslint-enable'] }],
      '@eslint-community/eslint-comments/no-unlimited-disable': 'error',
    },
  },

  // Plain JavaScript: no type information.
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },

  // Where the code runs.
  {
    files: ['src/pages/**', 'dev/sandbox/console/**', 'flex-plugin/src/**', 'flex-plugin/public/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: [
      'src/functions/**',
      'src/core/**',
      'src/platform/**',
      'src/contract.ts',
      'dev/**',
      'scripts/**',
      'tests/**',
      '*.js',
      '*.mjs',
    ],
    ignores: ['dev/sandbox/console/**'],
    languageOptions: { globals: globals.node },
  },
  { files: ['**/*.test.ts', 'tests/**'], languageOptions: { globals: globals.jest } },
  // The bench drives Chromium: the functions it hands to page.evaluate run in the page.
  { files: ['scripts/bench.mjs', 'scripts/bench-call.mjs'], languageOptions: { globals: globals.browser } },
  { files: ['jest.config.js'], languageOptions: { sourceType: 'commonjs' } },
  // What jest and node --require load as CommonJS (jest's transform and sequencer, twilio-run's preload).
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // The Flex plugin's toolchain loads its webpack configuration with require: CommonJS, as above.
  {
    files: ['flex-plugin/webpack.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
