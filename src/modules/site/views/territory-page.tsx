import { DataTable, formatNumber } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import type { PublicInitiativeCard } from '../../initiatives/public-initiatives.service.ts';
import type { TerritoryLabel } from '../../palmares/label-history.service.ts';
import { LabelHistorySection } from '../../palmares/views/label-history.tsx';
import { InitiativeCards } from '../../initiatives/views/initiative-cards.tsx';
import type { TerritoryDetails } from '../../territories/territory-details.service.ts';
import { territoryMessages } from '../../territories/messages.ts';
import type { TerritoryCategory, TerritoryStratum } from '../../territories/territory.rules.ts';

const m = territoryMessages.page;
const { kinds, categories, strata, epciLegalForms } = territoryMessages;

export function TerritoryPage(props: { territory: TerritoryDetails; initiatives: PublicInitiativeCard[]; label: TerritoryLabel; baseUrl: string }) {
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
          <DataTable id="legende-membres" caption={m.membersCaption(t.name)}>
            <thead>
              <tr>
                <th scope="col">{m.memberColumn}</th>
                <th scope="col">{m.inseeCodeColumn}</th>
                <th scope="col" class="num">
                  {m.populationColumn}
                </th>
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
                </tr>
              ))}
            </tbody>
          </DataTable>
        </section>
      ) : null}
      <LabelHistorySection territory={t} label={props.label} baseUrl={props.baseUrl} title={m.labelTitle} />
      <section aria-labelledby="titre-initiatives" class="section">
        <h2 id="titre-initiatives">{m.initiativesTitle(props.initiatives.length)}</h2>
        {props.initiatives.length ? <InitiativeCards cards={props.initiatives} /> : <p>{m.noInitiative}</p>}
      </section>
    </Layout>
  );
}
