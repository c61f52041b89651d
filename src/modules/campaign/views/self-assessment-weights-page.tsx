import { ErrorSummary, Field, Notice, PostForm } from '../../../platform/views/components.tsx';
import { formatNumber } from '../../../platform/views/format.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { platformMessages } from '../../../platform/views/messages.ts';
import type { InitiativeStatus } from '../../initiatives/initiative.rules.ts';
import { questionnaireAdminMessages } from '../questionnaire-messages.ts';
import { selfAssessmentWeightsMessages as wm } from '../self-assessment-weights.messages.ts';
import { WEIGHTS_EDITABLE_STATES, type StoredSelfAssessmentWeights } from '../self-assessment-weights.service.ts';
import { STATUSES_BY_ADVANCEMENT, type SelfAssessmentParameters } from '../self-assessment.rules.ts';
import { StatusWeightsTable } from './status-weights-table.tsx';

const m = wm.page;

export const selfAssessmentWeightsPath = (year: number) => `/admin/editions/${year}/auto-evaluation`;

export type SelfAssessmentWeightsPageProps = {
  stored: StoredSelfAssessmentWeights;
  /** The values in the fields: the stored ones, or those sent back after a refused save. */
  values?: Partial<Record<InitiativeStatus, string>>;
  errors?: Record<string, string>;
  notice?: string;
  /** After a stale save: the weights stored meanwhile are shown beside the admin's. */
  conflict?: boolean;
};

/** /admin/editions/:year/auto-evaluation: an edition's status weights, editable while it is a draft or open. */
export function SelfAssessmentWeightsPage(props: SelfAssessmentWeightsPageProps) {
  const { stored } = props;
  const { year } = stored;
  const errors = props.errors ?? {};
  const editable = WEIGHTS_EDITABLE_STATES.includes(stored.state);
  const shown = (status: InitiativeStatus) => props.values?.[status] ?? formatNumber(stored.parameters.statusWeights[status]);
  return (
    <Layout
      title={m.title(year)}
      breadcrumb={[
        { href: '/admin', label: platformMessages.layout.admin },
        { href: '/admin/editions', label: questionnaireAdminMessages.list.editions },
        { href: `/admin/editions/${year}`, label: String(year) },
        { href: selfAssessmentWeightsPath(year), label: m.breadcrumb },
      ]}
    >
      <h1>{m.title(year)}</h1>
      <p>
        <a href={`/admin/editions/${year}/questionnaires`}>{m.back}</a>
      </p>
      <ErrorSummary errors={errors} labels={wm.fieldLabels} />
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <p class="lead">{m.lead}</p>
      <p>{m.rule}</p>
      <p>{m.whenUsed}</p>
      <p>
        <strong>{m.frozen}</strong>
      </p>
      <p class="muted">{stored.stored && stored.updatedAt ? m.lastChange(stored.updatedAt) : m.defaults}</p>
      {props.conflict ? <WeightsTable id="ponderations-enregistrees" caption={wm.conflict.storedNow} parameters={stored.parameters} visibleCaption /> : null}
      {editable ? (
        <PostForm action={selfAssessmentWeightsPath(year)} leaveWarning={Object.keys(errors).length ? 'dirty' : 'clean'}>
          <input type="hidden" name="revision" value={stored.revision} />
          <fieldset>
            <legend>{m.legend}</legend>
            <p class="muted">{m.editable}</p>
            {STATUSES_BY_ADVANCEMENT.map((status) => (
              <Field
                key={status}
                name={status}
                label={wm.fieldLabels[status]}
                hint={m.hint}
                required
                inputmode="decimal"
                autocomplete="off"
                value={shown(status)}
                error={errors[status]}
              />
            ))}
          </fieldset>
          <button type="submit" class="button">
            {m.save}
          </button>
        </PostForm>
      ) : (
        <>
          <Notice kind="info">{m.readOnly(questionnaireAdminMessages.editionStates[stored.state])}</Notice>
          <WeightsTable id="ponderations" caption={m.caption(year)} parameters={stored.parameters} />
        </>
      )}
    </Layout>
  );
}

function WeightsTable(props: { id: string; caption: string; parameters: SelfAssessmentParameters; visibleCaption?: boolean }) {
  return (
    <>
      {props.visibleCaption ? <h2 id={`${props.id}-titre`}>{props.caption}</h2> : null}
      <StatusWeightsTable id={props.id} caption={props.caption} parameters={props.parameters} labels={wm.fieldLabels} />
    </>
  );
}
