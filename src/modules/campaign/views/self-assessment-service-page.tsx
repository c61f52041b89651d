import { ErrorSummary, Notice, PostForm, TextAreaField } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { initiativeMessages } from '../../initiatives/messages.ts';
import { campaignMessages } from '../messages.ts';
import { selfAssessmentMessages } from '../self-assessment.messages.ts';
import { NOT_CONCERNED_REASON_MAX, type ServiceSelfAssessment } from '../self-assessment.service.ts';
import { selfAssessmentPath } from './self-assessment-page.tsx';
import { selfAssessmentServicePath, ServiceState, WithdrawForm } from './self-assessment-sections.tsx';

const m = selfAssessmentMessages.page;
const sm = selfAssessmentMessages.service;

export type SelfAssessmentServicePageProps = {
  data: ServiceSelfAssessment;
  canDeclare: boolean;
  /** A refused declaration: its field, message and the reason as typed. */
  refused?: { field: string; message: string; reason: string };
};

/** /espace/:code/auto-evaluation/services/:serviceId: one service, its state, and its « non concerné » declaration. */
export function SelfAssessmentServicePage(props: SelfAssessmentServicePageProps) {
  const { territory, service, axis, theme } = props.data;
  const back = `${selfAssessmentPath(territory.code)}#service-${service.id}`;
  const refused = props.refused;
  return (
    <Layout
      title={sm.title(service.name)}
      breadcrumb={[
        { href: '/espace', label: initiativeMessages.workspace.title },
        { href: `/espace/${territory.code}`, label: territory.name },
        { href: selfAssessmentPath(territory.code), label: m.breadcrumb },
        { href: selfAssessmentServicePath(territory.code, service.id), label: service.name },
      ]}
    >
      <h1>{service.name}</h1>
      <ErrorSummary errors={refused ? { [refused.field]: refused.message } : {}} labels={m.fieldLabels} unlinked={['serviceId']} />
      <p>{sm.theme(axis.name, theme.name)}</p>
      <p>
        <a href={back}>{sm.back}</a>
      </p>

      <section class="section" aria-labelledby="titre-etat">
        <h2 id="titre-etat">{sm.stateTitle}</h2>
        <p>
          <ServiceState service={service} initiatives={props.data.initiatives} />
        </p>
        {props.data.peerShare !== null ? <p class="muted">{`${campaignMessages.selfAssessment.serviceShare(props.data.peerShare)}.`}</p> : null}
        {props.data.ignored ? <p class="muted">{`${m.ignored} : ${props.data.ignored.message}`}</p> : null}
        {service.covered ? <p>{sm.coveredNote}</p> : null}
      </section>

      {!service.concerned ? (
        <section class="section" aria-labelledby="titre-declaration">
          <h2 id="titre-declaration">{sm.declaredTitle}</h2>
          <p>{sm.declaredLead}</p>
          {props.canDeclare ? <WithdrawForm territoryCode={territory.code} service={service} /> : <p class="muted">{sm.readOnly}</p>}
        </section>
      ) : !service.covered ? (
        <section class="section" aria-labelledby="titre-declaration">
          <h2 id="titre-declaration">{sm.declareTitle}</h2>
          <p>{sm.declareLead}</p>
          {props.canDeclare ? (
            <PostForm action={`${selfAssessmentPath(territory.code)}/non-concerne`} leaveWarning={refused ? 'dirty' : 'clean'}>
              <input type="hidden" name="serviceId" value={service.id} />
              <TextAreaField
                name="reason"
                label={m.reasonLabel}
                hint={m.reasonHint}
                required
                rows={3}
                maxLength={NOT_CONCERNED_REASON_MAX}
                value={refused?.reason}
                error={refused?.field === 'reason' ? refused.message : undefined}
              />
              <button type="submit" class="button">
                {m.declare}
              </button>
            </PostForm>
          ) : (
            <Notice kind="info">{sm.readOnly}</Notice>
          )}
        </section>
      ) : null}
    </Layout>
  );
}
