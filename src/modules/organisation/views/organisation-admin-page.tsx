import { ErrorSummary, Field, Notice, PostForm, SelectField, TextAreaField } from '../../../platform/views/components.tsx';
import { formatDateTime } from '../../../platform/views/format.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { platformMessages } from '../../../platform/views/messages.ts';
import { organisationMessages } from '../messages.ts';
import { ACCESSIBILITY_LEVELS, SETTING_MAX_LENGTHS, type SettingField } from '../organisation-settings.rules.ts';

const m = organisationMessages.admin;

export type OrganisationAdminPageProps = {
  values: Record<SettingField, string>;
  errors?: Partial<Record<SettingField, string>>;
  updatedAt: Date | null;
  saved?: boolean;
};

/** /admin/organisation: the one form of the organisation's settings, in three groups. */
export function OrganisationAdminPage(props: OrganisationAdminPageProps) {
  const errors = props.errors ?? {};
  const field = (name: SettingField, extra: { type?: string; required?: boolean; autocomplete?: string; maxLength?: number } = {}) => (
    <Field
      name={name}
      label={m.fields[name]}
      hint={m.hints[name]}
      value={props.values[name]}
      error={errors[name]}
      required={extra.required ?? true}
      {...extra}
    />
  );
  return (
    <Layout
      title={m.title}
      breadcrumb={[
        { href: '/admin', label: platformMessages.layout.admin },
        { href: '/admin/organisation', label: m.cardTitle },
      ]}
    >
      <h1>{m.title}</h1>
      <p class="lead">{m.lead}</p>
      {props.saved ? <Notice kind="success">{m.saved}</Notice> : null}
      {props.updatedAt ? <p class="muted">{m.lastChange(formatDateTime(props.updatedAt))}</p> : <Notice kind="warning">{m.defaults}</Notice>}
      <ErrorSummary errors={errors as Record<string, string>} labels={m.fields} />
      <PostForm action="/admin/organisation" class="settings-form">
        <fieldset class="form-section">
          <legend>{m.sections.label}</legend>
          {field('labelName', { maxLength: SETTING_MAX_LENGTHS.labelName })}
          {field('organiserName', { maxLength: SETTING_MAX_LENGTHS.organiserName, autocomplete: 'organization' })}
          <TextAreaField
            name="postalAddress"
            label={m.fields.postalAddress}
            value={props.values.postalAddress}
            error={errors.postalAddress}
            required
            rows={3}
            maxLength={SETTING_MAX_LENGTHS.postalAddress}
          />
          {field('contactEmail', { type: 'email', autocomplete: 'email', maxLength: SETTING_MAX_LENGTHS.contactEmail })}
          {field('phone', { type: 'tel', required: false, autocomplete: 'tel', maxLength: SETTING_MAX_LENGTHS.phone })}
        </fieldset>
        <fieldset class="form-section">
          <legend>{m.sections.legal}</legend>
          {field('publicationDirector', { maxLength: SETTING_MAX_LENGTHS.publicationDirector })}
          {field('hostName', { maxLength: SETTING_MAX_LENGTHS.hostName })}
          <TextAreaField
            name="hostAddress"
            label={m.fields.hostAddress}
            value={props.values.hostAddress}
            error={errors.hostAddress}
            required
            rows={3}
            maxLength={SETTING_MAX_LENGTHS.hostAddress}
          />
          {field('dpoContact', { maxLength: SETTING_MAX_LENGTHS.dpoContact })}
        </fieldset>
        <fieldset class="form-section">
          <legend>{m.sections.accessibility}</legend>
          <SelectField
            name="accessibilityLevel"
            label={m.fields.accessibilityLevel}
            value={props.values.accessibilityLevel}
            error={errors.accessibilityLevel}
            required
            options={ACCESSIBILITY_LEVELS.map((level) => ({ value: level, label: organisationMessages.accessibilityLevels[level] }))}
          />
          {field('complianceRate', { required: false, maxLength: 6 })}
          {field('auditDate', { type: 'date', required: false, maxLength: 10 })}
          {field('auditBy', { required: false, maxLength: SETTING_MAX_LENGTHS.auditBy })}
          {field('statementDate', { type: 'date', maxLength: 10 })}
        </fieldset>
        <button type="submit" class="button">
          {m.save}
        </button>
      </PostForm>
    </Layout>
  );
}
