import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ConflictError, InvalidInputError } from '../../platform/errors.ts';
import { formBody, formText, lenientQuery } from '../../platform/http/route-input.ts';
import { sendPage } from '../../platform/views/render.ts';
import { authorize } from '../accounts/guard.ts';
import { notePersonalDataRead } from '../accounts/personal-data-reads.service.ts';
import { inviteUser, listUsers } from '../accounts/users.service.ts';
import { adminMessages as m } from './messages.ts';
import { readOutbox, retryOutboxMessage } from './outbox.service.ts';
import { AdminHomePage, AdminOutboxPage, AdminUsersPage } from './views/admin-pages.tsx';

/** `?notice=reessaye`: the notice after a retry. */
const outboxQuery = lenientQuery({ notice: z.string().optional() });

/** `?invite=<email>`: the notice after an invitation. */
const usersQuery = lenientQuery({ invite: z.string().optional() });
const inviteForm = formBody({ email: formText, displayName: formText, role: formText, territoryCode: formText, territoryRole: formText });

export async function adminRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  app.get('/admin', { config: { permission: 'admin.dashboard.view', cache: 'private' } }, async (request, reply) => {
    authorize(request, 'admin.dashboard.view');
    const [users, messages] = await Promise.all([listUsers(app.db, request.user), readOutbox(app.db, request.user)]);
    return sendPage(
      request,
      reply,
      <AdminHomePage users={users.length} pendingEmails={messages.filter((m) => m.status === 'pending').length} links={app.adminLinks} />,
    );
  });

  app.get(
    '/admin/utilisateurs',
    { schema: { querystring: usersQuery }, config: { permission: 'admin.users.list', cache: 'private' } },
    async (request, reply) => {
      authorize(request, 'admin.users.list');
      if (request.user) await notePersonalDataRead(app.db, request.user, 'users', request.ip);
      const query = request.query.values;
      const users = await listUsers(app.db, request.user);
      return sendPage(request, reply, <AdminUsersPage users={users} notice={query.invite ? m.users.invited(query.invite) : undefined} />);
    },
  );

  app.post('/admin/utilisateurs', { schema: { body: inviteForm }, config: { permission: 'admin.users.invite', cache: 'private' } }, async (request, reply) => {
    authorize(request, 'admin.users.invite');
    const form = request.body;
    try {
      const user = await inviteUser(app.db, request.user, app.config.baseUrl, {
        email: form.email ?? '',
        displayName: form.displayName,
        role: (form.role ?? '') as 'member',
        territoryCode: form.territoryCode,
        territoryRole: form.territoryCode ? ((form.territoryRole || undefined) as 'reader' | undefined) : undefined,
      });
      return reply.redirect(`/admin/utilisateurs?invite=${encodeURIComponent(user.email)}`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      const users = await listUsers(app.db, request.user);
      return sendPage(request, reply, <AdminUsersPage users={users} errors={error.fields} values={form} />, 400);
    }
  });

  app.get(
    '/admin/courriels',
    { schema: { querystring: outboxQuery }, config: { permission: 'admin.outbox.read', cache: 'private' } },
    async (request, reply) => {
      authorize(request, 'admin.outbox.read');
      if (request.user) await notePersonalDataRead(app.db, request.user, 'outbox', request.ip);
      const notice = request.query.values.notice === 'reessaye' ? m.outbox.retried : undefined;
      return sendPage(request, reply, <AdminOutboxPage messages={await readOutbox(app.db, request.user)} notice={notice} />);
    },
  );

  // The dead letters: a given-up e-mail sent again (never one whose one-time link was erased).
  app.post(
    '/admin/courriels/:id/reessayer',
    { schema: { params: z.object({ id: z.string() }) }, config: { permission: 'admin.outbox.retry', cache: 'private' } },
    async (request, reply) => {
      authorize(request, 'admin.outbox.retry');
      try {
        await retryOutboxMessage(app.db, request.user, request.params.id);
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        return sendPage(request, reply, <AdminOutboxPage messages={await readOutbox(app.db, request.user)} error={error.message} />, 409);
      }
      return reply.redirect('/admin/courriels?notice=reessaye', 303);
    },
  );
}
