import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes a new SQL migration from the schema; migrations are committed.
// The schema is every module's `schema.ts` and the platform's own tables.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/platform/db/*.schema.ts', './src/modules/*/schema.ts'],
  out: './migrations',
});
