// ESLint for the whole project: typescript-eslint's type-aware rules and React's hooks rules.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['node_modules/', 'static/build/', '.local/', 'dist/', 'cli/build/', 'coverage/', '.forge-bundle/', 'test-results/'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    // A leading underscore marks a parameter an interface requires but this implementation does not read;
    // destructuring a key out to keep the rest is how an object is copied without it.
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }] },
  },
  {
    files: ['static/**/*.tsx', 'static/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Code outside the engine imports it through its barrel (README, Architecture). Its test fixtures are not part
    // of the engine; the packed history's column appenders are kept internal to it; and a test that replaces one
    // of its modules with jest.mock imports that module by its own path.
    files: ['src/**/*.ts', 'static/**/*.ts', 'static/**/*.tsx', 'dev/**/*.ts', 'bench/**/*.ts'],
    ignores: ['src/domain/**', 'src/shared/packed-history.ts', 'static/project-page/src/flow-report-model.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/domain/*', '!**/domain/testing', '!**/domain/testing/*'],
              message: 'Import the engine through its barrel (src/domain), not a module inside it.',
            },
          ],
        },
      ],
    },
  },
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], ...tseslint.configs.disableTypeChecked },
  {
    // CommonJS files (a script Node preloads with --require, the flow-metrics package's launcher) import with
    // require(): it is their import statement.
    files: ['**/*.cjs', 'cli/bin/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
