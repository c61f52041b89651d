import { formatDateTime } from '../../../platform/views/format.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { editionAdminMessages } from '../../label/messages.ts';
import type { OwnJury } from '../jurors.service.ts';
import type { OwnAssignment } from '../review.service.ts';
import { reviewPath } from './review-page.tsx';
import { juryMessages } from '../jury.messages.ts';
import { ownConflictsPath } from './conflicts-page.tsx';

const m = juryMessages.home;

/** /jury: the juror's editions, their declaration of conflicts and their dossiers. */
export function JuryHomePage(props: { juries: OwnJury[]; dossiers: OwnAssignment[]; next: OwnAssignment | null }) {
  return (
    <Layout title={m.title} breadcrumb={[{ href: '/jury', label: m.title }]}>
      <h1>{m.title}</h1>
      <p class="lead">{m.lead}</p>
      {props.juries.length === 0 ? <p class="muted">{m.none}</p> : null}
      {props.next ? (
        <p>
          <a class="button" href={reviewPath(props.next.applicationId)}>
            {m.nextDossier(props.next.territoryName)}
          </a>
        </p>
      ) : null}
      {props.juries.map((j) => (
        <section key={j.year} aria-labelledby={`edition-${j.year}`}>
          <h2 id={`edition-${j.year}`}>{m.edition(j.year)}</h2>
          <p>{m.state(editionAdminMessages.states[j.state as keyof typeof editionAdminMessages.states] ?? j.state)}</p>
          <p>{m.declaration(j.conflictsConfirmedAt ? formatDateTime(j.conflictsConfirmedAt) : null)}</p>
          <p>
            <a href={ownConflictsPath(j.year)}>{m.conflictsLink(j.year)}</a>
          </p>
          <p>{m.dossiers(j.dossiers)}</p>
          {props.dossiers.some((d) => d.year === j.year) ? (
            <ul>
              {props.dossiers
                .filter((d) => d.year === j.year)
                .map((d) => (
                  <li key={d.applicationId}>
                    <a href={reviewPath(d.applicationId)}>{d.territoryName}</a> — {m.reviewState[d.state]}{' '}
                    <progress max={100} value={Math.round(d.progress * 100)} aria-label={m.progressOf(d.territoryName)}>
                      {Math.round(d.progress * 100)} %
                    </progress>
                  </li>
                ))}
            </ul>
          ) : j.dossiers ? (
            <p class="muted">{m.reviewsSoon}</p>
          ) : null}
        </section>
      ))}
    </Layout>
  );
}
