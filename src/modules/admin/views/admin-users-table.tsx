import { DataTable, PostForm, formatDateTime } from '../../../platform/views/components.tsx';
import { usePage } from '../../../platform/views/page-context.ts';
import { accountMessages } from '../../accounts/messages.ts';
import { PLATFORM_ROLES, type PlatformRole, type TerritoryRole } from '../../accounts/roles.rules.ts';
import { adminMessages } from '../messages.ts';

const roles = accountMessages.roles;
const m = adminMessages.users;

export type UserRow = {
  id: string;
  email: string;
  displayName: string | null;
  role: PlatformRole;
  hasPassword: boolean;
  lastLoginAt: Date | null;
  disabledAt: Date | null;
  deletedAt: Date | null;
  memberships: { territoryCode: string; role: string; territoryName?: string }[];
};

/** The refused action of one row: its message is shown in that row, next to its control. */
export type RowError = { userId: string; field: 'role' | 'userId'; message: string };

export const userPath = (id: string, action: 'role' | 'desactiver' | 'reactiver' | 'invitation') => `/admin/utilisateurs/${encodeURIComponent(id)}/${action}`;
export const nameOfUser = (u: Pick<UserRow, 'displayName' | 'email'>) => u.displayName || u.email;

function stateOf(u: UserRow): string {
  if (u.deletedAt) return m.deleted;
  if (u.disabledAt) return m.disabled;
  if (!u.hasPassword) return m.invitationPending;
  return u.lastLoginAt ? m.lastLogin(formatDateTime(u.lastLoginAt)) : m.active;
}

/** Every account, with what the administrator can do on each: its role, its access, its invitation, its territories' members. */
export function UsersTable(props: { users: UserRow[]; rowError?: RowError }) {
  const viewerId = usePage().user?.id;
  return (
    <DataTable id="legende-comptes" caption={m.accountsCaption}>
      <thead>
        <tr>
          <th scope="col">{m.addressColumn}</th>
          <th scope="col">{m.roleColumn}</th>
          <th scope="col">{m.territoriesColumn}</th>
          <th scope="col">{m.stateColumn}</th>
          <th scope="col">{m.actionsColumn}</th>
        </tr>
      </thead>
      <tbody>
        {props.users.map((u) => (
          <tr key={u.id} id={`compte-${u.id}`}>
            <th scope="row">
              {u.email}
              {u.displayName ? <span class="muted"> — {u.displayName}</span> : null}
            </th>
            <td>{roles.platform[u.role]}</td>
            <td>
              {u.memberships.length
                ? u.memberships.map((ms, i) => (
                    <span key={ms.territoryCode}>
                      {i ? ', ' : ''}
                      <a href={`/espace/${encodeURIComponent(ms.territoryCode)}/membres`}>{ms.territoryName ?? ms.territoryCode}</a>
                      {` (${roles.territory[ms.role as TerritoryRole] ?? ms.role})`}
                    </span>
                  ))
                : '—'}
            </td>
            <td>{stateOf(u)}</td>
            <td>
              {u.deletedAt ? '—' : u.id === viewerId ? m.you : <RowActions user={u} error={props.rowError?.userId === u.id ? props.rowError : undefined} />}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

function RowActions(props: { user: UserRow; error?: RowError }) {
  const { user: u, error } = props;
  const name = nameOfUser(u);
  const target = <span class="visually-hidden"> {m.actionsTarget(name)}</span>;
  const roleId = `champ-role-${u.id}`;
  return (
    <details open={!!error}>
      <summary>
        {m.manage}
        {target}
      </summary>
      <div class="filters">
        {error ? (
          <p class="field__error" id={`erreur-${u.id}`} role="alert">
            {error.message}
          </p>
        ) : null}
        <PostForm action={userPath(u.id, 'role')} class="inline-fields">
          <div class={error?.field === 'role' ? 'field field--error' : 'field'}>
            <label for={roleId}>{m.roleOf(name)}</label>
            <select id={roleId} name="role" aria-describedby={error?.field === 'role' ? `erreur-${u.id}` : undefined}>
              {PLATFORM_ROLES.map((r) => (
                <option value={r} selected={u.role === r} key={r}>
                  {roles.platform[r]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="button button--small">
            {m.changeRole}
            {target}
          </button>
        </PostForm>
        {!u.hasPassword && !u.disabledAt ? (
          <PostForm action={userPath(u.id, 'invitation')} class="inline-form">
            <button type="submit" class="button button--small button--secondary">
              {m.resend}
              {target}
            </button>
          </PostForm>
        ) : null}
        {u.disabledAt ? (
          <PostForm action={userPath(u.id, 'reactiver')} class="inline-form">
            <button type="submit" class="button button--small button--secondary">
              {m.enable}
              {target}
            </button>
          </PostForm>
        ) : (
          <PostForm action={userPath(u.id, 'desactiver')} class="inline-form">
            <button type="submit" class="button button--small button--danger">
              {m.disable}
              {target}
            </button>
            <p class="field__hint">{m.disableHint}</p>
          </PostForm>
        )}
      </div>
    </details>
  );
}
