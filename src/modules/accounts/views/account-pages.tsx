import { DataTable, ErrorSummary, Field, Notice, PostForm, formatDateTime } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { PASSWORD_MIN_LENGTH } from '../account-input.ts';
import type { ReceivedInvitation } from '../membership-invitations.service.ts';
import { accountMessages } from '../messages.ts';
import type { PlatformRole, TerritoryRole } from '../roles.rules.ts';
import { AccountSettings, type SettingsFailure } from './account-settings.tsx';

const { fields, roles } = accountMessages;

type Errors = Record<string, string>;

export function LoginPage(props: {
  email?: string;
  returnTo: string;
  errors?: Errors;
  message?: string;
  notice?: string;
  /** Signing in through the identity provider (ProConnect), when one is configured. */
  providerLogin?: { href: string; providerName: string };
}) {
  const m = accountMessages.login;
  return (
    <Layout title={m.title}>
      <div class="narrow">
        <h1>{m.title}</h1>
        {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
        {props.message ? <Notice kind="error">{props.message}</Notice> : null}
        {props.providerLogin ? (
          <>
            <p>
              <a class="button" href={props.providerLogin.href}>
                {m.withProvider(props.providerLogin.providerName)}
              </a>
            </p>
            <p class="muted">{m.providerHint}</p>
            <h2>{m.withPassword}</h2>
          </>
        ) : null}
        <ErrorSummary errors={props.errors ?? {}} labels={{ email: fields.email, password: fields.password }} />
        <PostForm action="/connexion">
          <input type="hidden" name="retour" value={props.returnTo} />
          <Field name="email" label={fields.email} type="email" autocomplete="email" required value={props.email} error={props.errors?.email} />
          <Field name="password" label={fields.password} type="password" autocomplete="current-password" required error={props.errors?.password} />
          <button type="submit" class="button">
            {m.submit}
          </button>
        </PostForm>
        <p class="form-links">
          <a href="/mot-de-passe-oublie">{m.forgotPassword}</a>
        </p>
        <p class="muted">{m.noAccount}</p>
      </div>
    </Layout>
  );
}

export function ForgotPasswordPage(props: { email?: string; sent?: boolean; errors?: Errors }) {
  const m = accountMessages.forgotPassword;
  return (
    <Layout title={m.title}>
      <div class="narrow">
        <h1>{m.title}</h1>
        {props.sent ? (
          <Notice kind="success">{m.sent}</Notice>
        ) : (
          <>
            <p>{m.intro}</p>
            <ErrorSummary errors={props.errors ?? {}} labels={{ email: fields.email }} />
            <PostForm action="/mot-de-passe-oublie">
              <Field name="email" label={fields.email} type="email" autocomplete="email" required value={props.email} error={props.errors?.email} />
              <button type="submit" class="button">
                {m.submit}
              </button>
            </PostForm>
          </>
        )}
        <p class="form-links">
          <a href="/connexion">{m.backToLogin}</a>
        </p>
      </div>
    </Layout>
  );
}

export function SetPasswordPage(props: {
  action: string;
  email?: string;
  purpose: 'invitation' | 'password_reset' | 'first_admin';
  errors?: Errors;
  withEmail?: boolean;
  emailValue?: string;
  displayName?: string;
}) {
  const m = accountMessages.setPassword;
  const title = m.titles[props.purpose];
  return (
    <Layout title={title}>
      <div class="narrow">
        <h1>{title}</h1>
        {props.email ? <p>{m.account(<strong>{props.email}</strong>)}</p> : null}
        {props.purpose === 'first_admin' ? <p>{m.firstAdminIntro}</p> : null}
        <ErrorSummary errors={props.errors ?? {}} labels={{ email: fields.email, password: fields.password, confirmation: fields.confirmation }} />
        <PostForm action={props.action}>
          {props.withEmail ? (
            <>
              <Field name="email" label={fields.email} type="email" autocomplete="email" required value={props.emailValue} error={props.errors?.email} />
              <Field name="displayName" label={fields.displayName} autocomplete="name" value={props.displayName} error={props.errors?.displayName} />
            </>
          ) : null}
          <Field
            name="password"
            label={fields.password}
            type="password"
            autocomplete="new-password"
            required
            minLength={PASSWORD_MIN_LENGTH}
            hint={m.passwordHint(PASSWORD_MIN_LENGTH)}
            error={props.errors?.password}
          />
          <Field
            name="confirmation"
            label={fields.newPasswordConfirmation}
            type="password"
            autocomplete="new-password"
            required
            error={props.errors?.confirmation}
          />
          <button type="submit" class="button">
            {m.submit}
          </button>
        </PostForm>
      </div>
    </Layout>
  );
}

export function InvalidLinkPage(props: { message: string }) {
  const m = accountMessages.invalidLink;
  return (
    <Layout title={m.title}>
      <div class="narrow">
        <h1>{m.heading}</h1>
        <p class="lead">{props.message}</p>
        <p>
          <a href="/mot-de-passe-oublie">{m.newLink}</a>
        </p>
      </div>
    </Layout>
  );
}

export function AccountPage(props: {
  user: { email: string; displayName: string | null; role: PlatformRole; lastLoginAt: Date | null; hasPassword: boolean };
  memberships: { territoryCode: string; territoryName: string; role: TerritoryRole }[];
  tokens: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null }[];
  invitations: ReceivedInvitation[];
  newToken?: string;
  errors?: Errors;
  notice?: string;
  /** A refused form of the name, address or password. */
  failed?: SettingsFailure;
}) {
  const { user } = props;
  const m = accountMessages.account;
  return (
    <Layout title={m.title}>
      <h1>{m.title}</h1>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <section class="section" aria-labelledby="titre-profil">
        <h2 id="titre-profil">{m.profile}</h2>
        <dl class="facts">
          <div>
            <dt>{m.email}</dt>
            <dd>{user.email}</dd>
          </div>
          {user.displayName ? (
            <div>
              <dt>{m.name}</dt>
              <dd>{user.displayName}</dd>
            </div>
          ) : null}
          <div>
            <dt>{m.role}</dt>
            <dd>{roles.platform[user.role]}</dd>
          </div>
          {user.lastLoginAt ? (
            <div>
              <dt>{m.lastLogin}</dt>
              <dd>{formatDateTime(user.lastLoginAt)}</dd>
            </div>
          ) : null}
        </dl>
      </section>
      {props.invitations.length ? <InvitationsSection invitations={props.invitations} /> : null}
      <section class="section" aria-labelledby="titre-territoires">
        <h2 id="titre-territoires">{m.territories}</h2>
        {props.memberships.length === 0 ? (
          <p>{m.noTerritory}</p>
        ) : (
          <ul>
            {props.memberships.map((ms) => (
              <li key={ms.territoryCode}>
                <a href={`/espace/${encodeURIComponent(ms.territoryCode)}`}>{m.spaceOf(ms.territoryName)}</a> — {roles.territory[ms.role]}
              </li>
            ))}
          </ul>
        )}
      </section>
      <AccountSettings email={user.email} displayName={user.displayName} hasPassword={user.hasPassword} failed={props.failed} />
      <section class="section" aria-labelledby="titre-donnees">
        <h2 id="titre-donnees">{accountMessages.personalData.sectionTitle}</h2>
        <p>{accountMessages.personalData.sectionIntro(<a href="/donnees-personnelles">{accountMessages.personalData.policyLink}</a>)}</p>
        <ul class="form-links">
          <li>
            <a href="/compte/donnees" download={accountMessages.personalData.fileName}>
              {accountMessages.personalData.download}
            </a>
          </li>
          <li>
            <a href="/compte/supprimer">{accountMessages.personalData.deleteLink}</a>
          </li>
        </ul>
      </section>
      <section class="section" aria-labelledby="titre-avance">
        <h2 id="titre-avance">{accountMessages.ownAccount.advancedTitle}</h2>
        <details open={!!props.newToken || !!props.errors?.name}>
          <summary>{accountMessages.ownAccount.advancedSummary}</summary>
          <h3 id="titre-jetons">{m.tokens}</h3>
          <p>{m.tokensIntro(<code>{m.tokenHeader}</code>)}</p>
          {props.newToken ? (
            <div class="alert alert--success" role="status">
              <p>{m.newToken(<strong>{m.newTokenLabel}</strong>)}</p>
              <p>
                <code class="token" id="nouveau-jeton">
                  {props.newToken}
                </code>
              </p>
            </div>
          ) : null}
          {props.tokens.length ? (
            <DataTable id="legende-jetons" caption={m.tokensCaption}>
              <thead>
                <tr>
                  <th scope="col">{m.tokenName}</th>
                  <th scope="col">{m.tokenCreated}</th>
                  <th scope="col">{m.tokenLastUsed}</th>
                  <th scope="col">{m.tokenAction}</th>
                </tr>
              </thead>
              <tbody>
                {props.tokens.map((t) => (
                  <tr key={t.id}>
                    <th scope="row">{t.name}</th>
                    <td>{formatDateTime(t.createdAt)}</td>
                    <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : m.tokenNeverUsed}</td>
                    <td>
                      <PostForm action={`/compte/jetons/${t.id}/revoquer`} class="inline-form">
                        <button type="submit" class="button button--small button--danger">
                          {m.revoke}
                          <span class="visually-hidden"> {m.revokeTarget(t.name)}</span>
                        </button>
                      </PostForm>
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          ) : (
            <p>{m.noToken}</p>
          )}
          <ErrorSummary errors={props.errors ?? {}} labels={{ name: m.tokenNameLabel }} />
          <PostForm action="/compte/jetons" class="inline-fields">
            <Field name="name" label={m.tokenNameLabel} hint={m.tokenNameHint} required maxLength={80} error={props.errors?.name} />
            <button type="submit" class="button button--secondary">
              {m.createToken}
            </button>
          </PostForm>
        </details>
      </section>
    </Layout>
  );
}

/** The invitations into territories waiting for the person's answer. */
function InvitationsSection(props: { invitations: ReceivedInvitation[] }) {
  const m = accountMessages.invitations;
  return (
    <section class="section" id="invitations" aria-labelledby="titre-invitations">
      <h2 id="titre-invitations">{m.title}</h2>
      <p>{m.intro}</p>
      <ul>
        {props.invitations.map((invitation) => (
          <li key={invitation.id}>
            {m.item(invitation.territoryName, roles.territory[invitation.role])}
            {invitation.invitedBy ? m.from(invitation.invitedBy) : null}{' '}
            <PostForm action={`/compte/invitations/${invitation.id}/accepter`} class="inline-form">
              <button type="submit" class="button button--small">
                {m.accept}
                <span class="visually-hidden">{m.target(invitation.territoryName)}</span>
              </button>
            </PostForm>{' '}
            <PostForm action={`/compte/invitations/${invitation.id}/refuser`} class="inline-form">
              <button type="submit" class="button button--small button--secondary">
                {m.decline}
                <span class="visually-hidden">{m.target(invitation.territoryName)}</span>
              </button>
            </PostForm>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Asks before deleting the account, with the password: what goes, what stays, and who is left without a referent. */
export function DeleteAccountPage(props: {
  lastReferentOf: { code: string; name: string }[];
  /** An account opened through an identity provider has no password: its address confirms. */
  confirmWith: 'password' | 'email';
  errors?: Errors;
  message?: string;
}) {
  const m = accountMessages.personalData.confirm;
  return (
    <Layout
      title={m.title}
      breadcrumb={[
        { href: '/compte', label: accountMessages.account.title },
        { href: '/compte/supprimer', label: m.title },
      ]}
    >
      <div class="narrow">
        <h1>{m.title}</h1>
        {props.message ? <Notice kind="error">{props.message}</Notice> : null}
        <ErrorSummary errors={props.errors ?? {}} labels={{ password: props.confirmWith === 'email' ? m.email : fields.password }} />
        <p class="lead">{m.intro}</p>
        <p>{m.work}</p>
        {props.lastReferentOf.map((territory) => (
          <Notice kind="warning" key={territory.code}>
            {m.lastReferent(territory.name)}
          </Notice>
        ))}
        <p>{m.download(<a href="/compte/donnees">{m.downloadLink}</a>)}</p>
        <PostForm action="/compte/supprimer">
          {props.confirmWith === 'email' ? (
            <Field name="password" label={m.email} type="email" autocomplete="email" required error={props.errors?.password} />
          ) : (
            <Field name="password" label={m.password} type="password" autocomplete="current-password" required error={props.errors?.password} />
          )}
          <button type="submit" class="button button--danger">
            {m.submit}
          </button>
        </PostForm>
        <p class="form-links">
          <a href="/compte">{m.cancel}</a>
        </p>
      </div>
    </Layout>
  );
}
