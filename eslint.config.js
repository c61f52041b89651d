// ESLint, run by `npm test` (and `npm run lint`): few rules, the ones that matter here.
import tseslint from 'typescript-eslint';

const LEGACY_NON_NULL = [
  'src/app/cli.ts',
  'src/app/serve.ts',
  'src/modules/accounts/api-tokens.service.ts',
  'src/modules/accounts/login.service.ts',
  'src/modules/accounts/members.routes.tsx',
  'src/modules/accounts/members.service.ts',
  'src/modules/accounts/routes.tsx',
  'src/modules/actors/actors.service.ts',
  'src/modules/demo/demo-palmares.generator.ts',
  'src/modules/initiatives/photos.service.ts',
  'src/modules/initiatives/publication.service.ts',
  'src/modules/initiatives/save-initiative.service.ts',
  'src/modules/initiatives/workspace.routes.tsx',
  'src/modules/initiatives/workspace.service.ts',
  'src/modules/label/results.service.ts',
  'src/modules/notifications/outbox.service.ts',
  'src/modules/observatory/search-store.ts',
  'src/modules/observatory/views/search-page.tsx',
  'src/modules/openapi/api-reference.ts',
  'src/modules/opendata/datasets.ts',
  'src/modules/palmares-import/import-palmares.command.ts',
  'src/modules/palmares-import/import-palmares.service.ts',
  'src/modules/palmares-import/palmares-csv.ts',
  'src/modules/palmares-import/views/admin-palmares-home.tsx',
  'src/modules/palmares/badge.rules.ts',
  'src/modules/palmares/map.rules.ts',
  'src/modules/palmares/palmares.messages.ts',
  'src/modules/palmares/palmares.rules.ts',
  'src/modules/palmares/views/label-history.tsx',
  'src/modules/palmares/views/palmares-filters.tsx',
  'src/modules/palmares/views/palmares-index-page.tsx',
  'src/modules/referential/referential-draft.service.ts',
  'src/modules/referential/views/admin-referential-pages.tsx',
  'src/modules/territories/territory-details.service.ts',
  'src/modules/territories/territory-matching.rules.ts',
  'src/modules/territories/territory-names.rules.ts',
  'src/platform/db/migrate.ts',
  'src/platform/db/settings.service.ts',
  'src/platform/markdown/render-markdown.ts',
  'src/platform/views/layout.tsx',
  'src/platform/views/pagination.tsx',
];

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
    // Files written before the rule that still hold `!` (2026-12-01): the list only shrinks — a file
    // leaves it when its assertions are narrowed away, and no other file may add one.
    files: LEGACY_NON_NULL,
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
