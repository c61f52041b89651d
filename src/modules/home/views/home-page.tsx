import { formatNumber } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import type { TerritoryKind } from '../../territories/territory.rules.ts';

export function HomePage(props: { counts: Record<TerritoryKind, number> }) {
  const { counts } = props;
  return (
    <Layout
      title="arobase"
      description="Le label national des politiques numériques locales et l'observatoire des initiatives numériques des territoires."
    >
      <section class="hero" aria-labelledby="titre-accueil">
        <h1 id="titre-accueil">Le numérique des territoires, partagé pour être copié</h1>
        <p class="lead">
          Villages, villes et intercommunalités documentent ici leurs initiatives numériques, s'évaluent et
          candidatent chaque année au label, noté de 1 à 5 @. Un jury les examine, le palmarès est publié, et chaque
          initiative reste consultable pour que d'autres territoires s'en inspirent.
        </p>
        <form method="get" action="/territoires" role="search" class="search-box" aria-label="Chercher un territoire">
          <label for="recherche-accueil">Chercher une commune, une intercommunalité, un département ou une région</label>
          <div class="search-box__row">
            <input
              id="recherche-accueil"
              name="q"
              type="search"
              autocomplete="off"
              placeholder="Par exemple : Trélazé, Le Trait, Aunis Atlantique"
            />
            <button type="submit" class="button">Rechercher</button>
          </div>
        </form>
      </section>
      <section aria-labelledby="titre-chiffres" class="section">
        <h2 id="titre-chiffres">Tous les territoires de France</h2>
        <ul class="stat-list">
          <li><span class="stat-list__value">{formatNumber(counts.commune)}</span> communes</li>
          <li><span class="stat-list__value">{formatNumber(counts.epci)}</span> intercommunalités</li>
          <li><span class="stat-list__value">{formatNumber(counts.departement)}</span> départements</li>
          <li><span class="stat-list__value">{formatNumber(counts.region)}</span> régions</li>
        </ul>
        <p>
          <a href="/territoires">Parcourir l'annuaire des territoires</a>
        </p>
      </section>
      <section aria-labelledby="titre-qui" class="section">
        <h2 id="titre-qui">Pour qui ?</h2>
        <div class="card-grid">
          <div class="card">
            <h3>Élus et agents</h3>
            <p>Tenez à jour les initiatives de votre territoire, évaluez-vous et préparez votre candidature au label.</p>
            <p><a href="/connexion">Se connecter à son espace</a></p>
          </div>
          <div class="card">
            <h3>Autres territoires</h3>
            <p>Voyez ce que font les communes et intercommunalités de votre taille, et reprenez ce qui marche.</p>
            <p><a href="/territoires">Trouver un territoire</a></p>
          </div>
          <div class="card">
            <h3>Citoyens et presse</h3>
            <p>Consultez l'identité de chaque territoire et, bientôt, son historique au label et ses initiatives.</p>
          </div>
        </div>
      </section>
    </Layout>
  );
}
