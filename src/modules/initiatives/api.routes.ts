import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ConflictError, InvalidInputError } from '../../platform/errors.ts';
import { initiativeJson, toInitiativeJson } from './initiative-json.ts';
import { readSheet } from './initiative-sheet.service.ts';
import { initiativeMessages as m } from './messages.ts';
import { photoUpload } from './photo-upload.ts';
import { addPhoto } from './photos.service.ts';
import { deleteInitiative } from './publication.service.ts';
import { createInitiative, updateInitiative } from './save-initiative.service.ts';
import { apiErrorBody as errorJson } from '../../platform/http/error-body.ts';

const idParams = z.object({ id: z.uuid({ message: m.api.badId }) });

/** `If-Match: "3"`, `W/"3"` or `3`: the version a PATCH is based on. */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match) throw new InvalidInputError({ version: m.input.versionRequired });
  return Number(match[1]);
}

const etagOf = (version: number) => `"${version}"`;

export async function initiativeApiRoutes(appBase: FastifyInstance) {
  await photoUpload.register(appBase);
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
      config: { permission: 'initiative.create', cache: 'private' },
    },
    async (request, reply) => {
      const sheet = await createInitiative(app.db, request.user, request.body);
      reply.header('location', `/api/v1/initiatives/${sheet.id}`).header('etag', etagOf(sheet.version));
      return reply.code(201).send(toInitiativeJson(sheet));
    },
  );

  app.get(
    '/api/v1/initiatives/:id',
    {
      schema: { summary: m.api.getSummary, tags: ['initiatives'], params: idParams, response: { 200: initiativeJson, 404: errorJson } },
      // Drafts are only read signed in, and a signed-in answer is never shared: anonymous answers are public sheets.
      config: { permission: 'public', cache: { public: 'short' } },
    },
    async (request, reply) => {
      const sheet = await readSheet(app.db, request.user, request.params.id);
      reply.header('etag', etagOf(sheet.version));
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
      config: { permission: 'initiative.edit', cache: 'private' },
    },
    async (request, reply) => {
      const headerVersion = versionFromIfMatch(request.headers['if-match']);
      const body = request.body;
      const baseVersion = typeof body.version === 'number' ? body.version : headerVersion;
      const result = await updateInitiative(app.db, request.user, request.params.id, body, { baseVersion, onStale: 'conflict' });
      // onStale 'conflict' answers 409 before any merge: a conflict result cannot come back here.
      if (result.kind !== 'saved') throw new ConflictError(m.conflict.api(result.current.version), 'version');
      reply.header('etag', etagOf(result.sheet.version));
      return toInitiativeJson(result.sheet);
    },
  );

  app.delete(
    '/api/v1/initiatives/:id',
    {
      schema: { summary: m.api.deleteSummary, tags: ['initiatives'], params: idParams, response: { 204: z.null(), 403: errorJson, 404: errorJson } },
      config: { permission: 'initiative.delete', cache: 'private' },
    },
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
        body: z.looseObject({ photo: photoUpload.file.describe(m.photos.file), alt: z.string().optional().describe(m.photos.alt) }),
        response: { 201: initiativeJson, 400: errorJson, 403: errorJson, 404: errorJson, 413: errorJson, 415: errorJson },
      },
      config: { permission: 'initiative.edit', cache: 'private' },
    },
    async (request, reply) => {
      const file = photoUpload.take(request.body.photo, 'photo');
      await addPhoto(app.db, request.user, request.params.id, file.data, request.body.alt ?? '');
      const sheet = await readSheet(app.db, request.user, request.params.id);
      return reply.code(201).send(toInitiativeJson(sheet));
    },
  );
}
