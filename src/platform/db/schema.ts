// The single schema: every module's tables, gathered for drizzle (queries and migrations).
export * from './settings.schema.ts';
export * from '../../modules/territories/schema.ts';
export * from '../../modules/accounts/schema.ts';
export * from '../../modules/notifications/schema.ts';
export * from '../../modules/referential/schema.ts';
export * from '../../modules/actors/schema.ts';
export * from '../../modules/initiatives/schema.ts';
export * from '../../modules/observatory/schema.ts';
export * from '../../modules/results/schema.ts';
