import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InvalidInputError } from '../../platform/errors.ts';
import { formBody, formText, lenientQuery } from '../../platform/http/route-input.ts';
import { sendPage } from '../../platform/views/render.ts';
import { can } from '../accounts/permissions.rules.ts';
import { findSimilarInitiatives } from './similar-initiatives.service.ts';
import { readSheet } from '../initiatives/initiative-sheet.service.ts';
import { initiativeMessages as m } from '../initiatives/messages.ts';
import { moderateInitiative, restoreInitiative } from '../initiatives/publication.service.ts';
import { InitiativePage } from './views/initiative-page.tsx';

const idParams = z.object({ id: z.string() });
const noticeQuery = lenientQuery({ notice: z.string().optional() });
const moderationForm = formBody({ reason: formText });

/** The public page of a sheet, with similar initiatives of other territories, and the moderation done from it. */
export async function initiativePageRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const db = app.db;

  // Anonymous visitors only ever read public sheets (a draft is a 404 to them): their page is shared.
  app.get(
    '/initiatives/:id',
    { schema: { params: idParams, querystring: noticeQuery }, config: { permission: 'public', cache: { public: 'short' } } },
    async (request, reply) => {
      const { id } = request.params;
      const sheet = await readSheet(db, request.user, id);
      const territoryCode = sheet.territory.code;
      const query = request.query.values;
      const similar = await findSimilarInitiatives(db, { id: sheet.id, territoryCode, title: sheet.content.title, serviceIds: sheet.content.serviceIds });
      return sendPage(
        request,
        reply,
        <InitiativePage
          sheet={sheet}
          similar={similar}
          canEdit={can(request.user, 'initiative.edit', { territoryCode })}
          canModerate={can(request.user, 'initiative.moderate', { territoryCode })}
          canRestore={can(request.user, 'initiative.restore', { territoryCode })}
          notice={
            query.notice === 'moderee'
              ? m.admin.moderated(sheet.content.title)
              : query.notice === 'restauree'
                ? m.admin.restored(sheet.content.title)
                : undefined
          }
        />,
      );
    },
  );

  app.post(
    '/initiatives/:id/moderation',
    { schema: { params: idParams, body: moderationForm }, config: { permission: 'initiative.moderate', cache: 'private' } },
    async (request, reply) => {
      const { id } = request.params;
      try {
        await moderateInitiative(db, request.user, app.config.baseUrl, id, request.body);
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        const sheet = await readSheet(db, request.user, id);
        return sendPage(
          request,
          reply,
          <InitiativePage sheet={sheet} similar={[]} canEdit={false} canModerate canRestore={false} errors={error.fields} />,
          400,
        );
      }
      return reply.redirect(`/initiatives/${id}?notice=moderee`, 303);
    },
  );

  app.post(
    '/initiatives/:id/restauration',
    { schema: { params: idParams }, config: { permission: 'initiative.restore', cache: 'private' } },
    async (request, reply) => {
      const { id } = request.params;
      const sheet = await restoreInitiative(db, request.user, id);
      // The notice names the sheet by its title, as the list it comes from does.
      return reply.redirect(`/admin/initiatives?restauree=${encodeURIComponent(sheet.content.title)}`, 303);
    },
  );
}
