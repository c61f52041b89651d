import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ConflictError, InvalidInputError } from '../../platform/errors.ts';
import { httpStatusOf } from '../../platform/http/errors.ts';
import { formBody, formText } from '../../platform/http/route-input.ts';
import { sendPage } from '../../platform/views/render.ts';
import { clearKnownDeviceCookie, clearSessionCookie } from './auth.plugin.ts';
import { authorize } from './guard.ts';
import { answerInvitation } from './membership-invitations.service.ts';
import { accountMessages as m } from './messages.ts';
import { accountDeletionNotice, deleteOwnAccount, exportPersonalData } from './personal-data.service.ts';
import { DeleteAccountPage } from './views/account-pages.tsx';

const invitationParams = z.object({ id: z.uuid(m.members.invitationIdInvalid) });
const ANSWER = { permission: 'account.invitations.answer', cache: 'private' } as const;
const DELETE = { permission: 'account.delete', cache: 'private' } as const;

/** What a signed-in person does with their own account: answer invitations, download their data, delete it. */
export async function selfServiceRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const secureCookies = app.config.baseUrl.startsWith('https://');

  for (const [path, answer] of [
    ['accepter', 'accept'],
    ['refuser', 'decline'],
  ] as const) {
    app.post(`/compte/invitations/:id/${path}`, { schema: { params: invitationParams }, config: ANSWER }, async (request, reply) => {
      const invitation = await answerInvitation(app.db, request.user, request.params.id, answer);
      // Accepted: straight into the territory's space, where the work is; declined: back to the account.
      if (answer === 'accept') return reply.redirect(`/espace/${encodeURIComponent(invitation.territoryCode)}?bienvenue=1`, 303);
      return reply.redirect('/compte?ok=invitation-refusee', 303);
    });
  }

  // A file to keep: `private` keeps it out of every cache, and the download event is written with it.
  app.get('/compte/donnees', { config: { permission: 'account.data.export', cache: 'private' } }, async (request, reply) => {
    const data = await exportPersonalData(app.db, request.user, request.ip, app.personalDataSources);
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${m.personalData.fileName}"`)
      .send(JSON.stringify(data, null, 2));
  });

  app.get('/compte/supprimer', { config: DELETE }, async (request, reply) => {
    const notice = await accountDeletionNotice(app.db, authorize(request, 'account.delete'));
    return sendPage(request, reply, <DeleteAccountPage lastReferentOf={notice.lastReferentOf} confirmWith={notice.confirmWith} />);
  });

  app.post('/compte/supprimer', { schema: { body: formBody({ password: formText }) }, config: DELETE }, async (request, reply) => {
    const person = authorize(request, 'account.delete');
    try {
      await deleteOwnAccount(app.db, person, { password: request.body.password ?? '' }, request.ip);
    } catch (error) {
      if (!(error instanceof InvalidInputError || error instanceof ConflictError)) throw error;
      const notice = await accountDeletionNotice(app.db, person);
      const page = (
        <DeleteAccountPage
          lastReferentOf={notice.lastReferentOf}
          confirmWith={notice.confirmWith}
          errors={error instanceof InvalidInputError ? error.fields : undefined}
          message={error instanceof ConflictError ? error.message : undefined}
        />
      );
      return sendPage(request, reply, page, httpStatusOf(error));
    }
    clearSessionCookie(reply, secureCookies);
    clearKnownDeviceCookie(reply, secureCookies);
    return reply.redirect('/connexion?ok=compte-supprime', 303);
  });
}
