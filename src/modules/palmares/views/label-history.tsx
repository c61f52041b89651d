import { LineChart } from '../../../platform/views/charts.tsx';
import { LEVELS } from '../../label/results.rules.ts';
import { describeBadge, escapeXml, type Badge } from '../badge.rules.ts';
import type { TerritoryLabel } from '../label-history.service.ts';
import { labelHistoryMessages as m } from '../label-history.messages.ts';
import { resultsMessages } from '../../label/messages.ts';
import { LevelSigns } from '../../label/views/level.tsx';

/**
 * The "Label" section of a territory page: current level, "Territoire d'excellence numérique", the
 * levels over the editions (chart and table), and the badge to embed elsewhere.
 */
export function LabelHistorySection(props: {
  territory: { code: string; name: string };
  label: TerritoryLabel;
  baseUrl: string;
  title: string;
  /** The label's name (the organisation's settings), in the badge's accessible name. */
  labelName: string;
}) {
  const { territory, label } = props;
  const { history, timeline } = label;
  const first = history.results[0];
  const last = history.results.at(-1);
  const [timelineFrom] = timeline;
  const timelineTo = timeline.at(-1);
  return (
    <section aria-labelledby="titre-label" class="section label-history">
      <h2 id="titre-label">{props.title}</h2>
      {!first || !last || !history.current || !timelineFrom || !timelineTo ? (
        <>
          <p>{m.neverLabelled(territory.name)}</p>
          <p>
            <a href="/palmares">{m.palmaresLink}</a>
          </p>
        </>
      ) : (
        <>
          <p>{m.summary(territory.name, history.results.length, first.year, last.year)}</p>
          <dl class="facts">
            <div>
              <dt>{m.currentLevel}</dt>
              <dd>
                <LevelSigns level={history.current.level} /> · {resultsMessages.edition(history.current.year)}
              </dd>
            </div>
            <div>
              <dt>{m.excellence}</dt>
              <dd>
                <ExcellenceStatus excellence={history.excellence} />
              </dd>
            </div>
          </dl>
          <p class="muted">{m.excellenceRule(history.excellence.parameters.consecutiveTopLevels, history.excellence.parameters.validityYears)}</p>
          <h3>{m.timelineTitle}</h3>
          <LineChart
            id="graphique-label"
            title={m.chart.title(territory.name)}
            description={m.chart.description(territory.name, timelineFrom.year, timelineTo.year, timeline.filter((t) => t.level === null).length)}
            categories={timeline.map((t) => String(t.year))}
            series={[{ key: 'niveau', label: m.chart.seriesLabel, values: timeline.map((t) => t.level) }]}
            categoryLabel={m.chart.categoryLabel}
            valueLabel={m.chart.valueLabel}
            domain={{ min: 1, max: 5, ticks: [...LEVELS] }}
            format={m.level}
            pointLabels
            table={{
              caption: m.chart.caption(territory.name),
              empty: m.chart.noParticipation,
              extraColumns: [
                {
                  label: m.chart.distinctions,
                  cells: timeline.map((t) => t.distinctions.map((code) => label.distinctionNames[code] ?? code).join(', ')),
                },
              ],
            }}
          />
          <BadgeEmbed
            code={territory.code}
            badge={describeBadge({ name: territory.name, current: history.current, labelName: props.labelName })}
            baseUrl={props.baseUrl}
          />
        </>
      )}
    </section>
  );
}

function ExcellenceStatus(props: { excellence: TerritoryLabel['history']['excellence'] }) {
  const { grantYears, validUntil, validNow } = props.excellence;
  const latest = grantYears.at(-1);
  if (latest === undefined || validUntil === null) return <>{m.excellenceNone}</>;
  const earlier = grantYears.slice(0, -1);
  return (
    <>
      {validNow ? m.excellenceGranted(latest, validUntil) : m.excellenceExpired(latest, validUntil)}
      {earlier.length ? <span class="label-history__earlier">{m.excellenceEarlier(earlier)}</span> : null}
    </>
  );
}

/** The badge and the HTML to paste in another site, with absolute addresses. */
function BadgeEmbed(props: { code: string; badge: Badge; baseUrl: string }) {
  const { badge } = props;
  const base = props.baseUrl.replace(/\/$/, '');
  const path = `/badges/${encodeURIComponent(props.code)}.svg`;
  const snippet = `<a href="${base}/territoires/${encodeURIComponent(props.code)}"><img src="${base}${path}" alt="${escapeXml(badge.label)}" width="${badge.width}" height="${badge.height}"></a>`;
  return (
    <>
      <h3>{m.badge.title}</h3>
      <p>{m.badge.intro}</p>
      <p class="label-history__badge">
        <img src={path} alt={badge.label} width={badge.width} height={badge.height} />
      </p>
      <div class="field">
        <label for="code-badge">{m.badge.snippetLabel}</label>
        <p class="field__hint" id="code-badge-aide">
          {m.badge.snippetHint}
        </p>
        <textarea id="code-badge" class="label-history__snippet" readOnly rows={4} aria-describedby="code-badge-aide" spellcheck={false}>
          {snippet}
        </textarea>
      </div>
    </>
  );
}
