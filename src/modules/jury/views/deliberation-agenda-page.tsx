import { Fragment } from 'preact';
import { DataTable, Notice } from '../../../platform/views/components.tsx';
import { formatNumber } from '../../../platform/views/format.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { editionAdminMessages } from '../../label/messages.ts';
import { platformMessages } from '../../../platform/views/messages.ts';
import { LevelSigns } from '../../label/views/level.tsx';
import { territoryMessages } from '../../territories/messages.ts';
import { deliberationMessages } from '../deliberation.messages.ts';
import type { DeliberationAgenda } from '../deliberation.service.ts';
import { juryParametersPath } from './jury-parameters-page.tsx';

const m = deliberationMessages.agenda;

export const deliberationPath = (year: number) => `/admin/editions/${year}/deliberation`;
export const deliberationDossierPath = (year: number, applicationId: string) => `${deliberationPath(year)}/${applicationId}`;

/** « 0 / 35 / 50 / 65 / 75 », the thresholds as the pages write them. */
export const thresholdsText = (thresholds: readonly number[]) => thresholds.map(formatNumber).join(' / ');

/** Levels as @ side by side, each read as « n arobases ». */
export function Levels(props: { levels: readonly number[] }) {
  return (
    <>
      {props.levels.map((level, i) => (
        <Fragment key={i}>
          {i > 0 ? ' · ' : ''}
          <LevelSigns level={level} />
        </Fragment>
      ))}
    </>
  );
}

/** /admin/editions/:year/deliberation: the agenda, diverging dossiers first. */
export function DeliberationAgendaPage(props: { agenda: DeliberationAgenda }) {
  const { agenda } = props;
  const { year } = agenda.edition;
  return (
    <Layout
      title={m.title(year)}
      breadcrumb={[
        { href: '/admin', label: platformMessages.layout.admin },
        { href: '/admin/editions', label: editionAdminMessages.title },
        { href: `/admin/editions/${year}`, label: String(year) },
        { href: deliberationPath(year), label: m.breadcrumb },
      ]}
    >
      <h1>{m.title(year)}</h1>
      <p class="lead">{m.lead}</p>
      {agenda.window === 'open' ? null : <Notice kind="info">{m.closedNotice[agenda.window]}</Notice>}
      <p>
        <strong>{m.counts(agenda.decided, agenda.toDecide)}</strong>
      </p>
      <p>
        {m.parameters(thresholdsText(agenda.parameters.levelThresholds), formatNumber(agenda.parameters.reviewWeight))}{' '}
        <a href={juryParametersPath(year)}>{m.parametersLink}</a>
      </p>
      {agenda.items.length === 0 ? (
        <p class="muted">{m.none}</p>
      ) : (
        <DataTable id="ordre-du-jour" caption={m.caption(year)}>
          <thead>
            <tr>
              <th scope="col">{m.columns.territory}</th>
              <th scope="col">{m.columns.category}</th>
              <th scope="col">{m.columns.coverage}</th>
              <th scope="col">{m.columns.reviews}</th>
              <th scope="col">{m.columns.suggested}</th>
              <th scope="col">{m.columns.divergence}</th>
              <th scope="col">{m.columns.decision}</th>
            </tr>
          </thead>
          <tbody>
            {agenda.items.map((item) => (
              <tr key={item.applicationId}>
                <th scope="row">
                  <a href={deliberationDossierPath(year, item.applicationId)} aria-label={m.open(item.territoryName)}>
                    {item.territoryName}
                  </a>
                </th>
                <td>{territoryMessages.categories[item.category] ?? item.category}</td>
                <td>{`${formatNumber(item.coverage)} %`}</td>
                <td>
                  {item.reviewLevels.length ? <Levels levels={item.reviewLevels} /> : <span class="muted">{m.noReview}</span>}
                  <br />
                  <span class="muted">{m.reviewsProgress(item.reviewLevels.length, item.reviews.length)}</span>
                </td>
                <td>
                  <LevelSigns level={item.suggestion.level} />
                </td>
                <td>{item.diverging ? <span class="badge badge--draft">{m.diverging(item.divergence)}</span> : m.notDiverging}</td>
                <td>{item.decision ? <LevelSigns level={item.decision.level} /> : <strong>{m.toDecide}</strong>}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </Layout>
  );
}
