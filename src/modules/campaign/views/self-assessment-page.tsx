import { DataTable, ErrorSummary, Notice } from '../../../platform/views/components.tsx';
import { LineChart } from '../../../platform/views/charts.tsx';
import { formatNumber } from '../../../platform/views/format.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { RadarChart } from '../../../platform/views/radar-chart.tsx';
import { initiativeMessages } from '../../initiatives/messages.ts';
import { juryViewMessages } from '../../nr/jury-view.messages.ts';
import { nrPath } from '../../nr/jury-view.service.ts';
import { explainParameters } from '../self-assessment.rules.ts';
import { selfAssessmentMessages } from '../self-assessment.messages.ts';
import type { SelfAssessmentPage as PageData } from '../self-assessment.service.ts';
import { SelfAssessmentPeersSection, SelfAssessmentServiceList } from './self-assessment-sections.tsx';
import { StatusWeightsTable } from './status-weights-table.tsx';

const m = selfAssessmentMessages.page;
const statuses = initiativeMessages.statuses;
const nm = juryViewMessages.selfAssessment;

export const selfAssessmentPath = (code: string) => `/espace/${code}/auto-evaluation`;

export type SelfAssessmentPageProps = {
  data: PageData;
  canDeclare: boolean;
  canWrite: boolean;
  notice?: string;
  /** A declaration refused for a service the referential does not have (others are refused on the service's page). */
  refused?: { message: string };
};

export function SelfAssessmentPage(props: SelfAssessmentPageProps) {
  const { data } = props;
  const { territory, result } = data;
  const base = `/espace/${territory.code}`;
  const empty = Object.keys(data.initiatives).length === 0;
  const themes = result.axes.flatMap((axis) => axis.themes.map((theme) => ({ ...theme, axisName: axis.name })));
  const scored = themes.filter((t) => t.score !== null);
  const best = [...scored].sort((a, b) => (b.score ?? 0) - (a.score ?? 0))[0];
  const worst = [...scored].sort((a, b) => (a.score ?? 0) - (b.score ?? 0))[0];
  const explanation = explainParameters(result.parameters);
  return (
    <Layout
      title={m.title(territory.name)}
      breadcrumb={[
        { href: '/espace', label: initiativeMessages.workspace.title },
        { href: base, label: territory.name },
        { href: selfAssessmentPath(territory.code), label: m.breadcrumb },
      ]}
    >
      <h1>{m.title(territory.name)}</h1>
      <ErrorSummary errors={props.refused ? { _: props.refused.message } : {}} />
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <p>{m.lead}</p>

      <section class="section" aria-labelledby="titre-resume">
        <h2 id="titre-resume">{m.summaryTitle}</h2>
        <dl class="facts">
          <div>
            <dt>{m.overall}</dt>
            <dd>{selfAssessmentMessages.score(result.overall)}</dd>
          </div>
          <div>
            <dt>{m.coverage}</dt>
            <dd>{selfAssessmentMessages.percent(result.coverage)}</dd>
          </div>
        </dl>
        <p>{m.summary(result.overall, result.coverage, result.coveredServices, result.concernedServices)}</p>
        {empty ? (
          <Notice kind="info">
            <p>
              <strong>{m.empty}</strong>
            </p>
            {props.canWrite ? (
              <p>
                {m.emptyFirstStep} <a href={`${base}/initiatives/nouvelle`}>{m.emptyLink}</a>.
              </p>
            ) : (
              <p>{m.emptyReader}</p>
            )}
          </Notice>
        ) : null}
      </section>

      <section class="section" aria-labelledby="titre-numerique-responsable">
        <h2 id="titre-numerique-responsable">{nm.title}</h2>
        {data.responsibleDigital ? (
          <p>
            <strong>{nm.letter(data.responsibleDigital.letter, data.responsibleDigital.overall)}</strong>. {nm.completed(data.responsibleDigital.completedAt)}
          </p>
        ) : (
          <p>{nm.none}</p>
        )}
        <p>
          <a href={nrPath(territory.code)}>{nm.link}</a>
        </p>
      </section>

      <SelfAssessmentPeersSection peers={data.peers} />

      <section class="section" aria-labelledby="titre-radar">
        <h2 id="titre-radar">{m.radarTitle}</h2>
        <RadarChart
          id="radar-enjeux"
          title={m.radar.title(territory.name)}
          description={m.radar.description(territory.name, best?.name ?? '—', worst?.name ?? '—')}
          categories={themes.map((t) => t.name)}
          series={[{ key: 'score', label: m.radar.series, values: themes.map((t) => t.score) }]}
          categoryLabel={m.radar.categoryLabel}
          valueLabel={m.radar.valueLabel}
          table={{
            caption: m.radar.caption(territory.name),
            empty: m.radar.notConcerned,
            extraColumns: [
              { label: m.radar.coverage, cells: themes.map((t) => selfAssessmentMessages.percent(t.coverage)), numeric: true },
              { label: m.radar.axis, cells: themes.map((t) => t.axisName) },
            ],
          }}
        />
      </section>

      <LeadsSection leads={data.leads} />

      <section class="section" aria-labelledby="titre-services">
        <h2 id="titre-services">{m.detailTitle}</h2>
        <p>{m.detailLead}</p>
        {result.axes.map((axis) => (
          <div key={axis.id}>
            <h3>{`${axis.name} — ${m.themeScore(axis.score, axis.coverage)}`}</h3>
            {axis.themes.map((theme) => (
              <div key={theme.id}>
                <h4 id={`enjeu-${theme.id}`}>{`${theme.name} — ${m.themeScore(theme.score, theme.coverage)}`}</h4>
                <SelfAssessmentServiceList
                  territoryCode={territory.code}
                  services={theme.services}
                  initiatives={data.initiatives}
                  serviceShare={data.peers.serviceShare}
                  ignored={result.ignoredDeclarations}
                  canDeclare={props.canDeclare}
                />
              </div>
            ))}
          </div>
        ))}
      </section>

      <EvolutionSection name={territory.name} evolution={data.evolution} />

      <section class="section" aria-labelledby="titre-calcul">
        <h2 id="titre-calcul">{m.explanationTitle}</h2>
        <ol>
          {explanation.steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
        <StatusWeightsTable id="legende-ponderations" caption={m.weightsCaption} parameters={result.parameters} labels={statuses} />
        <p class="muted">{selfAssessmentMessages.page.peersRule}</p>
      </section>
    </Layout>
  );
}

function LeadsSection(props: { leads: PageData['leads'] }) {
  return (
    <section class="section" aria-labelledby="titre-pistes">
      <h2 id="titre-pistes">{m.leadsTitle}</h2>
      {props.leads.length === 0 ? (
        <p>{m.leadsNone}</p>
      ) : (
        <>
          <p>{m.leadsLead}</p>
          {props.leads.map((lead) => (
            <div key={lead.themeId}>
              <h3>{m.leadTheme(lead.themeName, lead.score)}</h3>
              <p>
                {m.leadServices} {lead.services.map((s) => s.name).join(', ')}.
              </p>
              {lead.examples.length ? (
                <>
                  <p>{m.leadExamples}</p>
                  <ul class="link-list">
                    {lead.examples.map((example) => (
                      <li key={example.id}>
                        <a href={`/initiatives/${example.id}`}>{example.title}</a> <span class="muted">({example.territoryName})</span>
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <p class="muted">{m.leadNoExample}</p>
              )}
            </div>
          ))}
        </>
      )}
    </section>
  );
}

function EvolutionSection(props: { name: string; evolution: PageData['evolution'] }) {
  const e = m.evolution;
  const points = props.evolution;
  return (
    <section class="section" aria-labelledby="titre-evolution">
      <h2 id="titre-evolution">{m.evolutionTitle}</h2>
      {points.length === 0 ? (
        <p>{m.evolutionNone}</p>
      ) : points.length === 1 ? (
        <DataTable id="legende-evolution" caption={e.caption(props.name)}>
          <thead>
            <tr>
              <th scope="col">{e.year}</th>
              <th scope="col" class="num">
                {e.overall}
              </th>
              <th scope="col" class="num">
                {e.coverage}
              </th>
              <th scope="col">{e.submittedAt}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.year}>
                <th scope="row">{String(p.year)}</th>
                <td class="num">{formatNumber(p.overall)}</td>
                <td class="num">{selfAssessmentMessages.percent(p.coverage)}</td>
                <td>{e.submitted(p.submittedAt)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : (
        <LineChart
          id="graphique-evolution"
          title={e.chartTitle(props.name)}
          description={e.chartDescription(points[0]?.year ?? 0, points.at(-1)?.year ?? 0)}
          categories={points.map((p) => String(p.year))}
          series={[{ key: 'score', label: e.overall, values: points.map((p) => p.overall) }]}
          categoryLabel={e.year}
          valueLabel={m.radar.valueLabel}
          domain={{ min: 0, max: 100, ticks: [0, 25, 50, 75, 100] }}
          pointLabels
          table={{
            caption: e.caption(props.name),
            extraColumns: [
              { label: e.coverage, cells: points.map((p) => selfAssessmentMessages.percent(p.coverage)), numeric: true },
              { label: e.submittedAt, cells: points.map((p) => e.submitted(p.submittedAt)) },
            ],
          }}
        />
      )}
    </section>
  );
}
