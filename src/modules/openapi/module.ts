import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ModuleManifest } from '../../platform/module.ts';
import { openapiOptions } from './openapi-document.ts';
import { openapiRoutes } from './routes.tsx';

/** Registered before every route: @fastify/swagger collects them as they are registered. */
const swaggerPlugin = fp(async (app: FastifyInstance) => {
  await app.register(fastifySwagger, openapiOptions(app.config.baseUrl));
});

export const openapiModule: ModuleManifest = { name: 'openapi', plugins: [swaggerPlugin], routes: [openapiRoutes] };
