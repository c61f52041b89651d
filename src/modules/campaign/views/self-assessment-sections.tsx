import { PostForm } from '../../../platform/views/components.tsx';
import { initiativeMessages } from '../../initiatives/messages.ts';
import { campaignMessages } from '../messages.ts';
import { MIN_PEERS, type IgnoredDeclaration, type ServiceAssessment } from '../self-assessment.rules.ts';
import { selfAssessmentMessages } from '../self-assessment.messages.ts';
import type { SelfAssessmentPeers, TerritorySelfAssessment } from '../self-assessment.service.ts';

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

/** The page of one service of the self-assessment, where it is declared « non concerné ». */
export const selfAssessmentServicePath = (territoryCode: string, serviceId: string) =>
  `/espace/${territoryCode}/auto-evaluation/services/${encodeURIComponent(serviceId)}`;

/**
 * The services of one theme with their state and the share of peers covering each. The declaration
 * of an uncovered service is a link to its own page, not a form here: a territory with few sheets
 * has a hundred uncovered services, and a hundred forms made the page too heavy for slow connections.
 */
export function SelfAssessmentServiceList(props: {
  territoryCode: string;
  services: ServiceAssessment[];
  initiatives: TerritorySelfAssessment['initiatives'];
  serviceShare: Record<string, number> | null;
  ignored: IgnoredDeclaration[];
  canDeclare: boolean;
}) {
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
            {props.canDeclare && !service.concerned ? <WithdrawForm territoryCode={props.territoryCode} service={service} /> : null}
            {props.canDeclare && service.concerned && !service.covered ? (
              <>
                {' '}
                <a href={selfAssessmentServicePath(props.territoryCode, service.id)}>
                  {m.declareLink}
                  <span class="visually-hidden">{` : ${service.name}`}</span>
                </a>
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** Withdraws a « non concerné » declaration: the service counts again. */
export function WithdrawForm(props: { territoryCode: string; service: ServiceAssessment }) {
  return (
    <PostForm action={`/espace/${props.territoryCode}/auto-evaluation/non-concerne/retrait`} class="inline-form">
      <input type="hidden" name="serviceId" value={props.service.id} />{' '}
      <button type="submit" class="button button--small button--secondary" aria-label={m.withdraw(props.service.name)}>
        {m.withdrawShort}
      </button>
    </PostForm>
  );
}

export function ServiceState(props: { service: ServiceAssessment; initiatives: TerritorySelfAssessment['initiatives'] }) {
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
