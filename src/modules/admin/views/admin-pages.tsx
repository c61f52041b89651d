import { ErrorSummary, Field, Notice, PostForm, formatDateTime } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { PLATFORM_ROLE_LABELS, PLATFORM_ROLES, TERRITORY_ROLE_LABELS, TERRITORY_ROLES, type PlatformRole, type TerritoryRole } from '../../accounts/roles.rules.ts';

const adminCrumb = { href: '/admin', label: 'Administration' };

export function AdminHomePage(props: { users: number; pendingEmails: number }) {
  return (
    <Layout title="Administration" breadcrumb={[adminCrumb]}>
      <h1>Administration</h1>
      <div class="card-grid">
        <div class="card">
          <h2><a href="/admin/utilisateurs">Utilisateurs</a></h2>
          <p>{props.users} compte{props.users > 1 ? 's' : ''}. Inviter un élu, un agent, un juré ou un administrateur.</p>
        </div>
        <div class="card">
          <h2><a href="/admin/courriels">Courriels envoyés</a></h2>
          <p>{props.pendingEmails} en attente d'envoi. Sans serveur SMTP, les courriels sont lisibles ici.</p>
        </div>
      </div>
    </Layout>
  );
}

type UserRow = {
  id: string;
  email: string;
  displayName: string | null;
  role: PlatformRole;
  hasPassword: boolean;
  lastLoginAt: Date | null;
  memberships: { territoryCode: string; role: string }[];
};

export function AdminUsersPage(props: { users: UserRow[]; errors?: Record<string, string>; values?: Record<string, string | undefined>; notice?: string }) {
  const v = props.values ?? {};
  return (
    <Layout title="Utilisateurs" breadcrumb={[adminCrumb, { href: '/admin/utilisateurs', label: 'Utilisateurs' }]}>
      <h1>Utilisateurs</h1>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <section class="section" aria-labelledby="titre-inviter">
        <h2 id="titre-inviter">Inviter une personne</h2>
        <p>La personne reçoit un courriel avec un lien, valable 7 jours, pour choisir son mot de passe.</p>
        <ErrorSummary errors={props.errors ?? {}} labels={{ email: 'Adresse e-mail', displayName: 'Nom', role: 'Rôle', territoryCode: 'Territoire', territoryRole: 'Rôle dans le territoire' }} />
        <PostForm action="/admin/utilisateurs">
          <Field name="email" label="Adresse e-mail" type="email" required value={v.email} error={props.errors?.email} />
          <Field name="displayName" label="Prénom et nom" value={v.displayName} error={props.errors?.displayName} />
          <div class={props.errors?.role ? 'field field--error' : 'field'}>
            <label for="champ-role">Rôle</label>
            {props.errors?.role ? <p class="field__error" id="champ-role-erreur">{props.errors.role}</p> : null}
            <select id="champ-role" name="role" aria-describedby={props.errors?.role ? 'champ-role-erreur' : undefined}>
              {PLATFORM_ROLES.map((r) => (
                <option value={r} selected={(v.role ?? 'member') === r}>{PLATFORM_ROLE_LABELS[r]}</option>
              ))}
            </select>
          </div>
          <Field name="territoryCode" label="Code du territoire (facultatif)" hint="Code INSEE d'une commune ou SIREN d'une intercommunalité, par exemple 49353 pour Trélazé." value={v.territoryCode} error={props.errors?.territoryCode} />
          <div class="field">
            <label for="champ-territoryRole">Rôle dans le territoire</label>
            <select id="champ-territoryRole" name="territoryRole">
              {TERRITORY_ROLES.map((r) => (
                <option value={r} selected={(v.territoryRole ?? 'contributor') === r}>{TERRITORY_ROLE_LABELS[r]}</option>
              ))}
            </select>
          </div>
          <button type="submit" class="button">Envoyer l'invitation</button>
        </PostForm>
      </section>
      <section class="section" aria-labelledby="titre-comptes">
        <h2 id="titre-comptes">Comptes</h2>
        <div class="table-wrapper" role="region" tabIndex={0} aria-labelledby="legende-comptes">
          <table class="table">
            <caption class="visually-hidden" id="legende-comptes">Tous les comptes</caption>
            <thead>
              <tr><th scope="col">Adresse</th><th scope="col">Rôle</th><th scope="col">Territoires</th><th scope="col">État</th></tr>
            </thead>
            <tbody>
              {props.users.map((u) => (
                <tr key={u.id}>
                  <th scope="row">{u.email}{u.displayName ? <span class="muted"> — {u.displayName}</span> : null}</th>
                  <td>{PLATFORM_ROLE_LABELS[u.role]}</td>
                  <td>{u.memberships.map((m) => `${m.territoryCode} (${TERRITORY_ROLE_LABELS[m.role as TerritoryRole] ?? m.role})`).join(', ') || '—'}</td>
                  <td>{!u.hasPassword ? 'Invitation en attente' : u.lastLoginAt ? `Connecté le ${formatDateTime(u.lastLoginAt)}` : 'Actif'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </Layout>
  );
}

type OutboxRow = { id: string; recipient: string; subject: string; body: string; status: string; createdAt: Date; attempts: number; lastError: string | null };

const STATUS_LABELS: Record<string, string> = {
  pending: "En attente d'envoi",
  sent: 'Envoyé',
  logged: 'Écrit dans le journal (pas de SMTP)',
  failed: 'Échec',
};

export function AdminOutboxPage(props: { messages: OutboxRow[] }) {
  return (
    <Layout title="Courriels" breadcrumb={[adminCrumb, { href: '/admin/courriels', label: 'Courriels' }]}>
      <h1>Courriels</h1>
      <p>Les 100 derniers courriels de la plateforme. Sans serveur SMTP configuré (<code>SMTP_URL</code>), ils ne partent pas : lisez-les ici.</p>
      {props.messages.length === 0 ? <p>Aucun courriel pour l'instant.</p> : null}
      {props.messages.map((msg) => (
        <article class="card outbox-message" key={msg.id} aria-labelledby={`courriel-${msg.id}`}>
          <h2 id={`courriel-${msg.id}`} class="outbox-message__subject">{msg.subject}</h2>
          <p class="muted">
            À {msg.recipient} · {formatDateTime(msg.createdAt)} · {STATUS_LABELS[msg.status] ?? msg.status}
            {msg.lastError ? ` · dernière erreur : ${msg.lastError}` : ''}
          </p>
          <pre class="outbox-message__body">{msg.body}</pre>
        </article>
      ))}
    </Layout>
  );
}
