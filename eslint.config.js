// ESLint, run by `npm test` (and `npm run lint`): few rules, the ones that matter here.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'public/', 'migrations/', 'bench/', 'coverage/'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      // A `!` hides the case a type says can happen: narrow the type instead (requirePermission asserts).
      '@typescript-eslint/no-non-null-assertion': 'error',
    },
  },
  {
    // Tests may assert what they just created.
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**', 'scripts/**', '**/*.fixture.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // The layer rule (the full check with the module order is src/app/layers.test.ts).
    files: ['src/platform/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/modules/**', '**/app/**'], message: 'src/platform/ is library code: it imports no module and not the app.' }] },
      ],
    },
  },
);
