import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes a new SQL migration from the schema; migrations are committed.
// The schema is every module's `schema.ts` and the platform's own tables.
// src/platform/db/schema-drift.test.ts runs `generate` on a copy of migrations/ and fails if one is missing.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/platform/db/*.schema.ts', './src/modules/*/schema.ts'],
  out: './migrations',
});
