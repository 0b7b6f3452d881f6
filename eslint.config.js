// ESLint: the TypeScript sources, tests and scripts; formatting is Prettier's (eslint-config-prettier turns style rules off).
import js from '@eslint/js';
import globals from 'globals';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'lib/',
      'lib.next-*/',
      'lib.old-*/',
      'node_modules/',
      'dist/',
      'dist.builds/',
      'bench-work/',
      'test-artifacts/',
      '.parkpress-cache/',
      'public/',
      'test/fixtures/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Unused bindings are compile errors already (noUnusedLocals); a leading _ marks one kept on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      // One destructuring may assign a reassigned binding beside bindings that are not.
      'prefer-const': ['error', { destructuring: 'all' }],
      // Control characters are what the loader and normalizer look for.
      'no-control-regex': 'off',
      'no-console': 'off',
    },
  },
  {
    // Tests read parsed JSON, XML and pages whose shape is what they check.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: { globals: globals.node },
  },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  prettier,
);
