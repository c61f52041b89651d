import type { FastifyInstance } from 'fastify';
import { initiativeApiRoutes } from './api.routes.ts';
import { initiativePublicRoutes } from './public.routes.tsx';
import { workspaceRoutes } from './workspace.routes.tsx';

/** The initiatives module: API, workspace and public pages; photo uploads are parsed only in the first two, each with its limits. */
export async function initiativeRoutes(app: FastifyInstance) {
  await app.register(initiativeApiRoutes);
  await app.register(workspaceRoutes);
  await app.register(initiativePublicRoutes);
}
