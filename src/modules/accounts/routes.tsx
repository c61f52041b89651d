import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OIDC_START_PATH } from '../../platform/config.ts';
import { GoneError, InvalidInputError, NotFoundError, SignInRequiredError, TooManyAttemptsError } from '../../platform/errors.ts';
import { httpStatusOf } from '../../platform/http/errors.ts';
import { formBody, formText, lenientQuery } from '../../platform/http/route-input.ts';
import { sendPage } from '../../platform/views/render.ts';
import { getTerritoriesByCodes } from '../territories/search-territories.service.ts';
import { emailInput } from './account-input.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.service.ts';
import { clearSessionCookie, knownDeviceOf, sessionTokenOf, setKnownDeviceCookie } from './auth.plugin.ts';
import { createFirstAdmin, isFirstAdminTokenValid } from './first-admin.service.ts';
import { authorize, safeReturnPath } from './guard.ts';
import { authenticate, LoginThrottledError } from './login.service.ts';
import { accountMessages as m } from './messages.ts';
import { receivedInvitations } from './membership-invitations.service.ts';
import { openSession } from './open-session.ts';
import { changeOwnPassword, confirmEmailChange, peekEmailChange, requestEmailChange, updateOwnName } from './own-account.service.ts';
import { ConfirmEmailPage, type SettingsFailure } from './views/account-settings.tsx';
import { deleteSession } from './session.service.ts';
import { getUser, listUserMemberships, peekUserToken, requestPasswordReset, setPasswordWithToken } from './users.service.ts';
import { AccountPage, ForgotPasswordPage, InvalidLinkPage, LoginPage, SetPasswordPage } from './views/account-pages.tsx';

const tokenParams = z.object({ token: z.string() });
/** Which notice a redirect asks the page to show (`?ok=…`), and where to go after login (`?retour=…`). */
const noticeQuery = lenientQuery({ ok: z.string().optional(), retour: z.string().optional(), territoire: z.string().optional() });
const loginForm = formBody({ email: formText, password: formText, retour: formText });
const passwordForm = formBody({ password: formText, confirmation: formText });

// Pages with a form carry a CSRF token (and may set its cookie): never stored by a cache.
const PUBLIC_FORM = { permission: 'public', cache: 'private' } as const;

// Guessing passwords from one address is slowed by the per-account lock; this caps one client.
const LOGIN_RATE_LIMIT = { max: 20, timeWindow: '1 minute' };

export async function accountRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const secureCookies = app.config.baseUrl.startsWith('https://');

  /**
   * Opens a fresh session (the old one, if any, is dropped: rotation at login) and renews the CSRF
   * secret: the forms of the next pages carry tokens of the new session only.
   */
  async function signIn(request: FastifyRequest, reply: FastifyReply, userId: string) {
    await openSession(app, request, reply, userId);
  }

  /** The identity provider's button of the login page, when single sign-on is configured (`OIDC_*`). */
  const providerLogin = (returnTo: string) =>
    app.config.oidc ? { href: `${OIDC_START_PATH}?retour=${encodeURIComponent(returnTo)}`, providerName: app.config.oidc.providerName } : undefined;

  app.get('/connexion', { schema: { querystring: noticeQuery }, config: PUBLIC_FORM }, async (request, reply) => {
    const query = request.query.values;
    if (request.user) return reply.redirect(safeReturnPath(query.retour), 303);
    return sendPage(
      request,
      reply,
      <LoginPage
        returnTo={safeReturnPath(query.retour)}
        providerLogin={providerLogin(safeReturnPath(query.retour))}
        notice={
          {
            'mot-de-passe': m.login.passwordSaved,
            'compte-supprime': m.personalData.deleted,
            deconnecte: m.signedOut,
            'adresse-changee': m.ownAccount.notices.emailChanged,
          }[query.ok ?? '']
        }
      />,
    );
  });

  app.post('/connexion', { schema: { body: loginForm }, config: { rateLimit: LOGIN_RATE_LIMIT, ...PUBLIC_FORM } }, async (request, reply) => {
    const form = request.body;
    const returnTo = safeReturnPath(form.retour);
    if (!form.email?.trim() || !form.password) {
      const errors: Record<string, string> = {};
      if (!form.email?.trim()) errors.email = m.emailMissing;
      if (!form.password) errors.password = m.passwordMissing;
      return sendPage(request, reply, <LoginPage email={form.email} returnTo={returnTo} errors={errors} providerLogin={providerLogin(returnTo)} />, 400);
    }
    try {
      const user = await authenticate(app.db, {
        email: form.email,
        password: form.password,
        ip: request.ip,
        knownDevice: knownDeviceOf(request, secureCookies),
      });
      await signIn(request, reply, user.id);
      setKnownDeviceCookie(reply, user.knownDevice, secureCookies);
      return reply.redirect(returnTo, 303);
    } catch (error) {
      if (!(error instanceof SignInRequiredError || error instanceof TooManyAttemptsError)) throw error;
      if (error instanceof LoginThrottledError) reply.header('retry-after', String(error.waitSeconds));
      return sendPage(
        request,
        reply,
        <LoginPage email={form.email} returnTo={returnTo} message={error.message} providerLogin={providerLogin(returnTo)} />,
        httpStatusOf(error),
      );
    }
  });

  app.post('/deconnexion', { config: PUBLIC_FORM }, async (request, reply) => {
    const token = sessionTokenOf(request, secureCookies);
    if (token) await deleteSession(app.db, token);
    clearSessionCookie(reply, secureCookies);
    // Said on the login page, where signing in again is one step away.
    return reply.redirect('/connexion?ok=deconnecte', 303);
  });

  app.get('/mot-de-passe-oublie', { config: PUBLIC_FORM }, async (request, reply) => sendPage(request, reply, <ForgotPasswordPage />));

  app.post(
    '/mot-de-passe-oublie',
    { schema: { body: formBody({ email: formText }) }, config: { rateLimit: LOGIN_RATE_LIMIT, ...PUBLIC_FORM } },
    async (request, reply) => {
      const form = request.body;
      const parsed = emailInput.safeParse(form.email ?? '');
      if (!parsed.success) {
        return sendPage(request, reply, <ForgotPasswordPage email={form.email} errors={{ email: parsed.error.issues[0]?.message ?? m.emailInvalid }} />, 400);
      }
      await requestPasswordReset(app.db, app.config.baseUrl, parsed.data);
      return sendPage(request, reply, <ForgotPasswordPage sent />);
    },
  );

  app.get('/mot-de-passe/:token', { schema: { params: tokenParams }, config: PUBLIC_FORM }, async (request, reply) => {
    const { token } = request.params;
    const link = await peekUserToken(app.db, token);
    if (!link) return sendPage(request, reply, <InvalidLinkPage message={m.invalidLink.used} />, 410);
    return sendPage(request, reply, <SetPasswordPage action={`/mot-de-passe/${token}`} email={link.email} purpose={link.purpose} />);
  });

  app.post('/mot-de-passe/:token', { schema: { params: tokenParams, body: passwordForm }, config: PUBLIC_FORM }, async (request, reply) => {
    const { token } = request.params;
    const form = request.body;
    const link = await peekUserToken(app.db, token);
    if (!link) return sendPage(request, reply, <InvalidLinkPage message={m.invalidLink.used} />, 410);
    try {
      const user = await setPasswordWithToken(app.db, token, { password: form.password ?? '', confirmation: form.confirmation ?? '' }, request.ip);
      await signIn(request, reply, user.id);
      return reply.redirect(await landingAfterPassword(user.id, link.purpose), 303);
    } catch (error) {
      if (error instanceof InvalidInputError) {
        return sendPage(
          request,
          reply,
          <SetPasswordPage action={`/mot-de-passe/${token}`} email={link.email} purpose={link.purpose} errors={error.fields} />,
          400,
        );
      }
      throw error;
    }
  });

  app.get('/installation/:token', { schema: { params: tokenParams }, config: PUBLIC_FORM }, async (request, reply) => {
    const { token } = request.params;
    if (!(await isFirstAdminTokenValid(app.db, token))) {
      return sendPage(request, reply, <InvalidLinkPage message={m.invalidLink.firstAdminReplaced} />, 410);
    }
    return sendPage(request, reply, <SetPasswordPage action={`/installation/${token}`} purpose="first_admin" withEmail />);
  });

  app.post(
    '/installation/:token',
    {
      schema: { params: tokenParams, body: formBody({ email: formText, password: formText, confirmation: formText, displayName: formText }) },
      config: PUBLIC_FORM,
    },
    async (request, reply) => {
      const { token } = request.params;
      const form = request.body;
      if (!(await isFirstAdminTokenValid(app.db, token))) {
        return sendPage(request, reply, <InvalidLinkPage message={m.invalidLink.firstAdminGone} />, 410);
      }
      try {
        const user = await createFirstAdmin(
          app.db,
          token,
          {
            email: form.email ?? '',
            password: form.password ?? '',
            confirmation: form.confirmation ?? '',
            displayName: form.displayName,
          },
          request.ip,
        );
        await signIn(request, reply, user.id);
        return reply.redirect('/admin', 303);
      } catch (error) {
        if (error instanceof InvalidInputError) {
          const errors = { ...error.fields };
          if (errors._ && !errors.email) errors.email = errors._;
          delete errors._;
          return sendPage(
            request,
            reply,
            <SetPasswordPage
              action={`/installation/${token}`}
              purpose="first_admin"
              withEmail
              emailValue={form.email}
              displayName={form.displayName}
              errors={errors}
            />,
            400,
          );
        }
        throw error;
      }
    },
  );

  /**
   * Where a person lands once their password is chosen: an invitation leads to the work it was for
   * (their territory's space, or the administration), a reset to their account.
   */
  async function landingAfterPassword(userId: string, purpose: 'invitation' | 'password_reset'): Promise<string> {
    if (purpose === 'invitation') {
      const [user, memberships] = await Promise.all([getUser(app.db, userId), listUserMemberships(app.db, userId)]);
      // `/espace` opens the only territory at once, or lists them.
      if (memberships.length) return '/espace?bienvenue=1';
      if (user?.role === 'admin') return '/admin';
    }
    return '/compte?ok=mot-de-passe';
  }

  async function renderAccount(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { newToken?: string; errors?: Record<string, string>; notice?: string; joined?: string; failed?: SettingsFailure } = {},
    status = 200,
  ) {
    const sessionUser = authorize(request, 'account.view');
    const [user, memberships, tokens, invitations] = await Promise.all([
      getUser(app.db, sessionUser.id),
      listUserMemberships(app.db, sessionUser.id),
      listApiTokens(app.db, sessionUser.id),
      receivedInvitations(app.db, sessionUser),
    ]);
    const territories = await getTerritoriesByCodes(
      app.db,
      memberships.map((m) => m.territoryCode),
    );
    const names = new Map(territories.map((t) => [t.code, t.name]));
    if (!user) throw new Error(`account ${sessionUser.id} has a session but no row`);
    // A territory just joined is named from the person's own memberships, never from the URL.
    const { joined, ...shown } = extra;
    const joinedName = joined && memberships.some((ms) => ms.territoryCode === joined) ? names.get(joined) : undefined;
    if (joinedName) shown.notice = m.invitations.accepted(joinedName);
    return sendPage(
      request,
      reply,
      <AccountPage
        user={{ email: user.email, displayName: user.displayName, role: user.role, lastLoginAt: user.lastLoginAt, hasPassword: user.passwordHash !== null }}
        memberships={memberships.map((m) => ({ territoryCode: m.territoryCode, role: m.role, territoryName: names.get(m.territoryCode) ?? m.territoryCode }))}
        tokens={tokens}
        invitations={invitations}
        {...shown}
      />,
      status,
    );
  }

  app.get('/compte', { schema: { querystring: noticeQuery }, config: { permission: 'account.view', cache: 'private' } }, async (request, reply) => {
    const query = request.query.values;
    const notices: Record<string, string> = {
      'mot-de-passe': m.account.passwordSaved,
      'jeton-revoque': m.account.tokenRevoked,
      'invitation-refusee': m.invitations.declined,
      nom: m.ownAccount.notices.name,
      'adresse-envoyee': m.ownAccount.notices.emailSent,
      'mot-de-passe-change': m.ownAccount.notices.password,
      'adresse-changee': m.ownAccount.notices.emailChanged,
    };
    return renderAccount(request, reply, {
      notice: query.ok ? notices[query.ok] : undefined,
      joined: query.ok === 'invitation-acceptee' ? query.territoire : undefined,
    });
  });

  // — The person's own name, address and password.
  const PROFILE = { permission: 'account.profile.edit', cache: 'private' } as const;

  /** Runs one settings form: 303 to `/compte?ok=…` when done, « Mon compte » again with the errors by the fields (400) when refused. */
  async function settings(
    request: FastifyRequest,
    reply: FastifyReply,
    form: SettingsFailure['form'],
    values: Record<string, string | undefined>,
    run: () => Promise<string>,
  ) {
    try {
      return reply.redirect(await run(), 303);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      return renderAccount(request, reply, { failed: { form, errors: error.fields, values } }, 400);
    }
  }

  app.post('/compte/nom', { schema: { body: formBody({ displayName: formText }) }, config: PROFILE }, async (request, reply) => {
    const person = authorize(request, 'account.profile.edit');
    const displayName = request.body.displayName ?? '';
    return settings(request, reply, 'name', { displayName }, async () => {
      await updateOwnName(app.db, person, { displayName });
      return '/compte?ok=nom';
    });
  });

  app.post('/compte/adresse', { schema: { body: formBody({ email: formText, currentPassword: formText }) }, config: PROFILE }, async (request, reply) => {
    const person = authorize(request, 'account.profile.edit');
    const form = request.body;
    return settings(request, reply, 'email', { email: form.email }, async () => {
      await requestEmailChange(app.db, person, app.config.baseUrl, { email: form.email ?? '', currentPassword: form.currentPassword });
      return '/compte?ok=adresse-envoyee';
    });
  });

  app.post(
    '/compte/mot-de-passe',
    { schema: { body: formBody({ currentPassword: formText, password: formText, confirmation: formText }) }, config: PROFILE },
    async (request, reply) => {
      const person = authorize(request, 'account.profile.edit');
      const form = request.body;
      return settings(request, reply, 'password', {}, async () => {
        await changeOwnPassword(
          app.db,
          person,
          { currentPassword: form.currentPassword, password: form.password ?? '', confirmation: form.confirmation ?? '' },
          request.ip,
        );
        // Every session ended with the old password: this browser gets a new one.
        await signIn(request, reply, person.id);
        return '/compte?ok=mot-de-passe-change';
      });
    },
  );

  // The link sent to the new address: anyone holding it may confirm, signed in or not (it proves the address).
  app.get('/compte/adresse/:token', { schema: { params: tokenParams }, config: PUBLIC_FORM }, async (request, reply) => {
    const pending = await peekEmailChange(app.db, request.params.token);
    if (!pending) return sendPage(request, reply, <InvalidLinkPage message={m.invalidLink.used} />, 410);
    return sendPage(request, reply, <ConfirmEmailPage action={`/compte/adresse/${request.params.token}`} email={pending.newEmail} />);
  });

  app.post('/compte/adresse/:token', { schema: { params: tokenParams }, config: PUBLIC_FORM }, async (request, reply) => {
    try {
      const changed = await confirmEmailChange(app.db, request.params.token, request.ip);
      if (request.user?.id === changed.userId) return reply.redirect('/compte?ok=adresse-changee', 303);
      return reply.redirect('/connexion?ok=adresse-changee', 303);
    } catch (error) {
      if (!(error instanceof GoneError)) throw error;
      return sendPage(request, reply, <InvalidLinkPage message={error.message} />, 410);
    }
  });

  const tokenName = z.string({ message: m.tokenNameMissing }).trim().min(1, m.tokenNameMissing).max(80, m.tokenNameTooLong);

  // The new token is shown once, on this answer: `private` keeps it out of every cache.
  app.post(
    '/compte/jetons',
    { schema: { body: formBody({ name: formText }) }, config: { permission: 'account.apiTokens.manage', cache: 'private' } },
    async (request, reply) => {
      const user = authorize(request, 'account.apiTokens.manage');
      const parsed = tokenName.safeParse(request.body.name ?? '');
      if (!parsed.success) return renderAccount(request, reply, { errors: { name: parsed.error.issues[0]?.message ?? m.tokenNameMissing } }, 400);
      const { token } = await createApiToken(app.db, user.id, parsed.data);
      return renderAccount(request, reply, { newToken: token });
    },
  );

  app.post(
    '/compte/jetons/:id/revoquer',
    { schema: { params: z.object({ id: z.uuid(m.tokenIdInvalid) }) }, config: { permission: 'account.apiTokens.manage', cache: 'private' } },
    async (request, reply) => {
      const user = authorize(request, 'account.apiTokens.manage');
      const { id } = request.params;
      if (!(await revokeApiToken(app.db, user.id, id))) throw new NotFoundError(m.tokenNotFound);
      return reply.redirect('/compte?ok=jeton-revoque', 303);
    },
  );

  app.get(
    '/api/v1/me',
    { schema: { summary: m.api.meSummary, tags: ['comptes'], security: [{ bearerAuth: [] }] }, config: { permission: 'account.view', cache: 'private' } },
    async (request) => {
      const user = authorize(request, 'account.view');
      const memberships = await listUserMemberships(app.db, user.id);
      return {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        role: user.role,
        memberships: memberships.map((m) => ({ territoryCode: m.territoryCode, role: m.role })),
      };
    },
  );
}
