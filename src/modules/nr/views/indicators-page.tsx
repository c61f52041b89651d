import { DataTable, ErrorSummary, Field, FieldFrame, Notice, PostForm } from '../../../platform/views/components.tsx';
import { formatDate, formatNumber } from '../../../platform/views/format.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import type { FieldErrors } from '../../../platform/errors.ts';
import { indicatorMessages, withUnit } from '../indicators.messages.ts';
import { UNIT_MAX, type Trend } from '../indicators.rules.ts';
import type { IndicatorSummary, TerritoryIndicators } from '../indicators.service.ts';
import { NR_INDICATORS } from '../nr-indicators.data.ts';
import { NAME_MAX, nrThemeName } from '../nr-themes.rules.ts';

const m = indicatorMessages;

export const nrPath = (code: string) => `/espace/${encodeURIComponent(code)}/numerique-responsable`;
export const indicatorsPath = (code: string) => `${nrPath(code)}/indicateurs`;
export const indicatorPath = (code: string, key: string) => `${indicatorsPath(code)}/${encodeURIComponent(key)}`;
export const themeName = (id: string | null) => (id === null ? '' : nrThemeName(id));

export const indicatorsBreadcrumb = (territory: { code: string; name: string }) => [
  { href: '/espace', label: m.workspace },
  { href: `/espace/${encodeURIComponent(territory.code)}`, label: territory.name },
  { href: nrPath(territory.code), label: m.nr },
  { href: indicatorsPath(territory.code), label: m.list.breadcrumb },
];

/** A row's error of a refused import, keyed `lignes.<line>.<column>`: its label for the summary. */
const rowKey = /^lignes\.(\d+)\.(.+)$/;

export type IndicatorsPageProps = {
  data: TerritoryIndicators;
  canEdit: boolean;
  notice?: string;
  /** Errors of the form posted (the custom indicator's `name`/`unit`, the import's `file` or rows). */
  errors?: FieldErrors;
  /** The sentence above a refused import's rows. */
  refusal?: string;
  values?: { name?: string; unit?: string };
};

/** The trend in words: « en hausse de 30 Go depuis le 15 mars 2025, à surveiller ». */
export function trendText(trend: Trend | null, unit: string): string {
  if (!trend) return m.trend.none;
  const delta = withUnit(Math.abs(trend.delta), unit);
  const text = trend.direction === 'flat' ? m.trend.flat(trend.since) : m.trend[trend.direction](delta, trend.since);
  return trend.good === null ? text : `${text}, ${trend.good ? m.trend.good : m.trend.bad}`;
}

/** A small line of the values, decorative: the trend's words say the same. */
function Sparkline(props: { values: { value: number }[] }) {
  const values = props.values.slice(-12).map((v) => v.value);
  if (values.length < 2) return null;
  const [width, height] = [64, 20];
  const min = Math.min(...values);
  const span = Math.max(...values) - min || 1;
  const points = values.map(
    (v, i) => `${((i / (values.length - 1)) * (width - 4) + 2).toFixed(1)},${(height - 2 - ((v - min) / span) * (height - 4)).toFixed(1)}`,
  );
  return (
    <svg class="sparkline" viewBox={`0 0 ${width} ${height}`} width={width} height={height} aria-hidden="true" focusable="false">
      <polyline points={points.join(' ')} fill="none" stroke="currentColor" stroke-width="1.5" />
    </svg>
  );
}

function IndicatorRow(props: { code: string; indicator: IndicatorSummary }) {
  const { indicator } = props;
  return (
    <tr>
      <th scope="row">
        <a href={indicatorPath(props.code, indicator.key)}>{indicator.name}</a>
        {indicator.standard ? null : <span class="muted">{` (${m.list.custom})`}</span>}
      </th>
      <td>{indicator.standard ? themeName(indicator.theme) : '—'}</td>
      <td class="num">{indicator.latest ? withUnit(indicator.latest.value, indicator.unit) : m.list.noValue}</td>
      <td>{indicator.latest ? formatDate(indicator.latest.measuredOn) : '—'}</td>
      <td>
        {indicator.values.length === 0 ? '—' : <Sparkline values={indicator.values} />}{' '}
        {indicator.values.length === 0 ? null : `${trendText(indicator.trend, indicator.unit)} (${m.list.valuesCount(indicator.values.length)})`}
      </td>
    </tr>
  );
}

/** /espace/:code/numerique-responsable/indicateurs: every indicator's latest value and trend, the CSV import, a custom indicator's form. */
export function IndicatorsPage(props: IndicatorsPageProps) {
  const { territory, indicators } = props.data;
  const errors = props.errors ?? {};
  const labels: Record<string, string> = { ...m.custom.fieldLabels, ...m.upload.fieldLabels };
  const unlinked: string[] = [];
  for (const key of Object.keys(errors)) {
    const row = rowKey.exec(key);
    if (!row) continue;
    labels[key] = `Ligne ${formatNumber(Number(row[1]))}, colonne ${row[2]}`;
    unlinked.push(key);
  }
  return (
    <Layout title={m.list.title(territory.name)} breadcrumb={indicatorsBreadcrumb(territory)}>
      <h1>{m.list.title(territory.name)}</h1>
      {props.refusal ? (
        <Notice kind="error">
          <p>{props.refusal}</p>
        </Notice>
      ) : null}
      <ErrorSummary errors={errors} labels={labels} unlinked={unlinked} />
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <p>{m.list.lead}</p>

      <section class="section" aria-labelledby="titre-indicateurs">
        <h2 id="titre-indicateurs">{m.list.tableTitle}</h2>
        <DataTable id="legende-indicateurs" caption={m.list.caption(territory.name)}>
          <thead>
            <tr>
              <th scope="col">{m.list.columns.name}</th>
              <th scope="col">{m.list.columns.theme}</th>
              <th scope="col" class="num">
                {m.list.columns.latest}
              </th>
              <th scope="col">{m.list.columns.date}</th>
              <th scope="col">{m.list.columns.trend}</th>
            </tr>
          </thead>
          <tbody>
            {indicators.map((indicator) => (
              <IndicatorRow key={indicator.key} code={territory.code} indicator={indicator} />
            ))}
          </tbody>
        </DataTable>
      </section>

      {props.canEdit ? (
        <>
          <section class="section" aria-labelledby="titre-import">
            <h2 id="titre-import">{m.upload.title}</h2>
            <p>{m.upload.lead}</p>
            <p>
              <a href={`${indicatorsPath(territory.code)}/modele.csv`} download={m.modelFile}>
                {m.upload.example}
              </a>
            </p>
            <PostForm action={`${indicatorsPath(territory.code)}/import`} enctype="multipart/form-data">
              <FieldFrame
                name="file"
                label={m.upload.file}
                hint={m.upload.fileHint}
                error={errors.file}
                required
                control={(aria) => <input {...aria} type="file" name="file" accept=".csv,text/csv" required />}
              />
              <button type="submit" class="button">
                {m.upload.submit}
              </button>
            </PostForm>
            <details>
              <summary>{m.upload.idsTitle}</summary>
              <DataTable id="legende-identifiants" caption={m.upload.idsCaption}>
                <thead>
                  <tr>
                    <th scope="col">{m.upload.idColumn}</th>
                    <th scope="col">{m.list.columns.name}</th>
                    <th scope="col">{m.upload.unitColumn}</th>
                  </tr>
                </thead>
                <tbody>
                  {NR_INDICATORS.map((s) => (
                    <tr key={s.id}>
                      <th scope="row">
                        <code>{s.id}</code>
                      </th>
                      <td>{s.name}</td>
                      <td>{s.unit}</td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            </details>
          </section>

          <section class="section" aria-labelledby="titre-indicateur-propre">
            <h2 id="titre-indicateur-propre">{m.custom.title}</h2>
            <p>{m.custom.lead}</p>
            <PostForm action={indicatorsPath(territory.code)}>
              <Field name="name" label={m.custom.name} hint={m.custom.nameHint} error={errors.name} value={props.values?.name} maxLength={NAME_MAX} required />
              <Field name="unit" label={m.custom.unit} hint={m.custom.unitHint} error={errors.unit} value={props.values?.unit} maxLength={UNIT_MAX} required />
              <button type="submit" class="button">
                {m.custom.submit}
              </button>
            </PostForm>
          </section>
        </>
      ) : null}
    </Layout>
  );
}
