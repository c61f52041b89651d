import type { FastifyInstance } from 'fastify';
import { authPlugin } from '../../modules/accounts/auth.plugin.ts';
import { actorRoutes } from '../../modules/actors/routes.tsx';
import { memberRoutes } from '../../modules/accounts/members.routes.tsx';
import { accountRoutes } from '../../modules/accounts/routes.tsx';
import { adminRoutes } from '../../modules/admin/routes.tsx';
import { homeRoutes } from '../../modules/home/routes.tsx';
import { initiativeRoutes } from '../../modules/initiatives/routes.ts';
import { observatoryRoutes } from '../../modules/observatory/routes.tsx';
import { openapiRoutes } from '../../modules/openapi/routes.tsx';
import { openDataRoutes } from '../../modules/opendata/routes.tsx';
import { referentialRoutes } from '../../modules/referential/routes.tsx';
import { palmaresRoutes } from '../../modules/results/palmares.routes.tsx';
import { palmaresImportRoutes } from '../../modules/results/import.routes.tsx';
import { badgeRoutes } from '../../modules/results/badge.routes.ts';
import { statisticsRoutes } from '../../modules/results/statistics.routes.tsx';
import { territoryRoutes } from '../../modules/territories/routes.tsx';
import { healthRoutes } from './health.routes.ts';

/** The composition root: every module's routes, registered once. */
export async function registerModules(app: FastifyInstance): Promise<void> {
  await app.register(authPlugin);
  await app.register(healthRoutes);
  await app.register(homeRoutes);
  await app.register(territoryRoutes);
  await app.register(referentialRoutes);
  await app.register(initiativeRoutes);
  await app.register(observatoryRoutes);
  await app.register(palmaresRoutes);
  await app.register(actorRoutes);
  await app.register(accountRoutes);
  await app.register(memberRoutes);
  await app.register(adminRoutes);
  await app.register(palmaresImportRoutes);
  await app.register(openapiRoutes);
  await app.register(statisticsRoutes);
  await app.register(badgeRoutes);
  await app.register(openDataRoutes);
}
