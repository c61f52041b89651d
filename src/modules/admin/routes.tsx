import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ConflictError, InvalidInputError } from '../../platform/errors.ts';
import { formBody, formText, lenientQuery } from '../../platform/http/route-input.ts';
import { sendPage } from '../../platform/views/render.ts';
import { authorize } from '../accounts/guard.ts';
import type { Caller } from '../accounts/permissions.rules.ts';
import { notePersonalDataRead } from '../accounts/personal-data-reads.service.ts';
import { changePlatformRole, inviteFromAdmin, resendInvitation, setAccountDisabled } from '../accounts/user-admin.service.ts';
import { listUsers } from '../accounts/users.service.ts';
import { pickTerritory } from '../territories/pick-territory.service.ts';
import { pickerError, pickerInput } from '../territories/views/territory-picker.tsx';
import { adminMessages as m } from './messages.ts';
import { readOutbox, retryOutboxMessage } from './outbox.service.ts';
import { AdminHomePage, AdminOutboxPage, AdminUsersPage } from './views/admin-pages.tsx';
import { nameOfUser } from './views/admin-users-table.tsx';
import { accountMessages } from '../accounts/messages.ts';

/** `?notice=reessaye`: the notice after a retry. */
const outboxQuery = lenientQuery({ notice: z.string().optional() });

/**
 * `?invite=<email>` (and `&existant=1` for an account invited into a territory): the notice after an
 * invitation; `?ok=<action>&compte=<id>`: after an action on an account, named from the list, never from the URL.
 */
const usersQuery = lenientQuery({ invite: z.string().optional(), existant: z.string().optional(), ok: z.string().optional(), compte: z.string().optional() });
const userParams = z.object({ id: z.string().max(60) });
const USERS_MANAGE = { permission: 'admin.users.manage', cache: 'private' } as const;
type UserAction = 'role' | 'desactiver' | 'reactiver' | 'invitation';
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
      const subject = users.find((u) => u.id === query.compte);
      const name = subject ? nameOfUser(subject) : '';
      const u = m.users;
      const actionNotices = (who: (typeof users)[number]): Record<string, string> => ({
        role: u.roleChanged(name, accountMessages.roles.platform[who.role]),
        desactiver: u.disabledNotice(name),
        reactiver: u.enabledNotice(name),
        invitation: u.resent(who.email),
      });
      const invited = query.invite ? (query.existant ? u.invitedToTerritory(query.invite) : u.invited(query.invite)) : undefined;
      const notice = invited ?? (subject && query.ok ? actionNotices(subject)[query.ok] : undefined);
      return sendPage(request, reply, <AdminUsersPage users={users} notice={notice} />);
    },
  );

  app.post('/admin/utilisateurs', { schema: { body: inviteForm }, config: { permission: 'admin.users.invite', cache: 'private' } }, async (request, reply) => {
    authorize(request, 'admin.users.invite');
    const form = request.body;
    // The territory is typed by its name or its code: resolved first, offered back when unsure.
    const territory = await pickTerritory(app.db, pickerInput(form, 'territoryCode'));
    const territoryError = pickerError(territory, form.territoryCode);
    if (territoryError) {
      const users = await listUsers(app.db, request.user);
      const options = territory.status === 'choose' ? territory.options : undefined;
      return sendPage(
        request,
        reply,
        <AdminUsersPage users={users} errors={{ territoryCode: territoryError }} values={form} territoryOptions={options} />,
        400,
      );
    }
    const territoryCode = territory.status === 'picked' ? territory.territory.code : undefined;
    try {
      const user = await inviteFromAdmin(app.db, request.user, app.config.baseUrl, {
        email: form.email ?? '',
        displayName: form.displayName,
        role: (form.role ?? '') as 'member',
        territoryCode,
        territoryRole: territoryCode ? ((form.territoryRole || undefined) as 'reader' | undefined) : undefined,
      });
      const existing = user.outcome === 'invitedToTerritory' ? '&existant=1' : '';
      return reply.redirect(`/admin/utilisateurs?invite=${encodeURIComponent(user.email)}${existing}`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      const users = await listUsers(app.db, request.user);
      return sendPage(request, reply, <AdminUsersPage users={users} errors={error.fields} values={form} />, 400);
    }
  });

  // — Actions on one account: each answers the list again, with its notice or the refusal in the row.
  const userActions: Record<UserAction, (userId: string, body: { role?: string }, caller: Caller) => Promise<unknown>> = {
    role: (userId, body, caller) => changePlatformRole(app.db, caller, userId, body.role ?? ''),
    desactiver: (userId, _body, caller) => setAccountDisabled(app.db, caller, userId, true),
    reactiver: (userId, _body, caller) => setAccountDisabled(app.db, caller, userId, false),
    invitation: (userId, _body, caller) => resendInvitation(app.db, caller, app.config.baseUrl, userId),
  };
  for (const [action, run] of Object.entries(userActions) as [UserAction, (typeof userActions)[UserAction]][]) {
    app.post(
      `/admin/utilisateurs/:id/${action}`,
      { schema: { params: userParams, body: formBody({ role: formText }) }, config: USERS_MANAGE },
      async (request, reply) => {
        const caller = authorize(request, 'admin.users.manage');
        const { id } = request.params;
        try {
          await run(id, request.body, caller);
        } catch (error) {
          if (!(error instanceof InvalidInputError)) throw error;
          const [field, message] = Object.entries(error.fields)[0] ?? ['userId', error.message];
          const users = await listUsers(app.db, caller);
          const rowError = { userId: id, field: field === 'role' ? ('role' as const) : ('userId' as const), message };
          return sendPage(request, reply, <AdminUsersPage users={users} rowError={rowError} />, 400);
        }
        return reply.redirect(`/admin/utilisateurs?ok=${action}&compte=${encodeURIComponent(id)}#compte-${encodeURIComponent(id)}`, 303);
      },
    );
  }

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
