import { ErrorSummary, Field, Notice, PostForm, formatDateTime } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { PASSWORD_MIN_LENGTH } from '../account-input.ts';
import { PLATFORM_ROLE_LABELS, TERRITORY_ROLE_LABELS, type PlatformRole, type TerritoryRole } from '../roles.rules.ts';

type Errors = Record<string, string>;

export function LoginPage(props: { email?: string; returnTo: string; errors?: Errors; message?: string; notice?: string }) {
  return (
    <Layout title="Se connecter">
      <div class="narrow">
        <h1>Se connecter</h1>
        {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
        {props.message ? <Notice kind="error">{props.message}</Notice> : null}
        <ErrorSummary errors={props.errors ?? {}} labels={{ email: 'Adresse e-mail', password: 'Mot de passe' }} />
        <PostForm action="/connexion">
          <input type="hidden" name="retour" value={props.returnTo} />
          <Field name="email" label="Adresse e-mail" type="email" autocomplete="email" required value={props.email} error={props.errors?.email} />
          <Field name="password" label="Mot de passe" type="password" autocomplete="current-password" required error={props.errors?.password} />
          <button type="submit" class="button">Se connecter</button>
        </PostForm>
        <p class="form-links">
          <a href="/mot-de-passe-oublie">Mot de passe oublié ?</a>
        </p>
        <p class="muted">
          Pas encore de compte ? Les comptes sont créés sur invitation : demandez au référent de votre territoire ou à
          l'équipe du label.
        </p>
      </div>
    </Layout>
  );
}

export function ForgotPasswordPage(props: { email?: string; sent?: boolean; errors?: Errors }) {
  return (
    <Layout title="Mot de passe oublié">
      <div class="narrow">
        <h1>Mot de passe oublié</h1>
        {props.sent ? (
          <Notice kind="success">
            Si un compte existe avec cette adresse, un courriel vient de lui être envoyé avec un lien pour choisir un
            nouveau mot de passe. Le lien est valable une heure.
          </Notice>
        ) : (
          <>
            <p>Indiquez l'adresse de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.</p>
            <ErrorSummary errors={props.errors ?? {}} labels={{ email: 'Adresse e-mail' }} />
            <PostForm action="/mot-de-passe-oublie">
              <Field name="email" label="Adresse e-mail" type="email" autocomplete="email" required value={props.email} error={props.errors?.email} />
              <button type="submit" class="button">Recevoir le lien</button>
            </PostForm>
          </>
        )}
        <p class="form-links"><a href="/connexion">Retour à la connexion</a></p>
      </div>
    </Layout>
  );
}

export function SetPasswordPage(props: { action: string; email?: string; purpose: 'invitation' | 'password_reset' | 'first_admin'; errors?: Errors; withEmail?: boolean; emailValue?: string; displayName?: string }) {
  const title =
    props.purpose === 'invitation'
      ? 'Activer votre compte'
      : props.purpose === 'first_admin'
        ? 'Créer le premier compte administrateur'
        : 'Choisir un nouveau mot de passe';
  return (
    <Layout title={title}>
      <div class="narrow">
        <h1>{title}</h1>
        {props.email ? <p>Compte : <strong>{props.email}</strong></p> : null}
        {props.purpose === 'first_admin' ? (
          <p>Ce lien à usage unique a été affiché au premier démarrage de la plateforme. Le compte créé aura tous les droits d'administration.</p>
        ) : null}
        <ErrorSummary errors={props.errors ?? {}} labels={{ email: 'Adresse e-mail', password: 'Mot de passe', confirmation: 'Confirmation' }} />
        <PostForm action={props.action}>
          {props.withEmail ? (
            <>
              <Field name="email" label="Adresse e-mail" type="email" autocomplete="email" required value={props.emailValue} error={props.errors?.email} />
              <Field name="displayName" label="Prénom et nom" autocomplete="name" value={props.displayName} error={props.errors?.displayName} />
            </>
          ) : null}
          <Field
            name="password"
            label="Mot de passe"
            type="password"
            autocomplete="new-password"
            required
            minLength={PASSWORD_MIN_LENGTH}
            hint={`Au moins ${PASSWORD_MIN_LENGTH} caractères. Une phrase de plusieurs mots est facile à retenir et difficile à deviner.`}
            error={props.errors?.password}
          />
          <Field name="confirmation" label="Confirmer le mot de passe" type="password" autocomplete="new-password" required error={props.errors?.confirmation} />
          <button type="submit" class="button">Enregistrer le mot de passe</button>
        </PostForm>
      </div>
    </Layout>
  );
}

export function InvalidLinkPage(props: { message: string }) {
  return (
    <Layout title="Lien expiré">
      <div class="narrow">
        <h1>Ce lien n'est plus valable</h1>
        <p class="lead">{props.message}</p>
        <p><a href="/mot-de-passe-oublie">Recevoir un nouveau lien</a></p>
      </div>
    </Layout>
  );
}

export function AccountPage(props: {
  user: { email: string; displayName: string | null; role: PlatformRole; lastLoginAt: Date | null };
  memberships: { territoryCode: string; territoryName: string; role: TerritoryRole }[];
  tokens: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null }[];
  newToken?: string;
  errors?: Errors;
  notice?: string;
}) {
  const { user } = props;
  return (
    <Layout title="Mon compte">
      <h1>Mon compte</h1>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <section class="section" aria-labelledby="titre-profil">
        <h2 id="titre-profil">Profil</h2>
        <dl class="facts">
          <div><dt>Adresse e-mail</dt><dd>{user.email}</dd></div>
          {user.displayName ? <div><dt>Nom</dt><dd>{user.displayName}</dd></div> : null}
          <div><dt>Rôle</dt><dd>{PLATFORM_ROLE_LABELS[user.role]}</dd></div>
          {user.lastLoginAt ? <div><dt>Dernière connexion</dt><dd>{formatDateTime(user.lastLoginAt)}</dd></div> : null}
        </dl>
      </section>
      <section class="section" aria-labelledby="titre-territoires">
        <h2 id="titre-territoires">Mes territoires</h2>
        {props.memberships.length === 0 ? (
          <p>Vous n'êtes membre d'aucun territoire.</p>
        ) : (
          <ul>
            {props.memberships.map((ms) => (
              <li key={ms.territoryCode}>
                <a href={`/territoires/${ms.territoryCode}`}>{ms.territoryName}</a> — {TERRITORY_ROLE_LABELS[ms.role]}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="section" aria-labelledby="titre-jetons">
        <h2 id="titre-jetons">Jetons d'accès à l'API</h2>
        <p>
          Un jeton permet à un logiciel d'utiliser l'API en votre nom, avec l'en-tête{' '}
          <code>Authorization: Bearer &lt;jeton&gt;</code>. Gardez-le secret.
        </p>
        {props.newToken ? (
          <div class="alert alert--success" role="status">
            <p><strong>Votre nouveau jeton</strong> — copiez-le maintenant, il ne sera plus affiché :</p>
            <p><code class="token" id="nouveau-jeton">{props.newToken}</code></p>
          </div>
        ) : null}
        {props.tokens.length ? (
          <div class="table-wrapper" role="region" tabIndex={0} aria-labelledby="legende-jetons">
            <table class="table">
              <caption class="visually-hidden" id="legende-jetons">Vos jetons actifs</caption>
              <thead>
                <tr><th scope="col">Nom</th><th scope="col">Créé le</th><th scope="col">Dernier usage</th><th scope="col">Action</th></tr>
              </thead>
              <tbody>
                {props.tokens.map((t) => (
                  <tr key={t.id}>
                    <th scope="row">{t.name}</th>
                    <td>{formatDateTime(t.createdAt)}</td>
                    <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'Jamais'}</td>
                    <td>
                      <PostForm action={`/compte/jetons/${t.id}/revoquer`} class="inline-form">
                        <button type="submit" class="button button--small button--danger">Révoquer<span class="visually-hidden"> le jeton {t.name}</span></button>
                      </PostForm>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>Aucun jeton actif.</p>
        )}
        <ErrorSummary errors={props.errors ?? {}} labels={{ name: 'Nom du jeton' }} />
        <PostForm action="/compte/jetons" class="inline-fields">
          <Field name="name" label="Nom du jeton" hint="Par exemple : « Site de la mairie »" required maxLength={80} error={props.errors?.name} />
          <button type="submit" class="button button--secondary">Créer un jeton</button>
        </PostForm>
      </section>
    </Layout>
  );
}
