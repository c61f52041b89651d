import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpError, ValidationError } from '../../platform/http/errors.ts';
import { initiativeJson, toInitiativeJson } from './initiative-json.ts';
import { readSheet } from './initiative-sheet.service.ts';
import { initiativeMessages as m } from './messages.ts';
import { addPhoto } from './photos.service.ts';
import { deleteInitiative } from './publication.service.ts';
import { createInitiative, updateInitiative } from './save-initiative.service.ts';

const idParams = z.object({ id: z.uuid({ message: m.api.badId }) });
const errorJson = z.object({ error: z.string(), message: z.string(), field: z.string().optional(), fields: z.record(z.string(), z.string()).optional() });

/** `If-Match: "3"`, `W/"3"` or `3`: the version a PATCH is based on. */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match) throw new ValidationError({ version: m.input.versionRequired });
  return Number(match[1]);
}

const etagOf = (version: number) => `"${version}"`;

export async function initiativeApiRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/v1/initiatives',
    {
      schema: {
        summary: m.api.createSummary,
        tags: ['initiatives'],
        body: z.record(z.string(), z.unknown()),
        response: { 201: initiativeJson, 400: errorJson, 401: errorJson, 403: errorJson },
      },
    },
    async (request, reply) => {
      const sheet = await createInitiative(app.db, request.user, request.body);
      reply.header('location', `/api/v1/initiatives/${sheet.id}`).header('etag', etagOf(sheet.version));
      return reply.code(201).send(toInitiativeJson(sheet));
    },
  );

  app.get(
    '/api/v1/initiatives/:id',
    { schema: { summary: m.api.getSummary, tags: ['initiatives'], params: idParams, response: { 200: initiativeJson, 404: errorJson } } },
    async (request, reply) => {
      const sheet = await readSheet(app.db, request.user, request.params.id);
      reply.header('etag', etagOf(sheet.version));
      // Drafts are private: never in a shared cache.
      reply.header('cache-control', sheet.visibility === 'public' && !sheet.deletedAt ? 'public, max-age=60' : 'private, no-store');
      return toInitiativeJson(sheet);
    },
  );

  app.patch(
    '/api/v1/initiatives/:id',
    {
      schema: {
        summary: m.api.patchSummary,
        tags: ['initiatives'],
        params: idParams,
        body: z.record(z.string(), z.unknown()),
        response: { 200: initiativeJson, 400: errorJson, 403: errorJson, 404: errorJson, 409: errorJson },
      },
    },
    async (request, reply) => {
      const headerVersion = versionFromIfMatch(request.headers['if-match']);
      const body = request.body as Record<string, unknown>;
      const baseVersion = typeof body.version === 'number' ? body.version : headerVersion;
      const result = await updateInitiative(app.db, request.user, request.params.id, body, { baseVersion, onStale: 'conflict' });
      // onStale 'conflict' answers 409 before any merge: a conflict result cannot come back here.
      if (result.kind !== 'saved') throw new HttpError(409, m.conflict.api(result.current.version), 'version');
      reply.header('etag', etagOf(result.sheet.version));
      return toInitiativeJson(result.sheet);
    },
  );

  app.delete(
    '/api/v1/initiatives/:id',
    { schema: { summary: m.api.deleteSummary, tags: ['initiatives'], params: idParams, response: { 204: z.null(), 403: errorJson, 404: errorJson } } },
    async (request, reply) => {
      await deleteInitiative(app.db, request.user, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/initiatives/:id/photos',
    {
      schema: {
        summary: m.api.photoSummary,
        tags: ['initiatives'],
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 201: initiativeJson, 400: errorJson, 403: errorJson, 404: errorJson, 413: errorJson, 415: errorJson },
      },
    },
    async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const file = body.photo;
      if (!Buffer.isBuffer(file) || file.length === 0) throw new ValidationError({ photo: m.photos.fileRequired });
      await addPhoto(app.db, request.user, request.params.id, file, typeof body.alt === 'string' ? body.alt : '');
      const sheet = await readSheet(app.db, request.user, request.params.id);
      return reply.code(201).send(toInitiativeJson(sheet));
    },
  );
}
