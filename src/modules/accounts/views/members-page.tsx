import { DataTable, ErrorSummary, Field, Notice, PostForm, SelectField } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { platformMessages } from '../../../platform/views/messages.ts';
import { formatDate } from '../../../platform/views/format.ts';
import type { Member } from '../members.service.ts';
import type { TerritoryInvitation } from '../membership-invitations.service.ts';
import { accountMessages } from '../messages.ts';
import { TERRITORY_ROLES, type TerritoryRole } from '../roles.rules.ts';

const m = accountMessages.members;
const roleLabels = accountMessages.roles.territory;

type Territory = { code: string; name: string };
type Errors = Record<string, string>;

export const membersPath = (code: string) => `/espace/${encodeURIComponent(code)}/membres`;
export const memberPath = (code: string, userId: string, action: 'role' | 'retirer') => `${membersPath(code)}/${encodeURIComponent(userId)}/${action}`;

/** How a member is named on the page: their name, else their address. */
export const nameOfMember = (member: Pick<Member, 'displayName' | 'email'>) => member.displayName || member.email;

function breadcrumb(territory: Territory, last?: { href: string; label: string }) {
  const members = { href: membersPath(territory.code), label: m.breadcrumb };
  return [
    { href: '/espace', label: platformMessages.layout.workspace },
    { href: `/espace/${encodeURIComponent(territory.code)}`, label: territory.name },
    members,
    ...(last ? [last] : []),
  ];
}

const roleOptions = TERRITORY_ROLES.map((r) => ({ value: r, label: roleLabels[r] }));

export function MembersPage(props: {
  territory: Territory;
  members: Member[];
  /** Invitations waiting for an answer: shown with what the referent typed, whoever the address is. */
  invitations: TerritoryInvitation[];
  /** The person looking at the page, marked "(vous)" in the list. */
  viewerId: string;
  notice?: string;
  /** Errors of the invitation form. */
  errors?: Errors;
  values?: Record<string, string | undefined>;
  /** The error of one row's role form. */
  roleError?: { userId: string; message: string; value?: string };
}) {
  const { territory, roleError } = props;
  const title = m.title(territory.name);
  const v = props.values ?? {};
  const rowErrorTarget = roleError ? props.members.find((x) => x.userId === roleError.userId) : undefined;
  const summary: Errors = { ...(props.errors ?? {}) };
  const labels: Errors = { ...m.fieldLabels };
  if (roleError && rowErrorTarget) {
    summary[`role-${roleError.userId}`] = roleError.message;
    labels[`role-${roleError.userId}`] = m.roleOf(nameOfMember(rowErrorTarget));
  }
  return (
    <Layout title={title} breadcrumb={breadcrumb(territory)}>
      <h1>{title}</h1>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <ErrorSummary errors={summary} labels={labels} />
      <section class="section" aria-labelledby="titre-membres">
        <h2 id="titre-membres">{m.listTitle}</h2>
        {props.members.length === 0 ? (
          <p>{m.empty}</p>
        ) : (
          <DataTable id="legende-membres" caption={m.caption(territory.name)}>
            <thead>
              <tr>
                <th scope="col">{m.memberColumn}</th>
                <th scope="col">{m.stateColumn}</th>
                <th scope="col">{m.roleColumn}</th>
                <th scope="col">{m.actionColumn}</th>
              </tr>
            </thead>
            <tbody>
              {props.members.map((member) => {
                const name = nameOfMember(member);
                const error = roleError?.userId === member.userId ? roleError : undefined;
                return (
                  <tr key={member.userId}>
                    <th scope="row">
                      {name}
                      {member.userId === props.viewerId ? <span class="muted"> {m.you}</span> : null}
                      {member.displayName ? (
                        <>
                          <br />
                          <span class="muted">{member.email}</span>
                        </>
                      ) : null}
                    </th>
                    <td>{member.hasPassword ? m.active : m.pending}</td>
                    <td>
                      <RoleForm territory={territory} member={member} name={name} error={error?.message} value={error?.value} />
                    </td>
                    <td>
                      <a class="button button--small button--secondary" href={memberPath(territory.code, member.userId, 'retirer')}>
                        {m.remove}
                        <span class="visually-hidden"> {name}</span>
                      </a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </DataTable>
        )}
      </section>
      {props.invitations.length ? <InvitationsTable territory={territory} invitations={props.invitations} /> : null}
      <section class="section" aria-labelledby="titre-inviter">
        <h2 id="titre-inviter">{m.inviteTitle}</h2>
        <p>{m.inviteIntro(territory.name)}</p>
        <h3 id="titre-roles">{m.rolesTitle}</h3>
        <ul aria-labelledby="titre-roles">
          {TERRITORY_ROLES.map((r) => (
            <li key={r}>
              <strong>{roleLabels[r]}</strong>
              {m.roleSeparator}
              {m.roleDescriptions[r]}
            </li>
          ))}
        </ul>
        <PostForm action={membersPath(territory.code)}>
          <Field name="email" label={m.email} type="email" autocomplete="off" required value={v.email} error={props.errors?.email} />
          <Field
            name="displayName"
            label={m.displayName}
            hint={m.displayNameHint}
            autocomplete="off"
            maxLength={120}
            value={v.displayName}
            error={props.errors?.displayName}
          />
          <SelectField name="role" label={m.role} value={v.role ?? 'contributor'} error={props.errors?.role} options={roleOptions} />
          <button type="submit" class="button">
            {m.submit}
          </button>
        </PostForm>
      </section>
    </Layout>
  );
}

/** The invitations of the territory still waiting: each can be withdrawn. */
function InvitationsTable(props: { territory: Territory; invitations: TerritoryInvitation[] }) {
  const { territory } = props;
  return (
    <section class="section" aria-labelledby="titre-invitations">
      <h2 id="titre-invitations">{m.invitationsTitle}</h2>
      <DataTable id="legende-invitations" caption={m.invitationsCaption(territory.name)}>
        <thead>
          <tr>
            <th scope="col">{m.invitedColumn}</th>
            <th scope="col">{m.roleColumn}</th>
            <th scope="col">{m.invitedOn}</th>
            <th scope="col">{m.actionColumn}</th>
          </tr>
        </thead>
        <tbody>
          {props.invitations.map((invitation) => {
            const name = invitation.displayName || invitation.email;
            return (
              <tr key={invitation.id}>
                <th scope="row">
                  {name}
                  {invitation.displayName ? (
                    <>
                      <br />
                      <span class="muted">{invitation.email}</span>
                    </>
                  ) : null}
                </th>
                <td>{roleLabels[invitation.role]}</td>
                <td>{formatDate(invitation.createdAt)}</td>
                <td>
                  <PostForm action={`${membersPath(territory.code)}/invitations/${invitation.id}/annuler`} class="inline-form">
                    <button type="submit" class="button button--small button--secondary">
                      {m.cancelInvitation}
                      <span class="visually-hidden">{m.cancelTarget(name)}</span>
                    </button>
                  </PostForm>
                </td>
              </tr>
            );
          })}
        </tbody>
      </DataTable>
    </section>
  );
}

/** The role select of one row: its own ids (several on the page), a label naming the person. */
function RoleForm(props: { territory: Territory; member: Member; name: string; error?: string; value?: string }) {
  const { member } = props;
  const id = `champ-role-${member.userId}`;
  const selected = props.value ?? member.role;
  return (
    <PostForm action={memberPath(props.territory.code, member.userId, 'role')} class="row-form">
      <div class={props.error ? 'field field--error' : 'field'}>
        <label for={id} class="visually-hidden">
          {m.roleOf(props.name)}
        </label>
        {props.error ? (
          <p class="field__error" id={`${id}-erreur`}>
            {props.error}
          </p>
        ) : null}
        <select id={id} name="role" aria-invalid={props.error ? 'true' : undefined} aria-describedby={props.error ? `${id}-erreur` : undefined}>
          {TERRITORY_ROLES.map((r: TerritoryRole) => (
            <option key={r} value={r} selected={selected === r}>
              {roleLabels[r]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="button button--small button--secondary">
        {m.change}
        <span class="visually-hidden"> {m.changeTarget(props.name)}</span>
      </button>
    </PostForm>
  );
}

/** Asks before removing someone: removal is a POST from this page (works without JavaScript). */
export function RemoveMemberPage(props: { territory: Territory; member: Member; viewerId: string; errors?: Errors }) {
  const { territory, member } = props;
  const c = m.confirmRemove;
  const name = nameOfMember(member);
  const action = memberPath(territory.code, member.userId, 'retirer');
  return (
    <Layout title={c.title(name)} breadcrumb={breadcrumb(territory, { href: action, label: c.title(name) })}>
      <div class="narrow">
        <h1>{c.title(name)}</h1>
        <ErrorSummary errors={props.errors ?? {}} labels={m.fieldLabels} unlinked={['userId']} />
        <p class="lead">{c.question(name, territory.name)}</p>
        <p>{c.consequence}</p>
        {member.userId === props.viewerId ? <Notice kind="warning">{c.self}</Notice> : null}
        <PostForm action={action}>
          <button type="submit" class="button button--danger">
            {c.submit(name)}
          </button>
        </PostForm>
        <p class="form-links">
          <a href={membersPath(territory.code)}>{c.cancel}</a>
        </p>
      </div>
    </Layout>
  );
}
