import { formatDateTime } from '../../../platform/views/format.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { editionAdminMessages } from '../../label/messages.ts';
import type { OwnJury } from '../jurors.service.ts';
import { juryMessages } from '../jury.messages.ts';
import { ownConflictsPath } from './conflicts-page.tsx';

const m = juryMessages.home;

/** /jury: the juror's editions, their declaration of conflicts and their dossiers. */
export function JuryHomePage(props: { juries: OwnJury[] }) {
  return (
    <Layout title={m.title} breadcrumb={[{ href: '/jury', label: m.title }]}>
      <h1>{m.title}</h1>
      <p class="lead">{m.lead}</p>
      {props.juries.length === 0 ? <p class="muted">{m.none}</p> : null}
      {props.juries.map((j) => (
        <section key={j.year} aria-labelledby={`edition-${j.year}`}>
          <h2 id={`edition-${j.year}`}>{m.edition(j.year)}</h2>
          <p>{m.state(editionAdminMessages.states[j.state as keyof typeof editionAdminMessages.states] ?? j.state)}</p>
          <p>{m.declaration(j.conflictsConfirmedAt ? formatDateTime(j.conflictsConfirmedAt) : null)}</p>
          <p>
            <a href={ownConflictsPath(j.year)}>{m.conflictsLink(j.year)}</a>
          </p>
          <p>{m.dossiers(j.dossiers)}</p>
          {j.dossiers ? <p class="muted">{m.reviewsSoon}</p> : null}
        </section>
      ))}
    </Layout>
  );
}
