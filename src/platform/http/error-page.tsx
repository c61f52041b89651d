import { Layout } from '../views/layout.tsx';

const TITLES: Record<number, string> = {
  400: 'Demande incorrecte',
  403: 'Accès refusé',
  404: 'Page introuvable',
  409: 'Conflit de modification',
  413: 'Fichier trop volumineux',
  429: 'Trop de tentatives',
  500: 'Erreur du serveur',
  503: 'Service indisponible',
};

export function ErrorPage(props: { statusCode: number; message: string }) {
  const title = TITLES[props.statusCode] ?? 'Erreur';
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p class="lead">{props.message}</p>
      <p>
        <a href="/">Revenir à l'accueil</a> ou <a href="/territoires">chercher un territoire</a>.
      </p>
    </Layout>
  );
}
