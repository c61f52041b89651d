import { ErrorSummary, Field, Notice, PostForm } from '../../../platform/views/components.tsx';
import { formatNumber } from '../../../platform/views/format.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { editionAdminMessages } from '../../label/messages.ts';
import { platformMessages } from '../../../platform/views/messages.ts';
import { deliberationMessages } from '../deliberation.messages.ts';
import type { JuryParameters } from '../jury-parameters.service.ts';

const m = deliberationMessages.parameters;

export const juryParametersPath = (year: number) => `/admin/editions/${year}/jury/parametres`;

/** The form's texts: the stored figures, or what the staff sent back after a refusal. */
export type JuryParametersValues = { reviewersPerDossier: string; levelThresholds: string[]; reviewWeight: string };

export const valuesOfParameters = (p: JuryParameters): JuryParametersValues => ({
  reviewersPerDossier: String(p.reviewersPerDossier),
  levelThresholds: p.levelThresholds.map(formatNumber),
  reviewWeight: formatNumber(p.reviewWeight),
});

export type JuryParametersPageProps = {
  year: number;
  parameters: JuryParameters;
  editable: boolean;
  values?: JuryParametersValues;
  errors?: Record<string, string>;
  notice?: string;
};

/** /admin/editions/:year/jury/parametres: reviewers per dossier, the five thresholds, the reviews' weight. */
export function JuryParametersPage(props: JuryParametersPageProps) {
  const { year, parameters } = props;
  const errors = props.errors ?? {};
  const values = props.values ?? valuesOfParameters(parameters);
  const labels: Record<string, string> = {
    reviewersPerDossier: m.reviewers,
    reviewWeight: m.weight,
    levelThresholds: m.thresholdsLegend,
    version: m.legend,
    ...Object.fromEntries(parameters.levelThresholds.map((_, i) => [`levelThresholds.${i}`, m.threshold(i + 1)])),
  };
  return (
    <Layout
      title={m.title(year)}
      breadcrumb={[
        { href: '/admin', label: platformMessages.layout.admin },
        { href: '/admin/editions', label: editionAdminMessages.title },
        { href: `/admin/editions/${year}`, label: String(year) },
        { href: juryParametersPath(year), label: m.breadcrumb },
      ]}
    >
      <h1>{m.title(year)}</h1>
      <p>
        <a href={`/admin/editions/${year}`}>{m.back}</a>
      </p>
      <ErrorSummary errors={errors} labels={labels} unlinked={['version', 'levelThresholds']} />
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <p class="lead">{m.lead}</p>
      <p>{m.rule}</p>
      {parameters.version === 0 ? <p class="muted">{m.defaults}</p> : null}
      {props.editable ? (
        <PostForm action={juryParametersPath(year)} leaveWarning={Object.keys(errors).length ? 'dirty' : 'clean'}>
          <input type="hidden" name="version" value={String(parameters.version)} />
          <Field
            name="reviewersPerDossier"
            label={m.reviewers}
            hint={m.reviewersHint}
            required
            inputmode="numeric"
            autocomplete="off"
            value={values.reviewersPerDossier}
            error={errors.reviewersPerDossier}
          />
          <fieldset class="form-section">
            <legend>{m.thresholdsLegend}</legend>
            {errors.levelThresholds ? <p class="field__error">{errors.levelThresholds}</p> : null}
            {values.levelThresholds.map((value, i) => (
              <Field
                key={i}
                name={`levelThresholds.${i}`}
                label={m.threshold(i + 1)}
                hint={m.thresholdHint}
                required
                inputmode="decimal"
                autocomplete="off"
                value={value}
                error={errors[`levelThresholds.${i}`]}
              />
            ))}
          </fieldset>
          <Field
            name="reviewWeight"
            label={m.weight}
            hint={m.weightHint}
            required
            inputmode="decimal"
            autocomplete="off"
            value={values.reviewWeight}
            error={errors.reviewWeight}
          />
          <button type="submit" class="button">
            {m.save}
          </button>
        </PostForm>
      ) : (
        <>
          <Notice kind="info">{m.readOnly}</Notice>
          <p>{m.summary(parameters.reviewersPerDossier, values.levelThresholds.join(' / '), values.reviewWeight)}</p>
        </>
      )}
    </Layout>
  );
}
