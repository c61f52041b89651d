import { BarChart, HorizontalBarChart, LineChart, type ChartSeries } from '../../../platform/views/charts.tsx';
import { Notice, SelectField } from '../../../platform/views/components.tsx';
import { formatNumber } from '../../../platform/views/format.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { territoryMessages } from '../../territories/messages.ts';
import type { TerritoryCategory, TerritoryStratum } from '../../territories/territory.rules.ts';
import { LEVELS, TOP_LEVEL, type LevelCounts } from '../../label/results.rules.ts';
import type { EditionDetail, LabelStatistics } from '../statistics.service.ts';
import { NO_STRATUM, type GroupCounts } from '../statistics.rules.ts';
import { statisticsMessages as m } from '../statistics.messages.ts';
import { capitalise } from '../../../platform/text.ts';

/** One series per level, 1 @ first (at the bottom of a stack), each in its level's colour. */
function levelSeries(rows: readonly { levels: LevelCounts }[]): ChartSeries[] {
  return LEVELS.map((level) => ({ key: `niveau-${level}`, label: m.levelColumn(level), tone: level, values: rows.map((row) => row.levels[level]) }));
}

export function StatisticsPage(props: { statistics: LabelStatistics; ignoredEdition: string | null }) {
  const { trends, summary, detail } = props.statistics;
  return (
    <Layout title={m.title} description={m.description} breadcrumb={[{ href: '/statistiques', label: m.breadcrumb }]}>
      <h1>{m.title}</h1>
      <p class="lead">{m.lead}</p>
      {props.ignoredEdition !== null && detail ? <Notice kind="warning">{m.ignoredEdition(props.ignoredEdition, detail.year)}</Notice> : null}
      {!summary ? (
        <>
          <p>{m.empty}</p>
          <p>
            <a href="/palmares">{m.palmaresLink}</a>
          </p>
        </>
      ) : (
        <>
          <p class="statistics__summary">
            {m.summary(summary.editions, summary.firstYear, summary.lastYear, summary.labels)}{' '}
            {m.latestSummary(summary.latest.year, summary.latest.total, summary.latest.levels[TOP_LEVEL], summary.latest.average)}
          </p>
          <section aria-labelledby="titre-niveaux" class="section">
            <h2 id="titre-niveaux">{m.levels.title}</h2>
            <BarChart
              id="graphique-niveaux"
              stacked
              title={m.levels.chartTitle}
              description={m.levels.description(summary.firstYear, summary.lastYear)}
              categories={trends.map((t) => String(t.year))}
              series={levelSeries(trends)}
              categoryLabel={m.levels.categoryLabel}
              valueLabel={m.levels.valueLabel}
              table={{ caption: m.levels.caption, total: m.total }}
            />
          </section>
          <section aria-labelledby="titre-evolution" class="section">
            <h2 id="titre-evolution">{m.trend.title}</h2>
            <div class="chart-pair">
              <div>
                <h3>{m.trend.countTitle}</h3>
                <LineChart
                  id="graphique-evolution"
                  title={m.trend.countChart}
                  description={m.trend.countDescription(summary.firstYear, summary.lastYear)}
                  categories={trends.map((t) => String(t.year))}
                  series={[{ key: 'total', label: m.trend.countSeries, values: trends.map((t) => t.total) }]}
                  categoryLabel={m.trend.categoryLabel}
                  valueLabel={m.trend.valueLabel}
                  table={{ caption: m.trend.countCaption }}
                />
              </div>
              <div>
                <h3>{m.trend.averageTitle}</h3>
                <LineChart
                  id="graphique-moyenne"
                  title={m.trend.averageChart}
                  description={m.trend.averageDescription(summary.firstYear, summary.lastYear)}
                  categories={trends.map((t) => String(t.year))}
                  series={[{ key: 'moyenne', label: m.trend.averageSeries, tone: 3, values: trends.map((t) => t.average) }]}
                  categoryLabel={m.trend.categoryLabel}
                  valueLabel={m.trend.averageValueLabel}
                  domain={{ min: 1, max: 5, ticks: [...LEVELS] }}
                  format={(v) => `${formatNumber(v)} @`}
                  table={{ caption: m.trend.averageCaption }}
                />
              </div>
            </div>
          </section>
          {detail ? <EditionDetailSection detail={detail} years={trends.map((t) => t.year).reverse()} /> : null}
        </>
      )}
    </Layout>
  );
}

function EditionDetailSection(props: { detail: EditionDetail; years: number[] }) {
  const { detail } = props;
  const d = m.detail;
  const strata = territoryMessages.strata;
  const categories = territoryMessages.categories;
  return (
    <section aria-labelledby="detail" class="section">
      <h2 id="detail" tabIndex={-1}>
        {d.title(detail.year)}
      </h2>
      <form method="get" action="/statistiques#detail" class="filters statistics__form" aria-label={d.formLabel}>
        <SelectField
          name="edition"
          label={d.editionLabel}
          value={String(detail.year)}
          options={props.years.map((y) => ({ value: String(y), label: String(y) }))}
        />
        <button type="submit" class="button">
          {d.submit}
        </button>
      </form>
      <p>
        <a href={`/palmares/${detail.year}`}>{d.palmaresLink(detail.year)}</a>
      </p>
      {detail.total === 0 ? (
        <p>{d.noResult}</p>
      ) : (
        <>
          <h3>{d.byRegion}</h3>
          <p>{d.regionCount(detail.byRegion.length)}</p>
          <GroupChart id="graphique-regions" by={d.byRegion} column={d.region} year={detail.year} groups={detail.byRegion} name={(g) => g.name} />
          <h3>{d.byStratum}</h3>
          <GroupChart
            id="graphique-strates"
            by={d.byStratum}
            column={d.stratum}
            year={detail.year}
            groups={detail.byStratum}
            name={(g) => (g.key === NO_STRATUM ? d.noStratum : capitalise(strata[g.key as TerritoryStratum]))}
          />
          <h3>{d.byCategory}</h3>
          <GroupChart
            id="graphique-categories"
            by={d.byCategory}
            column={d.category}
            year={detail.year}
            groups={detail.byCategory}
            name={(g) => categories[g.key as TerritoryCategory]}
          />
        </>
      )}
    </section>
  );
}

function GroupChart(props: { id: string; by: string; column: string; year: number; groups: readonly GroupCounts[]; name: (group: GroupCounts) => string }) {
  const { by, year, groups } = props;
  return (
    <HorizontalBarChart
      id={props.id}
      title={m.detail.chartTitle(by, year)}
      description={m.detail.description(by, year)}
      categories={groups.map(props.name)}
      series={levelSeries(groups)}
      categoryLabel={props.column}
      valueLabel={m.detail.valueLabel}
      table={{
        caption: m.detail.caption(by, year),
        total: m.total,
        extraColumns: [{ label: m.averageColumn, cells: groups.map((g) => m.average(g.average)), numeric: true }],
      }}
    />
  );
}
