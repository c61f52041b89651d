import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InvalidInputError } from '../../platform/errors.ts';
import { notFound } from '../../platform/http/errors.ts';
import { formBody, formText, lenientQuery } from '../../platform/http/route-input.ts';
import { sendPage } from '../../platform/views/render.ts';
import { getTerritory } from '../territories/search-territories.service.ts';
import { authorize } from './guard.ts';
import { changeMemberRole, getMember, inviteMember, listInvitations, listMembers, removeMember } from './members.service.ts';
import { cancelInvitation } from './membership-invitations.service.ts';
import { accountMessages } from './messages.ts';
import type { TerritoryRole } from './roles.rules.ts';
import { MembersPage, membersPath, nameOfMember, RemoveMemberPage } from './views/members-page.tsx';

const m = accountMessages.members;

const territoryParams = z.object({ code: z.string() });
const memberParams = z.object({ code: z.string(), userId: z.string() });
const invitationParams = z.object({ code: z.string(), invitationId: z.uuid(m.invitationIdInvalid) });
const membersQuery = lenientQuery({ ok: z.string().optional(), membre: z.string().optional(), invitation: z.string().optional() });
const memberForm = formBody({ email: formText, displayName: formText, role: formText });
// Only the referent's own screens: never stored, and every one checks `members.manage` in its service.
const MEMBERS = { permission: 'members.manage', cache: 'private' } as const;

/**
 * What a redirect after a change asks the members page to say: `?ok=…&membre=<user id>` for a
 * member, `&invitation=<id>` for an invitation (never the account's id: the referent would learn it).
 */
type Outcome = 'invitation' | 'annulation' | 'role' | 'retrait';

/** A territory's referent manages its members: `/espace/:code/membres`. */
export async function memberRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  /** The territory of the URL, or 404 before anything else. */
  async function territoryOf(code: string) {
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
    const viewer = authorize(request, 'members.manage', { territoryCode: territory.code });
    const [members, invitations] = await Promise.all([listMembers(app.db, viewer, territory.code), listInvitations(app.db, viewer, territory.code)]);
    return sendPage(request, reply, <MembersPage territory={territory} members={members} invitations={invitations} viewerId={viewer.id} {...extra} />, status);
  }

  function redirectToMembers(reply: FastifyReply, code: string, outcome: Outcome, subject: { membre?: string; invitation?: string } = {}) {
    const query = new URLSearchParams({ ok: outcome, ...subject });
    return reply.redirect(`${membersPath(code)}?${query}`, 303);
  }

  app.get('/espace/:code/membres', { schema: { params: territoryParams, querystring: membersQuery }, config: MEMBERS }, async (request, reply) => {
    const territory = await territoryOf(request.params.code);
    const viewer = authorize(request, 'members.manage', { territoryCode: territory.code });
    const query = request.query.values;
    const [members, invitations] = await Promise.all([listMembers(app.db, viewer, territory.code), listInvitations(app.db, viewer, territory.code)]);
    // The notice names people from the lists, never from the URL: a crafted link cannot make the page say anything.
    const subject = members.find((x) => x.userId === query.membre);
    const invitation = invitations.find((x) => x.id === query.invitation);
    const notice = (() => {
      switch (query.ok) {
        case 'invitation':
          return invitation ? m.notices.invited(invitation.email) : m.notices.done;
        case 'annulation':
          return m.notices.invitationCancelled;
        case 'role':
          return subject ? m.notices.roleChanged(nameOfMember(subject), accountMessages.roles.territory[subject.role]) : m.notices.done;
        case 'retrait':
          return m.notices.removed(territory.name);
        default:
          return undefined;
      }
    })();
    return sendPage(request, reply, <MembersPage territory={territory} members={members} invitations={invitations} viewerId={viewer.id} notice={notice} />);
  });

  app.post('/espace/:code/membres', { schema: { params: territoryParams, body: memberForm }, config: MEMBERS }, async (request, reply) => {
    const territory = await territoryOf(request.params.code);
    const form = request.body;
    try {
      const result = await inviteMember(app.db, request.user, app.config.baseUrl, territory.code, {
        email: form.email ?? '',
        displayName: form.displayName,
        role: (form.role ?? '') as TerritoryRole,
      });
      return redirectToMembers(reply, territory.code, 'invitation', { invitation: result.invitationId });
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      return renderMembers(request, reply, territory, { errors: error.fields, values: form }, 400);
    }
  });

  app.post(
    '/espace/:code/membres/:userId/role',
    { schema: { params: memberParams, body: formBody({ role: formText }) }, config: MEMBERS },
    async (request, reply) => {
      const territory = await territoryOf(request.params.code);
      const { userId } = request.params;
      const role = request.body.role ?? '';
      const viewer = authorize(request, 'members.manage', { territoryCode: territory.code });
      try {
        const member = await changeMemberRole(app.db, viewer, territory.code, userId, role as TerritoryRole);
        // Someone who gave up their own referent role can no longer see this page.
        if (member.userId === viewer.id && member.role !== 'referent') return reply.redirect(`/espace/${encodeURIComponent(territory.code)}`, 303);
        return redirectToMembers(reply, territory.code, 'role', { membre: member.userId });
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        return renderMembers(request, reply, territory, { roleError: { userId, message: Object.values(error.fields)[0] ?? error.message, value: role } }, 400);
      }
    },
  );

  app.post('/espace/:code/membres/invitations/:invitationId/annuler', { schema: { params: invitationParams }, config: MEMBERS }, async (request, reply) => {
    const territory = await territoryOf(request.params.code);
    await cancelInvitation(app.db, request.user, territory.code, request.params.invitationId);
    return redirectToMembers(reply, territory.code, 'annulation');
  });

  app.get('/espace/:code/membres/:userId/retirer', { schema: { params: memberParams }, config: MEMBERS }, async (request, reply) => {
    const territory = await territoryOf(request.params.code);
    const { userId } = request.params;
    const viewer = authorize(request, 'members.manage', { territoryCode: territory.code });
    const member = await getMember(app.db, viewer, territory.code, userId);
    return sendPage(request, reply, <RemoveMemberPage territory={territory} member={member} viewerId={viewer.id} />);
  });

  app.post('/espace/:code/membres/:userId/retirer', { schema: { params: memberParams }, config: MEMBERS }, async (request, reply) => {
    const territory = await territoryOf(request.params.code);
    const { userId } = request.params;
    const viewer = authorize(request, 'members.manage', { territoryCode: territory.code });
    try {
      const removed = await removeMember(app.db, viewer, territory.code, userId);
      if (removed.userId === viewer.id) return reply.redirect('/espace', 303);
      return redirectToMembers(reply, territory.code, 'retrait');
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      const member = await getMember(app.db, viewer, territory.code, userId);
      return sendPage(request, reply, <RemoveMemberPage territory={territory} member={member} viewerId={viewer.id} errors={error.fields} />, 400);
    }
  });
}
