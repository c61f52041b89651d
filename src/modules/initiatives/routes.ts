import type { FastifyInstance } from 'fastify';
import { initiativeApiRoutes } from './api.routes.ts';
import { photoUpload } from './photo-upload.ts';
import { initiativePublicRoutes } from './public.routes.tsx';
import { workspaceRoutes } from './workspace.routes.tsx';

/** The initiatives module: API, workspace and public pages; photo uploads are parsed only here. */
export async function initiativeRoutes(app: FastifyInstance) {
  await photoUpload.register(app);
  await app.register(initiativeApiRoutes);
  await app.register(workspaceRoutes);
  await app.register(initiativePublicRoutes);
}
