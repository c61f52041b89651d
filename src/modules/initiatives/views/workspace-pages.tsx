import { DataTable, formatDateTime, Notice, PostForm } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { platformMessages } from '../../../platform/views/messages.ts';
import { initiativeMessages } from '../messages.ts';
import type { Workspace } from '../workspace.service.ts';

const m = initiativeMessages;
const w = m.workspace;

export function WorkspaceChoicePage(props: { workspaces: { code: string; name: string; role: string }[]; welcome?: boolean }) {
  return (
    <Layout title={w.title} breadcrumb={[{ href: '/espace', label: w.title }]}>
      <h1>{w.title}</h1>
      {props.welcome && props.workspaces.length ? <Notice kind="success">{w.welcomeSeveral}</Notice> : null}
      {props.workspaces.length === 0 ? (
        <p>{w.noTerritory}</p>
      ) : (
        <>
          <p>{w.chooseTerritory}</p>
          <ul class="link-list">
            {props.workspaces.map((ws) => (
              <li key={ws.code}>
                <a href={`/espace/${ws.code}`}>{ws.name}</a> <span class="muted">({w.roles[ws.role] ?? ws.role})</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
}

export function WorkspaceDashboardPage(props: { workspace: Workspace; canWrite: boolean; canManageMembers: boolean; notice?: string; welcome?: boolean }) {
  const { workspace } = props;
  const base = `/espace/${workspace.territory.code}`;
  const allThemes = workspace.axes.reduce((n, axis) => n + axis.themes.length, 0);
  return (
    <Layout
      title={w.dashboard(workspace.territory.name)}
      breadcrumb={[
        { href: '/espace', label: w.title },
        { href: base, label: workspace.territory.name },
      ]}
    >
      <h1>{w.dashboard(workspace.territory.name)}</h1>
      {workspace.role ? <p class="muted">{w.yourRole(w.roles[workspace.role] ?? workspace.role)}</p> : null}
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      {props.welcome && workspace.role ? (
        <Notice kind="success">
          <p>
            <strong>{w.welcome(workspace.territory.name)}</strong>
          </p>
          <p>{w.welcomeRole(workspace.role)}</p>
          <p>{props.canWrite ? w.welcomeFirstStep : w.welcomeReader}</p>
        </Notice>
      ) : null}
      <p class="actions">
        {props.canWrite ? (
          <a class="button" href={`${base}/initiatives/nouvelle`}>
            {w.newInitiative}
          </a>
        ) : null}
        {props.canManageMembers ? (
          <a class="button button--secondary" href={`${base}/membres`}>
            {w.members}
          </a>
        ) : null}
        <a class="button button--secondary" href={`${base}/auto-evaluation`}>
          {w.selfAssessment}
        </a>
        <a class="button button--secondary" href={`${base}/numerique-responsable`}>
          {w.responsibleDigital}
        </a>
        <a href={`/territoires/${workspace.territory.code}`}>{m.form.viewPublic}</a>
      </p>

      <section class="section" aria-labelledby="titre-fiches">
        <h2 id="titre-fiches">{w.initiatives}</h2>
        {workspace.initiatives.length === 0 ? (
          <p>{w.noInitiative}</p>
        ) : (
          <DataTable id="fiches" caption={w.initiativesTable}>
            <thead>
              <tr>
                <th scope="col">{w.columns.title}</th>
                <th scope="col">{w.columns.status}</th>
                <th scope="col">{w.columns.visibility}</th>
                <th scope="col">{w.columns.updated}</th>
              </tr>
            </thead>
            <tbody>
              {workspace.initiatives.map((i) => (
                <tr key={i.id}>
                  <td>
                    <a href={props.canWrite ? `${base}/initiatives/${i.id}` : `/initiatives/${i.id}`}>{i.title}</a>
                    {i.moderationReason && i.visibility === 'draft' ? <p class="field__error">{`${w.moderated} : ${i.moderationReason}`}</p> : null}
                  </td>
                  <td>{m.statuses[i.status]}</td>
                  <td>
                    <span class={`badge badge--${i.visibility}`}>{m.visibilities[i.visibility]}</span>
                  </td>
                  <td>{formatDateTime(i.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>

      <section class="section" aria-labelledby="titre-enjeux">
        <h2 id="titre-enjeux">{w.byTheme}</h2>
        <div class="axis-grid">
          {workspace.axes.map((axis) => (
            <div class="axis-card" key={axis.id}>
              <h3>{axis.name}</h3>
              <ul>
                {axis.themes.map((theme) =>
                  theme.count === 0 ? (
                    // Named once, here, where it is missing; the link shows its services in the referential.
                    <li key={theme.id} class="theme--missing">
                      <a href={`/referentiel#enjeu-${theme.id}`}>{theme.name}</a>
                      {'\u00a0: '}
                      <strong>{w.themeCount(0)}</strong>
                    </li>
                  ) : (
                    <li key={theme.id}>
                      {`${theme.name}\u00a0: `}
                      <strong>{w.themeCount(theme.count)}</strong>
                    </li>
                  ),
                )}
              </ul>
            </div>
          ))}
        </div>
        <h3>{w.missing}</h3>
        <p>{workspace.missing.length === 0 ? w.allCovered : `${w.missingCount(workspace.missing.length, allThemes)} ${w.missingIntro}`}</p>
      </section>
    </Layout>
  );
}

export function DeleteInitiativePage(props: { territory: { code: string; name: string }; sheet: { id: string; title: string } }) {
  const base = `/espace/${props.territory.code}`;
  const edit = `${base}/initiatives/${props.sheet.id}`;
  return (
    <Layout
      title={m.form.confirmDelete(props.sheet.title)}
      breadcrumb={[
        { href: '/espace', label: w.title },
        { href: base, label: props.territory.name },
        { href: edit, label: props.sheet.title },
      ]}
    >
      <h1>{m.form.confirmDelete(props.sheet.title)}</h1>
      <p>{m.form.confirmDeleteIntro}</p>
      <PostForm action={`${edit}/supprimer`} class="actions">
        <button type="submit" class="button button--danger">
          {m.form.delete}
        </button>{' '}
        <a href={edit}>{m.form.cancel}</a>
      </PostForm>
    </Layout>
  );
}

export function DeletedInitiativesPage(props: {
  items: { id: string; title: string; territoryCode: string; territoryName: string; deletedAt: Date }[];
  notice?: string;
}) {
  const a = m.admin;
  return (
    <Layout
      title={a.title}
      breadcrumb={[
        { href: '/admin', label: platformMessages.layout.admin },
        { href: '/admin/initiatives', label: a.title },
      ]}
    >
      <h1>{a.title}</h1>
      <p>{a.intro}</p>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      {props.items.length === 0 ? (
        <p>{a.none}</p>
      ) : (
        <DataTable id="fiches-supprimees" caption={a.title}>
          <thead>
            <tr>
              <th scope="col">{a.columns.title}</th>
              <th scope="col">{a.columns.territory}</th>
              <th scope="col">{a.columns.deletedAt}</th>
              <th scope="col">{a.columns.action}</th>
            </tr>
          </thead>
          <tbody>
            {props.items.map((i) => (
              <tr key={i.id}>
                <td>
                  <a href={`/initiatives/${i.id}`}>{i.title}</a>
                </td>
                <td>{i.territoryName}</td>
                <td>{formatDateTime(i.deletedAt)}</td>
                <td>
                  <PostForm action={`/initiatives/${i.id}/restauration`} class="inline-form">
                    <button type="submit" class="button button--small" aria-label={`${m.page.restore} « ${i.title} »`}>
                      {m.page.restore}
                    </button>
                  </PostForm>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </Layout>
  );
}
