import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'coverage/**', 'node_modules/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/platform/apps-script.ts'],
    rules: {
      // Apps Script globals are reached only through src/platform/apps-script.ts.
      'no-restricted-globals': [
        'error',
        ...[
          'UrlFetchApp',
          'PropertiesService',
          'CacheService',
          'LockService',
          'Utilities',
          'ScriptApp',
          'Session',
          'HtmlService',
          'DataStudioApp',
          'OAuth2',
          'Logger',
        ].map((name) => ({
          name,
          message: 'Reach Apps Script services through the Platform (src/platform/platform.ts).',
        })),
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/sandbox/**', '**/bench/**', 'node:*'],
              message: 'src/ runs in Apps Script: no Node or sandbox code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The playground's page: plain browser modules served as they are (no build step).
    files: ['sandbox/playground/public/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: Object.fromEntries(
        ['window', 'document', 'fetch', 'Node', 'setTimeout', 'setInterval', 'clearInterval', 'console'].map(
          (name) => [name, 'readonly'],
        ),
      ),
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
