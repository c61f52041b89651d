import { LineChart } from '../../../platform/views/charts.tsx';
import { ErrorSummary, Field, Notice, PostForm, TextAreaField } from '../../../platform/views/components.tsx';
import { formatDate, formatNumber } from '../../../platform/views/format.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import type { FieldErrors } from '../../../platform/errors.ts';
import { indicatorMessages } from '../indicators.messages.ts';
import type { TerritoryIndicator } from '../indicators.service.ts';
import { NOTE_MAX } from '../nr-themes.rules.ts';
import { indicatorPath, indicatorsBreadcrumb, indicatorsPath, themeName, trendText } from './indicators-page.tsx';
import { capitalise } from '../../../platform/text.ts';

const m = indicatorMessages.indicator;

export type IndicatorPageProps = {
  data: TerritoryIndicator;
  canEdit: boolean;
  notice?: string;
  errors?: FieldErrors;
  values?: { date?: string; value?: string; note?: string };
};

/** The delete button of one value, in the chart's table. */
function DeleteValue(props: { action: string; date: string }) {
  return (
    <PostForm action={props.action} class="inline-form">
      <input type="hidden" name="date" value={props.date} />
      <button type="submit" class="button button--secondary button--small" aria-label={m.deleteLabel(props.date)}>
        {m.chart.delete}
      </button>
    </PostForm>
  );
}

/** /espace/:code/numerique-responsable/indicateurs/:indicator: its values as a line chart with their table, the form to add one. */
export function IndicatorPage(props: IndicatorPageProps) {
  const { territory, indicator, values, trend } = props.data;
  const errors = props.errors ?? {};
  const base = indicatorPath(territory.code, indicator.key);
  const first = values[0];
  const last = values.at(-1);
  return (
    <Layout title={m.title(indicator.name, territory.name)} breadcrumb={[...indicatorsBreadcrumb(territory), { href: base, label: indicator.name }]}>
      <h1>{indicator.name}</h1>
      <ErrorSummary errors={errors} labels={m.fieldLabels} />
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      {indicator.description ? <p>{indicator.description}</p> : null}
      <dl class="facts">
        <div>
          <dt>{m.unit}</dt>
          <dd>{indicator.unit}</dd>
        </div>
        <div>
          <dt>{m.kind}</dt>
          <dd>{indicator.standard ? m.standard : m.custom}</dd>
        </div>
        {indicator.standard ? (
          <>
            <div>
              <dt>{m.theme}</dt>
              <dd>{themeName(indicator.theme)}</dd>
            </div>
            <div>
              <dt>{m.better}</dt>
              <dd>{indicator.better === 'down' ? m.betterDown : m.betterUp}</dd>
            </div>
          </>
        ) : null}
        <div>
          <dt>{m.id}</dt>
          <dd>
            <code>{indicator.standard ? indicator.key : indicator.name}</code>
          </dd>
        </div>
      </dl>

      <section class="section" aria-labelledby="titre-evolution">
        <h2 id="titre-evolution">{m.chartTitle}</h2>
        {first && last ? (
          <>
            <p>{`${capitalise(trendText(trend, indicator.unit))}.`}</p>
            <LineChart
              id="evolution"
              title={m.chart.title(indicator.name)}
              description={m.chart.description(indicator.name, values.length, first.measuredOn, last.measuredOn)}
              categories={values.map((v) => formatDate(v.measuredOn))}
              series={[{ key: 'valeur', label: `${m.chart.series} (${indicator.unit})`, values: values.map((v) => v.value) }]}
              categoryLabel={m.chart.categoryLabel}
              valueLabel={indicator.unit}
              format={(n) => formatNumber(n)}
              table={{
                caption: m.chart.caption(indicator.name),
                extraColumns: [
                  { label: m.chart.note, cells: values.map((v) => v.note || '—') },
                  { label: m.chart.source, cells: values.map((v) => indicatorMessages.indicator.sources[v.source]) },
                  ...(props.canEdit
                    ? [{ label: m.chart.delete, cells: values.map((v) => <DeleteValue action={`${base}/valeurs/supprimer`} date={v.measuredOn} />) }]
                    : []),
                ],
              }}
            />
          </>
        ) : (
          <p>{m.empty}</p>
        )}
      </section>

      {props.canEdit ? (
        <section class="section" aria-labelledby="titre-valeur">
          <h2 id="titre-valeur">{m.formTitle}</h2>
          <p>{m.formLead}</p>
          <PostForm action={`${base}/valeurs`}>
            <Field name="date" type="date" label={m.date} hint={m.dateHint} error={errors.date} value={props.values?.date} required />
            <Field
              name="value"
              label={m.value(indicator.unit)}
              hint={m.valueHint}
              error={errors.value}
              value={props.values?.value}
              inputmode="decimal"
              autocomplete="off"
              required
            />
            <TextAreaField name="note" label={m.note} hint={m.noteHint} error={errors.note} value={props.values?.note} rows={2} maxLength={NOTE_MAX} />
            <div class="form-actions">
              <button type="submit" class="button">
                {m.submit}
              </button>
            </div>
          </PostForm>
        </section>
      ) : null}

      {/* Apart from the form's button: two targets never touch. */}
      <p class="section">
        <a href={indicatorsPath(territory.code)}>{m.back}</a>
      </p>
    </Layout>
  );
}
