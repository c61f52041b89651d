import type { FunctionComponent } from 'preact';
import { PostForm } from '../../platform/views/components.tsx';
import { initiativeMessages } from '../initiatives/messages.ts';
import { campaignMessages } from './messages.ts';
import { MIN_PEERS, type IgnoredDeclaration, type ServiceAssessment } from './self-assessment.rules.ts';
import { selfAssessmentMessages } from './self-assessment.messages.ts';
import type { SelfAssessmentPeers, TerritorySelfAssessment } from './self-assessment.service.ts';

const m = selfAssessmentMessages.page;

/** The territory's position among its peers, or why it is not given. */
export function SelfAssessmentPeersSection(props: { peers: SelfAssessmentPeers }) {
  const { peers } = props;
  return (
    <section class="section" aria-labelledby="titre-strate">
      <h2 id="titre-strate">{m.peersTitle}</h2>
      {!peers.label ? (
        <p>{m.peersNoStratum}</p>
      ) : peers.position ? (
        <>
          <p>
            <strong>{m.peersAbove(peers.position.belowPercent, peers.label)}</strong>
          </p>
          <p>{m.peersCount(peers.count)}</p>
        </>
      ) : (
        <p>{m.peersTooFew(peers.count, MIN_PEERS, peers.label)}</p>
      )}
      <p class="muted">{m.peersRule}</p>
    </section>
  );
}

type Refused = { serviceId: string; field: string; message: string; reason: string };
type DeclareFormProps = { territoryCode: string; service: ServiceAssessment; refused?: Refused };

/** The services of one theme with their state, the share of peers covering each, and the declaration's forms. */
export function SelfAssessmentServiceList(props: {
  territoryCode: string;
  services: ServiceAssessment[];
  initiatives: TerritorySelfAssessment['initiatives'];
  serviceShare: Record<string, number> | null;
  ignored: IgnoredDeclaration[];
  canDeclare: boolean;
  refused?: Refused;
  declareForm: FunctionComponent<DeclareFormProps>;
}) {
  const DeclareForm = props.declareForm;
  return (
    <ul class="service-states">
      {props.services.map((service) => {
        const ignored = props.ignored.find((d) => d.serviceId === service.id);
        const share = props.serviceShare?.[service.id];
        return (
          <li key={service.id} id={`service-${service.id}`}>
            <strong>{service.name}</strong>
            {' — '}
            <ServiceState service={service} initiatives={props.initiatives} />
            {share !== undefined ? <span class="muted">{` ${campaignMessages.selfAssessment.serviceShare(share)}.`}</span> : null}
            {ignored ? <p class="muted">{`${m.ignored} : ${ignored.message}`}</p> : null}
            {props.canDeclare && !service.concerned ? (
              <PostForm action={`/espace/${props.territoryCode}/auto-evaluation/non-concerne/retrait`} class="inline-form">
                <input type="hidden" name="serviceId" value={service.id} />{' '}
                <button type="submit" class="button button--small button--secondary" aria-label={m.withdraw(service.name)}>
                  {m.withdrawShort}
                </button>
              </PostForm>
            ) : null}
            {props.canDeclare && service.concerned && !service.covered ? (
              <DeclareForm territoryCode={props.territoryCode} service={service} refused={props.refused} />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

function ServiceState(props: { service: ServiceAssessment; initiatives: TerritorySelfAssessment['initiatives'] }) {
  const { service } = props;
  if (!service.concerned) return <span>{m.notConcernedBecause(service.notConcernedReason ?? '')}</span>;
  const covering = service.initiativeIds.flatMap((id) => {
    const initiative = props.initiatives[id];
    return initiative ? [{ id, ...initiative }] : [];
  });
  if (!service.covered && covering.length === 0) return <span>{m.notYet}</span>;
  return (
    <span>
      {service.covered ? m.coveredBy : m.notYet}
      {service.covered ? ' ' : ' ('}
      {covering.map((i, k) => (
        <span key={i.id}>
          {k > 0 ? ', ' : ''}
          <a href={`/initiatives/${i.id}`}>{i.title}</a>
          {` (${initiativeMessages.statuses[i.status].toLowerCase()})`}
        </span>
      ))}
      {service.covered ? '' : ')'}
    </span>
  );
}
