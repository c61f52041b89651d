import { LineChart, type ChartSeries } from '../../../platform/views/charts.tsx';
import { Notice, PostForm } from '../../../platform/views/components.tsx';
import { formatDate } from '../../../platform/views/format.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { RadarChart } from '../../../platform/views/radar-chart.tsx';
import { territoryMessages } from '../../territories/messages.ts';
import { diagnosticMessages as dm } from '../diagnostic.messages.ts';
import type { DiagnosticView } from '../diagnostic.service.ts';

const m = dm.home;

export const nrHomePath = (code: string) => `/espace/${code}/numerique-responsable`;

/** What the peers are called: « communes de 3 000 à 20 000 habitants ». */
export function peersLabelOf(view: Pick<DiagnosticView, 'comparison'>): string {
  const { category, stratum } = view.comparison;
  const noun = category === 'territoire' ? m.peerNouns.territoire : m.peerNouns.commune;
  return stratum ? `${noun} ${territoryMessages.strata[stratum]}` : noun;
}

export function NrHomePage(props: { view: DiagnosticView; canEdit: boolean; notice?: string }) {
  const { view } = props;
  const { territory, latest, open } = view;
  const base = nrHomePath(territory.code);
  const workspace = `/espace/${territory.code}`;
  const title = m.title(territory.name);
  return (
    <Layout
      title={title}
      breadcrumb={[
        { href: '/espace', label: m.workspace },
        { href: workspace, label: territory.name },
        { href: base, label: m.breadcrumb },
      ]}
    >
      <h1>{title}</h1>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <p class="lead">{m.lead}</p>

      <section class="section" aria-labelledby="titre-maturite">
        <h2 id="titre-maturite">{m.maturityTitle}</h2>
        {latest ? (
          <>
            <dl class="facts">
              <div>
                <dt>{m.letter}</dt>
                <dd>
                  <strong class="nr-letter">{latest.scores.letter ?? '—'}</strong>
                </dd>
              </div>
              <div>
                <dt>{m.overall}</dt>
                <dd>{dm.index(latest.scores.overall)}</dd>
              </div>
              <div>
                <dt>{m.completedOn}</dt>
                <dd>{latest.diagnostic.completedAt ? formatDate(latest.diagnostic.completedAt) : '—'}</dd>
              </div>
            </dl>
            <p class="muted">{m.letterScale}</p>
          </>
        ) : (
          <p>{m.none}</p>
        )}
        {open ? (
          <p>
            {m.inProgress(open.scores.completeness.answered, open.scores.completeness.total)} <a href={`${base}/diagnostic`}>{m.continueLink}</a>
          </p>
        ) : props.canEdit ? (
          <PostForm action={`${base}/diagnostic/commencer`}>
            <p class="field__hint">{m.startHint}</p>
            <button type="submit" class="button">
              {latest ? m.retake : m.start}
            </button>
          </PostForm>
        ) : null}
      </section>

      {latest ? <RadarSection view={view} /> : null}
      <PeersSection view={view} />
      <EvolutionSection view={view} />

      <section class="section" aria-labelledby="titre-suite">
        <h2 id="titre-suite">{m.nextTitle}</h2>
        <ul class="link-list">
          <li>
            <a href={`${base}/diagnostic`}>{m.links.diagnostic}</a>
          </li>
          <li>
            <a href={`${base}/gestes-rapides`}>{m.links.quickWins}</a>
          </li>
          <li>
            <a href={`${base}/indicateurs`}>{m.links.indicators}</a>
          </li>
          <li>
            <a href={`${base}/feuille-de-route`}>{m.links.roadmap}</a>
          </li>
          <li>
            <a href={`${base}/charte`}>{m.links.charter}</a>
          </li>
          <li>
            <a href={`${base}/strategie`}>{m.links.strategy}</a>
          </li>
          <li>
            <a href={`${base}/publication`}>{m.links.publicity}</a>
          </li>
        </ul>
      </section>
    </Layout>
  );
}

function RadarSection(props: { view: DiagnosticView }) {
  const { territory, latest, comparison } = props.view;
  if (!latest) return null;
  const themes = latest.scores.themes;
  const scored = themes.filter((t) => t.index !== null);
  const best = [...scored].sort((a, b) => (b.index ?? 0) - (a.index ?? 0))[0];
  const worst = [...scored].sort((a, b) => (a.index ?? 0) - (b.index ?? 0))[0];
  const average = comparison.average;
  const series: ChartSeries[] = [{ key: 'territoire', label: m.radar.series, values: themes.map((t) => t.index) }];
  if (average) series.push({ key: 'strate', label: m.radar.peers, values: themes.map((t) => average.themes[t.themeId]) });
  return (
    <section class="section" aria-labelledby="titre-radar">
      <h2 id="titre-radar">{m.radarTitle}</h2>
      <RadarChart
        id="radar-nr"
        title={m.radar.title(territory.name)}
        description={m.radar.description(territory.name, best?.name ?? '—', worst?.name ?? '—')}
        categories={themes.map((t) => t.name)}
        series={series}
        categoryLabel={m.radar.categoryLabel}
        valueLabel={m.radar.valueLabel}
        table={{ caption: m.radar.caption(territory.name), empty: m.radar.empty }}
      />
    </section>
  );
}

function PeersSection(props: { view: DiagnosticView }) {
  const { comparison } = props.view;
  const average = comparison.average;
  return (
    <section class="section" aria-labelledby="titre-strate">
      <h2 id="titre-strate">{m.peersTitle}</h2>
      {!comparison.stratum ? (
        <p>{m.peersNoStratum}</p>
      ) : average ? (
        <p>{m.peersOverall(peersLabelOf(props.view), average.peers, average.overall)}</p>
      ) : (
        <p>{m.peersHidden(comparison.minPeers)}</p>
      )}
      <p class="muted">{m.peersRule}</p>
    </section>
  );
}

function EvolutionSection(props: { view: DiagnosticView }) {
  const { territory, evolution } = props.view;
  const e = m.evolution;
  const [first, last] = [evolution[0], evolution.at(-1)];
  return (
    <section class="section" aria-labelledby="titre-evolution">
      <h2 id="titre-evolution">{m.evolutionTitle}</h2>
      {!first || !last || evolution.length < 2 ? (
        <p>{m.evolutionNone}</p>
      ) : (
        <LineChart
          id="evolution-nr"
          title={e.title(territory.name)}
          description={e.description(formatDate(first.completedAt), formatDate(last.completedAt))}
          categories={evolution.map((p) => formatDate(p.completedAt))}
          series={[{ key: 'global', label: e.series, values: evolution.map((p) => p.overall) }]}
          categoryLabel={e.categoryLabel}
          valueLabel={e.valueLabel}
          domain={{ min: 0, max: 100, ticks: [0, 20, 40, 60, 80, 100] }}
          table={{ caption: e.caption(territory.name), extraColumns: [{ label: e.letter, cells: evolution.map((p) => p.letter ?? '—') }] }}
        />
      )}
    </section>
  );
}
