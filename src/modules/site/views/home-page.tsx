import { formatNumber } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { platformMessages } from '../../../platform/views/messages.ts';
import type { TerritoryKind } from '../../territories/territory.rules.ts';
import { actorMessages } from '../../actors/messages.ts';
import { referentialMessages } from '../../referential/messages.ts';
import type { EditionSummary } from '../../label/results.service.ts';
import { LEVELS } from '../../label/results.rules.ts';
import { resultsMessages } from '../../label/messages.ts';
import { homeMessages as m } from '../home.messages.ts';

export function HomePage(props: { counts: Record<TerritoryKind, number>; latestEdition: EditionSummary | null }) {
  const { counts, latestEdition } = props;
  return (
    <Layout title={platformMessages.siteName} description={m.page.description}>
      <section class="hero" aria-labelledby="titre-accueil">
        <h1 id="titre-accueil">{m.page.title}</h1>
        <p class="lead">{m.page.lead}</p>
        <form method="get" action="/territoires" role="search" class="search-box" aria-label={m.page.searchLabel}>
          <label for="recherche-accueil">{m.page.searchFieldLabel}</label>
          <div class="search-box__row">
            <input id="recherche-accueil" name="q" type="search" autocomplete="off" placeholder={m.page.searchPlaceholder} />
            <button type="submit" class="button">
              {m.page.searchButton}
            </button>
          </div>
        </form>
      </section>
      {latestEdition ? (
        <section aria-labelledby="titre-palmares" class="section">
          <h2 id="titre-palmares">{m.palmares.title(latestEdition.year)}</h2>
          <p>{m.palmares.summary(latestEdition.total)}</p>
          <ul class="stat-list">
            {[...LEVELS].reverse().map((level) => (
              <li key={level}>
                <span class="stat-list__value">{formatNumber(latestEdition.levels[level])}</span> {m.palmares.atLevel(resultsMessages.levelShort(level))}
              </li>
            ))}
          </ul>
          <p>
            <a href={`/palmares/${latestEdition.year}`}>{m.palmares.link(latestEdition.year)}</a> · <a href="/statistiques">{m.palmares.statistics}</a>
          </p>
        </section>
      ) : null}
      <section aria-labelledby="titre-chiffres" class="section">
        <h2 id="titre-chiffres">{m.figures.title}</h2>
        <ul class="stat-list">
          <li>
            <span class="stat-list__value">{formatNumber(counts.commune)}</span> {m.figures.communes}
          </li>
          <li>
            <span class="stat-list__value">{formatNumber(counts.epci)}</span> {m.figures.epcis}
          </li>
          <li>
            <span class="stat-list__value">{formatNumber(counts.departement)}</span> {m.figures.departements}
          </li>
          <li>
            <span class="stat-list__value">{formatNumber(counts.region)}</span> {m.figures.regions}
          </li>
        </ul>
        <p>
          <a href="/territoires">{m.figures.directoryLink}</a>
        </p>
      </section>
      <section aria-labelledby="titre-qui" class="section">
        <h2 id="titre-qui">{m.audiences.title}</h2>
        <div class="card-grid">
          <div class="card">
            <h3>{m.audiences.members.title}</h3>
            <p>{m.audiences.members.text}</p>
            <p>
              <a href="/connexion">{m.audiences.members.link}</a>
            </p>
          </div>
          <div class="card">
            <h3>{m.audiences.peers.title}</h3>
            <p>{m.audiences.peers.text}</p>
            <p>
              <a href="/initiatives">{m.audiences.peers.initiativesLink}</a>
            </p>
            <p>
              <a href="/territoires">{m.audiences.peers.link}</a>
            </p>
            <p>
              <a href="/acteurs">{actorMessages.directory.homeLink}</a>
            </p>
          </div>
          <div class="card">
            <h3>{m.audiences.public.title}</h3>
            <p>{m.audiences.public.text}</p>
            <p>
              <a href="/palmares">{m.audiences.public.palmaresLink}</a>
            </p>
            <p>
              <a href="/referentiel">{referentialMessages.homeLink}</a>
            </p>
          </div>
        </div>
      </section>
    </Layout>
  );
}
