import { ErrorSummary, Field, Notice, PostForm, SelectField, formatDateTime } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { accountMessages } from '../../accounts/messages.ts';
import { PLATFORM_ROLES, TERRITORY_ROLES } from '../../accounts/roles.rules.ts';
import type { AdminLink } from '../../../platform/module.ts';
import { canRetry } from '../../notifications/outbox.service.ts';
import { adminMessages } from '../messages.ts';
import type { TerritoryOption } from '../../territories/pick-territory.service.ts';
import { TERRITORY_PICKER_SCRIPT, TerritoryPicker } from '../../territories/views/territory-picker.tsx';
import { UsersTable, type RowError, type UserRow } from './admin-users-table.tsx';

const roles = accountMessages.roles;
const adminCrumb = { href: '/admin', label: adminMessages.breadcrumb };

export function AdminHomePage(props: { users: number; pendingEmails: number; links: readonly AdminLink[] }) {
  const m = adminMessages.home;
  const cards = [
    { href: '/admin/utilisateurs', title: m.users, summary: m.usersSummary(props.users), position: 10 },
    { href: '/admin/courriels', title: m.outbox, summary: m.outboxSummary(props.pendingEmails), position: 20 },
    ...props.links,
  ].sort((a, b) => a.position - b.position);
  return (
    <Layout title={m.title} breadcrumb={[adminCrumb]}>
      <h1>{m.title}</h1>
      <div class="card-grid">
        {cards.map((card) => (
          <div class="card" key={card.href}>
            <h2>
              <a href={card.href}>{card.title}</a>
            </h2>
            <p>{card.summary}</p>
          </div>
        ))}
      </div>
    </Layout>
  );
}

export function AdminUsersPage(props: {
  users: UserRow[];
  errors?: Record<string, string>;
  values?: Record<string, string | undefined>;
  notice?: string;
  rowError?: RowError;
  /** The territories offered for the typed territory, when it named several. */
  territoryOptions?: TerritoryOption[];
}) {
  const v = props.values ?? {};
  const m = adminMessages.users;
  return (
    <Layout title={m.title} scripts={[TERRITORY_PICKER_SCRIPT]} breadcrumb={[adminCrumb, { href: '/admin/utilisateurs', label: m.title }]}>
      <h1>{m.title}</h1>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <section class="section" aria-labelledby="titre-inviter">
        <h2 id="titre-inviter">{m.inviteTitle}</h2>
        <p>{m.inviteIntro}</p>
        <ErrorSummary errors={props.errors ?? {}} labels={m.fieldLabels} />
        <PostForm action="/admin/utilisateurs">
          <Field name="email" label={m.email} type="email" required value={v.email} error={props.errors?.email} />
          <Field name="displayName" label={m.displayName} value={v.displayName} error={props.errors?.displayName} />
          <SelectField
            name="role"
            label={m.role}
            value={v.role ?? 'member'}
            error={props.errors?.role}
            options={PLATFORM_ROLES.map((r) => ({ value: r, label: roles.platform[r] }))}
          />
          <TerritoryPicker
            name="territoryCode"
            label={m.territoryCode}
            hint={m.territoryCodeHint}
            value={v.territoryCode}
            error={props.errors?.territoryCode}
            options={props.territoryOptions}
          />
          <SelectField
            name="territoryRole"
            label={m.territoryRole}
            value={v.territoryRole ?? 'contributor'}
            error={props.errors?.territoryRole}
            options={TERRITORY_ROLES.map((r) => ({ value: r, label: roles.territory[r] }))}
          />
          <button type="submit" class="button">
            {m.submit}
          </button>
        </PostForm>
      </section>
      <section class="section" aria-labelledby="titre-comptes">
        <h2 id="titre-comptes">{m.accountsTitle}</h2>
        <p>{m.accountsIntro}</p>
        <UsersTable users={props.users} rowError={props.rowError} />
      </section>
    </Layout>
  );
}

/** The e-mail's text with its addresses as links the administrator can open (personal links are already masked). */
function withLinks(body: string) {
  return body.split(/(https?:\/\/[^\s<>"]+)/).map((part, i) => (i % 2 ? <a href={part}>{part}</a> : part));
}

type OutboxRow = { id: string; recipient: string; subject: string; body: string; status: string; createdAt: Date; attempts: number; lastError: string | null };

export function AdminOutboxPage(props: { messages: OutboxRow[]; notice?: string; error?: string }) {
  const m = adminMessages.outbox;
  const failed = props.messages.filter((msg) => msg.status === 'failed').length;
  return (
    <Layout title={m.title} breadcrumb={[adminCrumb, { href: '/admin/courriels', label: m.title }]}>
      <h1>{m.title}</h1>
      <p>{m.intro(<code>SMTP_URL</code>)}</p>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      {props.error ? <Notice kind="error">{props.error}</Notice> : null}
      {failed ? <Notice kind="warning">{m.failedCount(failed)}</Notice> : null}
      {props.messages.length === 0 ? <p>{m.empty}</p> : null}
      {props.messages.map((msg) => (
        <article class="card outbox-message" key={msg.id} aria-labelledby={`courriel-${msg.id}`}>
          <h2 id={`courriel-${msg.id}`} class="outbox-message__subject">
            {msg.subject}
          </h2>
          <p class="muted">
            {m.meta(msg.recipient, formatDateTime(msg.createdAt), m.statuses[msg.status] ?? msg.status)}
            {msg.lastError ? m.lastError(msg.lastError) : ''}
          </p>
          <pre class="outbox-message__body">{withLinks(msg.body)}</pre>
          {msg.status === 'failed' ? (
            canRetry(msg) ? (
              <PostForm action={`/admin/courriels/${msg.id}/reessayer`} class="inline-form">
                <button type="submit" class="button button--secondary" aria-describedby={`courriel-${msg.id}`}>
                  {m.retry}
                </button>
              </PostForm>
            ) : (
              <p>{m.secretLost}</p>
            )
          ) : null}
        </article>
      ))}
    </Layout>
  );
}
