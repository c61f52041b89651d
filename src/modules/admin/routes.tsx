import type { FastifyInstance } from 'fastify';
import { ValidationError } from '../../platform/http/errors.ts';
import { sendPage } from '../../platform/views/render.ts';
import { authorize } from '../accounts/guard.ts';
import { inviteUser, listUsers } from '../accounts/users.service.ts';
import { listOutbox } from '../notifications/outbox.service.ts';
import { adminMessages as m } from './messages.ts';
import { AdminHomePage, AdminOutboxPage, AdminUsersPage } from './views/admin-pages.tsx';

type Form = Record<string, string | undefined>;

export async function adminRoutes(app: FastifyInstance) {
  app.get('/admin', async (request, reply) => {
    authorize(request, 'admin.dashboard.view');
    const [users, messages] = await Promise.all([listUsers(app.db), listOutbox(app.db)]);
    return sendPage(request, reply, <AdminHomePage users={users.length} pendingEmails={messages.filter((m) => m.status === 'pending').length} links={app.adminLinks} />);
  });

  app.get('/admin/utilisateurs', async (request, reply) => {
    authorize(request, 'admin.users.list');
    const query = request.query as Form;
    const users = await listUsers(app.db);
    return sendPage(request, reply, <AdminUsersPage users={users} notice={query.invite ? m.users.invited(query.invite) : undefined} />);
  });

  app.post('/admin/utilisateurs', async (request, reply) => {
    authorize(request, 'admin.users.invite');
    const form = (request.body ?? {}) as Form;
    try {
      const user = await inviteUser(app.db, app.config.baseUrl, {
        email: form.email ?? '',
        displayName: form.displayName,
        role: (form.role ?? '') as 'member',
        territoryCode: form.territoryCode,
        territoryRole: form.territoryCode ? ((form.territoryRole || undefined) as 'reader' | undefined) : undefined,
      });
      return reply.redirect(`/admin/utilisateurs?invite=${encodeURIComponent(user.email)}`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const users = await listUsers(app.db);
      return sendPage(request, reply, <AdminUsersPage users={users} errors={error.fields} values={form} />, 400);
    }
  });

  app.get('/admin/courriels', async (request, reply) => {
    authorize(request, 'admin.outbox.read');
    reply.header('cache-control', 'no-store');
    return sendPage(request, reply, <AdminOutboxPage messages={await listOutbox(app.db)} />);
  });
}
