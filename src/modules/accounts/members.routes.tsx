import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound, ValidationError } from '../../platform/http/errors.ts';
import { sendPage } from '../../platform/views/render.ts';
import { getTerritory } from '../territories/search-territories.service.ts';
import { changeMemberRole, getMember, inviteMember, listMembers, removeMember } from './members.service.ts';
import { accountMessages } from './messages.ts';
import type { TerritoryRole } from './roles.rules.ts';
import { MembersPage, membersPath, nameOfMember, RemoveMemberPage } from './views/members-page.tsx';

const m = accountMessages.members;

type Form = Record<string, string | undefined>;
type Params = { code: string; userId?: string };

/** What a redirect after a change asks the members page to say (`?ok=…&membre=<user id>`). */
type Outcome = 'invitation' | 'ajout' | 'role' | 'retrait';

/** A territory's referent manages its members: `/espace/:code/membres`. */
export async function memberRoutes(app: FastifyInstance) {
  /** The territory of the URL, or 404 before anything else. */
  async function territoryOf(request: FastifyRequest) {
    const { code } = request.params as Params;
    const territory = await getTerritory(app.db, code);
    if (!territory) throw notFound();
    return { code: territory.code, name: territory.name };
  }

  async function renderMembers(
    request: FastifyRequest,
    reply: FastifyReply,
    territory: { code: string; name: string },
    extra: Pick<Parameters<typeof MembersPage>[0], 'errors' | 'values' | 'roleError' | 'notice'> = {},
    status = 200,
  ) {
    const members = await listMembers(app.db, request.user, territory.code);
    reply.header('cache-control', 'no-store');
    return sendPage(request, reply, <MembersPage territory={territory} members={members} viewerId={request.user!.id} {...extra} />, status);
  }

  function redirectToMembers(reply: FastifyReply, code: string, outcome: Outcome, userId?: string) {
    const query = new URLSearchParams({ ok: outcome, ...(userId ? { membre: userId } : {}) });
    return reply.redirect(`${membersPath(code)}?${query}`, 303);
  }

  app.get('/espace/:code/membres', async (request, reply) => {
    const territory = await territoryOf(request);
    const query = request.query as Form;
    const members = await listMembers(app.db, request.user, territory.code);
    // The notice names people from the list, never from the URL: a crafted link cannot make the page say anything.
    const subject = members.find((x) => x.userId === query.membre);
    const notice = (() => {
      switch (query.ok) {
        case 'invitation':
          return subject ? m.notices.invited(subject.email) : m.notices.done;
        case 'ajout':
          return subject ? m.notices.added(subject.email) : m.notices.done;
        case 'role':
          return subject ? m.notices.roleChanged(nameOfMember(subject), accountMessages.roles.territory[subject.role]) : m.notices.done;
        case 'retrait':
          return m.notices.removed(territory.name);
        default:
          return undefined;
      }
    })();
    reply.header('cache-control', 'no-store');
    return sendPage(request, reply, <MembersPage territory={territory} members={members} viewerId={request.user!.id} notice={notice} />);
  });

  app.post('/espace/:code/membres', async (request, reply) => {
    const territory = await territoryOf(request);
    const form = (request.body ?? {}) as Form;
    try {
      const result = await inviteMember(app.db, request.user, app.config.baseUrl, territory.code, {
        email: form.email ?? '',
        displayName: form.displayName,
        role: (form.role ?? '') as TerritoryRole,
      });
      return redirectToMembers(reply, territory.code, result.invited ? 'invitation' : 'ajout', result.userId);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return renderMembers(request, reply, territory, { errors: error.fields, values: form }, 400);
    }
  });

  app.post('/espace/:code/membres/:userId/role', async (request, reply) => {
    const territory = await territoryOf(request);
    const { userId } = request.params as Required<Params>;
    const role = ((request.body ?? {}) as Form).role ?? '';
    try {
      const member = await changeMemberRole(app.db, request.user, territory.code, userId, role as TerritoryRole);
      // Someone who gave up their own referent role can no longer see this page.
      if (member.userId === request.user!.id && member.role !== 'referent') return reply.redirect(`/espace/${encodeURIComponent(territory.code)}`, 303);
      return redirectToMembers(reply, territory.code, 'role', member.userId);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return renderMembers(request, reply, territory, { roleError: { userId, message: Object.values(error.fields)[0] ?? error.message, value: role } }, 400);
    }
  });

  app.get('/espace/:code/membres/:userId/retirer', async (request, reply) => {
    const territory = await territoryOf(request);
    const { userId } = request.params as Required<Params>;
    const member = await getMember(app.db, request.user, territory.code, userId);
    return sendPage(request, reply, <RemoveMemberPage territory={territory} member={member} viewerId={request.user!.id} />);
  });

  app.post('/espace/:code/membres/:userId/retirer', async (request, reply) => {
    const territory = await territoryOf(request);
    const { userId } = request.params as Required<Params>;
    try {
      const removed = await removeMember(app.db, request.user, territory.code, userId);
      if (removed.userId === request.user!.id) return reply.redirect('/espace', 303);
      return redirectToMembers(reply, territory.code, 'retrait');
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const member = await getMember(app.db, request.user, territory.code, userId);
      return sendPage(request, reply, <RemoveMemberPage territory={territory} member={member} viewerId={request.user!.id} errors={error.fields} />, 400);
    }
  });
}
