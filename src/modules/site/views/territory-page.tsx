import { DataTable, formatNumber } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import type { PublicInitiativeCard } from '../../initiatives/public-initiatives.service.ts';
import type { TerritoryLabel } from '../../palmares/label-history.service.ts';
import { LabelHistorySection } from '../../palmares/views/label-history.tsx';
import { PublicSelfAssessmentSection } from '../../campaign/views/self-assessment-public.tsx';
import type { PublicSelfAssessmentSummary } from '../../campaign/self-assessment.service.ts';
import { InitiativeCards } from '../../initiatives/views/initiative-cards.tsx';
import type { PublicInterview } from '../../jury/interviews.service.ts';
import { TerritoryInterviewsSection } from '../../jury/views/interviews-page.tsx';
import type { AreaLaureates, LabelArea } from '../../label/area-laureates.service.ts';
import { resultsMessages } from '../../label/messages.ts';
import type { PublicResponsibleDigital } from '../../nr/public-section.service.ts';
import { NrPublicSection } from '../../nr/views/nr-public-section.tsx';
import { territoryPageMessages } from '../territory-page.messages.ts';
import type { TerritoryDetails } from '../../territories/territory-details.service.ts';
import { territoryMessages } from '../../territories/messages.ts';
import type { TerritoryCategory, TerritoryStratum } from '../../territories/territory.rules.ts';

const m = territoryMessages.page;
const p = territoryPageMessages;
const { kinds, categories, strata, epciLegalForms } = territoryMessages;

export type TerritoryPageProps = {
  territory: TerritoryDetails;
  initiatives: PublicInitiativeCard[];
  label: TerritoryLabel;
  baseUrl: string;
  /** The label's name (the organisation's settings), for the badge. */
  labelName: string;
  /** A département's or a région's laureates in the latest published edition (null result: none published yet). */
  areaLaureates: { area: LabelArea; result: AreaLaureates | null } | null;
  /** An intercommunality's members' latest published level, by code. */
  memberLevels: ReadonlyMap<string, { year: number; level: number }>;
  /** The self-assessment from its published sheets; null when it does not take part in the label. */
  selfAssessment?: PublicSelfAssessmentSummary | null;
  /** Its interviews published with the results of their edition, where it agreed, newest first. */
  interviews?: PublicInterview[];
  /** What it made public of its responsible-digital work; null or absent: nothing. */
  responsibleDigital?: PublicResponsibleDigital | null;
};

export function TerritoryPage(props: TerritoryPageProps) {
  const t = props.territory;
  const kindLabel = t.kind === 'epci' && t.legalForm ? (epciLegalForms[t.legalForm] ?? kinds.epci) : kinds[t.kind];
  return (
    <Layout
      title={t.name}
      description={m.description(kindLabel, t.name)}
      breadcrumb={[
        { href: '/territoires', label: territoryMessages.breadcrumb },
        { href: `/territoires/${t.code}`, label: t.name },
      ]}
    >
      <p class="eyebrow">{kindLabel}</p>
      <h1>{t.name}</h1>
      <section aria-labelledby="titre-identite" class="section">
        <h2 id="titre-identite">{m.identity}</h2>
        <dl class="facts">
          <div>
            <dt>{m.population}</dt>
            <dd>{t.population !== null ? territoryMessages.inhabitants(t.population) : m.populationUnknown}</dd>
          </div>
          <div>
            <dt>{m.category}</dt>
            <dd>{categories[t.category as TerritoryCategory]}</dd>
          </div>
          {t.stratum ? (
            <div>
              <dt>{m.stratum}</dt>
              <dd>{strata[t.stratum as TerritoryStratum]}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t.kind === 'commune' ? m.inseeCode : t.kind === 'epci' ? m.siren : m.officialCode}</dt>
            <dd>{t.officialCode}</dd>
          </div>
          {t.kind === 'commune' && t.siren ? (
            <div>
              <dt>{m.siren}</dt>
              <dd>{t.siren}</dd>
            </div>
          ) : null}
          {t.postcodes.length ? (
            <div>
              <dt>{m.postcodes(t.postcodes.length)}</dt>
              <dd>{t.postcodes.join(', ')}</dd>
            </div>
          ) : null}
          {t.department ? (
            <div>
              <dt>{m.department}</dt>
              <dd>
                <a href={`/territoires/${t.department.code}`}>{`${t.department.name} (${t.department.code})`}</a>
              </dd>
            </div>
          ) : null}
          {t.region ? (
            <div>
              <dt>{m.region}</dt>
              <dd>
                <a href={`/territoires/${t.region.publicCode}`}>{t.region.name}</a>
              </dd>
            </div>
          ) : null}
          {t.kind === 'commune' ? (
            <div>
              <dt>{m.epci}</dt>
              <dd>{t.epci ? <a href={`/territoires/${t.epci.code}`}>{t.epci.name}</a> : m.noEpci}</dd>
            </div>
          ) : null}
        </dl>
      </section>
      {t.kind === 'epci' ? (
        <section aria-labelledby="titre-membres" class="section">
          <h2 id="titre-membres">{m.memberCount(t.members.length)}</h2>
          <p>{p.members.summary(t.members.filter((member) => props.memberLevels.has(member.code)).length, t.members.length)}</p>
          <DataTable id="legende-membres" caption={m.membersCaption(t.name)}>
            <thead>
              <tr>
                <th scope="col">{m.memberColumn}</th>
                <th scope="col">{m.inseeCodeColumn}</th>
                <th scope="col" class="num">
                  {m.populationColumn}
                </th>
                <th scope="col">{p.members.labelColumn}</th>
              </tr>
            </thead>
            <tbody>
              {t.members.map((member) => (
                <tr key={member.code}>
                  <th scope="row">
                    <a href={`/territoires/${member.code}`}>{member.name}</a>
                  </th>
                  <td>{member.code}</td>
                  <td class="num">{member.population !== null ? formatNumber(member.population) : '—'}</td>
                  <MemberLabelCell level={props.memberLevels.get(member.code)} />
                </tr>
              ))}
            </tbody>
          </DataTable>
        </section>
      ) : null}
      {props.areaLaureates ? <AreaLaureatesSection name={t.name} {...props.areaLaureates} /> : null}
      <LabelHistorySection territory={t} label={props.label} baseUrl={props.baseUrl} title={m.labelTitle} labelName={props.labelName} />
      {props.interviews?.length ? <TerritoryInterviewsSection interviews={props.interviews} /> : null}
      {props.selfAssessment ? <PublicSelfAssessmentSection name={t.name} summary={props.selfAssessment} /> : null}
      {props.responsibleDigital ? <NrPublicSection data={props.responsibleDigital} /> : null}
      <section aria-labelledby="titre-initiatives" class="section">
        <h2 id="titre-initiatives">{m.initiativesTitle(props.initiatives.length)}</h2>
        {props.initiatives.length ? <InitiativeCards cards={props.initiatives} /> : <p>{m.noInitiative}</p>}
      </section>
    </Layout>
  );
}

/** A member commune's latest level, or that it has none: a text, not a colour. */
function MemberLabelCell(props: { level: { year: number; level: number } | undefined }) {
  return props.level ? (
    <td>
      <span class="level__signs" aria-hidden="true">
        {resultsMessages.levelSigns(props.level.level)}
      </span>{' '}
      {p.members.labelled(props.level.level, props.level.year)}
    </td>
  ) : (
    <td class="muted">{p.members.notLabelled}</td>
  );
}

/** A département's or a région's laureates of the latest edition, linked to the palmarès filtered on it. */
function AreaLaureatesSection(props: { name: string; area: LabelArea; result: AreaLaureates | null }) {
  const { result } = props;
  if (!result) {
    return (
      <section aria-labelledby="titre-laureats" class="section">
        <h2 id="titre-laureats">{p.laureates.titleWithoutEdition}</h2>
        <p>{p.laureates.noEdition}</p>
      </section>
    );
  }
  const filter = props.area.kind === 'departement' ? 'departement' : 'region';
  return (
    <section aria-labelledby="titre-laureats" class="section">
      <h2 id="titre-laureats">{p.laureates.title(result.year, result.laureates.length)}</h2>
      {result.laureates.length === 0 ? (
        <p>{p.laureates.none(result.year)}</p>
      ) : (
        <DataTable id="legende-laureats" caption={p.laureates.caption(props.name, result.year)}>
          <thead>
            <tr>
              <th scope="col">{p.laureates.territory}</th>
              <th scope="col">{p.laureates.level}</th>
              <th scope="col">{p.laureates.distinctions}</th>
            </tr>
          </thead>
          <tbody>
            {result.laureates.map((laureate) => (
              <tr key={laureate.code}>
                <th scope="row">
                  <a href={`/territoires/${encodeURIComponent(laureate.code)}`}>{laureate.name}</a>
                </th>
                <td>{resultsMessages.levelShort(laureate.level)}</td>
                <td>
                  {laureate.distinctions.length
                    ? laureate.distinctions.map((code) => result.distinctionNames[code] ?? code).join(', ')
                    : p.laureates.noDistinction}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <p>
        <a href={`/palmares/${result.year}?${filter}=${encodeURIComponent(props.area.code)}`}>{p.laureates.palmaresLink(result.year)}</a>
      </p>
    </section>
  );
}
