import { formatNumber } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import type { TerritoryDetails } from '../territory-details.service.ts';
import {
  CATEGORY_LABELS,
  EPCI_LEGAL_FORM_LABELS,
  KIND_LABELS,
  STRATUM_LABELS,
  type TerritoryCategory,
  type TerritoryStratum,
} from '../territory.rules.ts';

export function TerritoryPage(props: { territory: TerritoryDetails }) {
  const t = props.territory;
  const kindLabel = t.kind === 'epci' && t.legalForm ? (EPCI_LEGAL_FORM_LABELS[t.legalForm] ?? KIND_LABELS.epci) : KIND_LABELS[t.kind];
  return (
    <Layout
      title={t.name}
      description={`${kindLabel} ${t.name} : identité, population et intercommunalité.`}
      breadcrumb={[
        { href: '/territoires', label: 'Territoires' },
        { href: `/territoires/${t.code}`, label: t.name },
      ]}
    >
      <p class="eyebrow">{kindLabel}</p>
      <h1>{t.name}</h1>
      <section aria-labelledby="titre-identite" class="section">
        <h2 id="titre-identite">Identité</h2>
        <dl class="facts">
          <div>
            <dt>Population</dt>
            <dd>{t.population !== null ? `${formatNumber(t.population)} habitants` : 'Non renseignée'}</dd>
          </div>
          <div>
            <dt>Catégorie au label</dt>
            <dd>{CATEGORY_LABELS[t.category as TerritoryCategory]}</dd>
          </div>
          {t.stratum ? (
            <div>
              <dt>Strate</dt>
              <dd>{STRATUM_LABELS[t.stratum as TerritoryStratum]}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t.kind === 'commune' ? 'Code INSEE' : t.kind === 'epci' ? 'SIREN' : 'Code officiel'}</dt>
            <dd>{t.officialCode}</dd>
          </div>
          {t.kind === 'commune' && t.siren ? (
            <div>
              <dt>SIREN</dt>
              <dd>{t.siren}</dd>
            </div>
          ) : null}
          {t.postcodes.length ? (
            <div>
              <dt>{t.postcodes.length > 1 ? 'Codes postaux' : 'Code postal'}</dt>
              <dd>{t.postcodes.join(', ')}</dd>
            </div>
          ) : null}
          {t.department ? (
            <div>
              <dt>Département</dt>
              <dd><a href={`/territoires/${t.department.code}`}>{`${t.department.name} (${t.department.code})`}</a></dd>
            </div>
          ) : null}
          {t.region ? (
            <div>
              <dt>Région</dt>
              <dd><a href={`/territoires/${t.region.publicCode}`}>{t.region.name}</a></dd>
            </div>
          ) : null}
          {t.kind === 'commune' ? (
            <div>
              <dt>Intercommunalité</dt>
              <dd>{t.epci ? <a href={`/territoires/${t.epci.code}`}>{t.epci.name}</a> : 'Aucune (commune isolée)'}</dd>
            </div>
          ) : null}
        </dl>
      </section>
      {t.kind === 'epci' ? (
        <section aria-labelledby="titre-membres" class="section">
          <h2 id="titre-membres">{`${formatNumber(t.members.length)} communes membres`}</h2>
          <div class="table-wrapper" role="region" tabIndex={0} aria-labelledby="legende-membres">
            <table class="table">
              <caption class="visually-hidden" id="legende-membres">Communes membres de {t.name}, de la plus peuplée à la moins peuplée</caption>
              <thead>
                <tr>
                  <th scope="col">Commune</th>
                  <th scope="col">Code INSEE</th>
                  <th scope="col" class="num">Population</th>
                </tr>
              </thead>
              <tbody>
                {t.members.map((m) => (
                  <tr key={m.code}>
                    <th scope="row"><a href={`/territoires/${m.code}`}>{m.name}</a></th>
                    <td>{m.code}</td>
                    <td class="num">{m.population !== null ? formatNumber(m.population) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      <section aria-labelledby="titre-label" class="section">
        <h2 id="titre-label">Label et initiatives</h2>
        <p>L'historique au label et les initiatives numériques de ce territoire apparaîtront ici dès qu'ils seront publiés.</p>
      </section>
    </Layout>
  );
}
