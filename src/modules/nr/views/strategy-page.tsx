import { DataTable, ErrorSummary, Field, Notice, PostForm, TextAreaField } from '../../../platform/views/components.tsx';
import { formatDate, formatNumber } from '../../../platform/views/format.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { withUnit } from '../indicators.messages.ts';
import { NOTE_MAX } from '../nr-themes.rules.ts';
import { publicMessages } from '../public.messages.ts';
import { roadmapMessages } from '../roadmap.messages.ts';
import type { StrategyPage as PageData } from '../strategy.service.ts';
import type { StrategyRequirement } from '../strategy.rules.ts';
import { nrBreadcrumb, nrPath } from './quick-wins-page.tsx';

const m = publicMessages.strategy;
const labels = { year: m.year, adoptedOn: m.adoptedOn, summary: m.summary };

export const strategyPath = (code: string) => `${nrPath(code)}/strategie`;
export const strategyPdfPath = (code: string) => `${nrPath(code)}/strategie.pdf`;

/** Whether the law asks the strategy, and why: the sentence of the page and of the PDF. */
export function requirementText(r: StrategyRequirement): string {
  if (r.required) return m.required(r.kind, r.population);
  if (r.reason === 'kind') return m.notRequiredKind(r.kind);
  if (r.reason === 'unknownPopulation' || r.population === null) return m.notRequiredUnknown;
  return m.notRequiredPopulation(r.kind, r.population);
}

export type StrategyPageProps = {
  data: PageData;
  canRecord: boolean;
  notice?: string;
  values?: { year?: string; adoptedOn?: string; summary?: string };
  errors?: Record<string, string>;
};

/** The strategy: what the law asks, the assembled document, its PDF, the yearly reviews and, for referents, the form to record one. */
export function StrategyPage(props: StrategyPageProps) {
  const { territory, requirement, document, reviews, today } = props.data;
  const errors = props.errors ?? {};
  const values = props.values ?? {};
  return (
    <Layout title={m.title(territory.name)} breadcrumb={nrBreadcrumb(territory, { href: strategyPath(territory.code), label: m.breadcrumb })}>
      <h1>{m.title(territory.name)}</h1>
      <ErrorSummary errors={errors} labels={labels} />
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}

      <section class="section" aria-labelledby="titre-loi">
        <h2 id="titre-loi">{m.requiredTitle}</h2>
        <p>
          <strong>{requirementText(requirement)}</strong>
        </p>
      </section>

      <section class="section" aria-labelledby="titre-document">
        <h2 id="titre-document">{m.documentTitle}</h2>
        <p>{m.documentLead}</p>
        <p>
          <a href={strategyPdfPath(territory.code)} class="button">
            {m.pdf}
          </a>
        </p>
        <h3>{m.objectivesTitle}</h3>
        {document.objectives.length ? (
          <ol>
            {document.objectives.map((o) => (
              <li key={o.themeId}>{m.objective(o.themeName, o.from, o.to)}</li>
            ))}
          </ol>
        ) : (
          <p>{m.noObjective}</p>
        )}
        <h3>{m.measuresTitle}</h3>
        {document.measures.length ? (
          document.measures.map((g) => (
            <div key={g.themeId}>
              <h4>{g.themeName}</h4>
              <ul>
                {g.measures.map((a, n) => (
                  <li key={n}>
                    {a.title} <span class="muted">({m.measure(roadmapMessages.statuses[a.status], a.dueOn)})</span>
                  </li>
                ))}
              </ul>
            </div>
          ))
        ) : (
          <p>{m.noMeasure}</p>
        )}
        <h3>{m.indicatorsTitle}</h3>
        {document.indicators.length ? (
          <DataTable id="tableau-strategie-indicateurs" caption={m.indicatorsCaption}>
            <thead>
              <tr>
                <th scope="col">{publicMessages.section.columns.indicator}</th>
                <th scope="col" class="num">
                  {publicMessages.section.columns.value}
                </th>
                <th scope="col">{publicMessages.section.columns.on}</th>
              </tr>
            </thead>
            <tbody>
              {document.indicators.map((i, n) => (
                <tr key={n}>
                  <th scope="row">{i.name}</th>
                  <td class="num">{i.latest ? (i.unit ? withUnit(i.latest.value, i.unit) : formatNumber(i.latest.value)) : '—'}</td>
                  <td>{i.latest ? formatDate(i.latest.measuredOn) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        ) : (
          <p>{m.noIndicator}</p>
        )}
      </section>

      <section class="section" aria-labelledby="titre-bilans">
        <h2 id="titre-bilans">{m.reviewsTitle}</h2>
        {reviews.length ? (
          <DataTable id="tableau-bilans" caption={m.reviewsCaption}>
            <thead>
              <tr>
                <th scope="col">{m.columns.year}</th>
                <th scope="col">{m.columns.adoptedOn}</th>
                <th scope="col">{m.columns.summary}</th>
              </tr>
            </thead>
            <tbody>
              {reviews.map((r) => (
                <tr key={r.year}>
                  <th scope="row">{r.year}</th>
                  <td>{r.adoptedOn ? formatDate(r.adoptedOn) : m.notAdopted}</td>
                  <td>{r.summary}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        ) : (
          <p>{m.noReview}</p>
        )}
      </section>

      {props.canRecord ? (
        <section class="section" aria-labelledby="titre-bilan">
          <h2 id="titre-bilan">{m.reviewTitle}</h2>
          <p>{m.reviewLead}</p>
          <PostForm action={strategyPath(territory.code)} class="form-section">
            <Field
              name="year"
              label={m.year}
              hint={m.yearHint}
              value={values.year ?? today.slice(0, 4)}
              error={errors.year}
              required
              inputmode="numeric"
              maxLength={4}
            />
            <Field name="adoptedOn" type="date" label={m.adoptedOn} hint={m.adoptedOnHint} value={values.adoptedOn} error={errors.adoptedOn} />
            <TextAreaField name="summary" label={m.summary} hint={m.summaryHint} value={values.summary} error={errors.summary} required maxLength={NOTE_MAX} />
            <div class="form-actions">
              <button type="submit" class="button">
                {m.record}
              </button>
            </div>
          </PostForm>
        </section>
      ) : (
        <p class="muted">{m.onlyReferents}</p>
      )}
    </Layout>
  );
}
