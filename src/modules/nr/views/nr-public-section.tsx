import { DataTable, formatDate, formatNumber } from '../../../platform/views/components.tsx';
import { LineChart } from '../../../platform/views/charts.tsx';
import { nrThemeName } from '../nr-themes.rules.ts';
import { publicMessages } from '../public.messages.ts';
import type { PublicIndicator, PublicResponsibleDigital } from '../public-section.service.ts';
import { roadmapMessages } from '../roadmap.messages.ts';

const m = publicMessages.section;
/** At most this many charts in the section: the latest values say the rest. */
export const MAX_PUBLIC_CHARTS = 4;
const withUnit = (value: number, unit: string) => `${formatNumber(value)}${unit ? ` ${unit}` : ''}`;

/**
 * The section « Numérique responsable » of a territory's public page: only the parts it made public.
 * The letter is written as text (never a colour alone); each chart comes with its table.
 */
export function NrPublicSection(props: { data: PublicResponsibleDigital }) {
  const { data } = props;
  const charted = (data.indicators ?? []).filter((i) => i.values.length >= 2).slice(0, MAX_PUBLIC_CHARTS);
  return (
    <section aria-labelledby="titre-numerique-responsable" class="section">
      <h2 id="titre-numerique-responsable">{m.title}</h2>
      <p>{m.lead(data.territory.name)}</p>
      {data.maturity !== undefined ? (
        <>
          <h3>{m.maturityTitle}</h3>
          {data.maturity ? (
            <>
              <p>
                <strong class="nr-letter">{m.letter(data.maturity.letter)}</strong> · {m.index(data.maturity.index)}
              </p>
              <p class="muted">
                {m.maturityOn(data.maturity.completedAt)} {m.scale}
              </p>
            </>
          ) : (
            <p>{m.noDiagnostic}</p>
          )}
        </>
      ) : null}
      {data.charter !== undefined ? (
        <>
          <h3>{m.charterTitle}</h3>
          <p>{data.charter ? m.charterSigned(data.charter.signedOn, data.charter.signatory, data.charter.role) : m.charterNotSigned}</p>
        </>
      ) : null}
      {data.indicators !== undefined ? (
        <>
          <h3>{m.indicatorsTitle}</h3>
          {data.indicators.length ? (
            <>
              <DataTable id="tableau-nr-indicateurs" caption={m.indicatorsCaption}>
                <thead>
                  <tr>
                    <th scope="col">{m.columns.indicator}</th>
                    <th scope="col" class="num">
                      {m.columns.value}
                    </th>
                    <th scope="col">{m.columns.on}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.indicators.map((i) => (
                    <tr key={i.key}>
                      <th scope="row">{i.name}</th>
                      <td class="num">{i.latest ? withUnit(i.latest.value, i.unit) : '—'}</td>
                      <td>{i.latest ? formatDate(i.latest.measuredOn) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
              {charted.map((i, n) => (
                <IndicatorChart key={i.key} indicator={i} n={n} />
              ))}
            </>
          ) : (
            <p>{m.noIndicator}</p>
          )}
        </>
      ) : null}
      {data.roadmap !== undefined ? (
        <>
          <h3>{m.roadmapTitle}</h3>
          {data.roadmap.length ? (
            <DataTable id="tableau-nr-actions" caption={m.roadmapCaption}>
              <thead>
                <tr>
                  <th scope="col">{m.columns.title}</th>
                  <th scope="col">{m.columns.theme}</th>
                  <th scope="col">{m.columns.status}</th>
                  <th scope="col">{m.columns.dueOn}</th>
                </tr>
              </thead>
              <tbody>
                {data.roadmap.map((a, n) => (
                  <tr key={n}>
                    <th scope="row">{a.title}</th>
                    <td>{nrThemeName(a.themeId)}</td>
                    <td>{roadmapMessages.statuses[a.status]}</td>
                    <td>{a.dueOn ? formatDate(a.dueOn) : m.noDueOn}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          ) : (
            <p>{m.noAction}</p>
          )}
        </>
      ) : null}
    </section>
  );
}

function IndicatorChart(props: { indicator: PublicIndicator; n: number }) {
  const { indicator: i } = props;
  // The chart's own title is inside the SVG (for assistive technologies): a visible heading says which indicator it is.
  return (
    <>
      <h4>{m.chartTitle(i.name)}</h4>
      <LineChart
        id={`graphique-nr-${props.n + 1}`}
        title={m.chartTitle(i.name)}
        description={m.chartDescription(i.name, i.values.length)}
        categories={i.values.map((v) => formatDate(v.measuredOn))}
        series={[{ key: 'valeur', label: i.name, values: i.values.map((v) => v.value) }]}
        categoryLabel={m.chartCategory}
        valueLabel={i.unit || i.name}
        table={{ caption: m.chartCaption(i.name) }}
      />
    </>
  );
}
