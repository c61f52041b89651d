import { formatNumber } from '../../platform/views/format.ts';

const territories = (n: number) => (n === 1 ? '1 territoire' : `${formatNumber(n)} territoires`);
const average = (value: number | null) => (value === null ? '—' : formatNumber(value));

/** French texts of the statistics page (/statistiques). */
export const statisticsMessages = {
  title: 'Statistiques du label',
  description: 'Niveaux attribués à chaque édition du label, évolution, et répartition des territoires labellisés par région, strate et catégorie.',
  breadcrumb: 'Statistiques',
  lead: 'Les chiffres des palmarès publiés : les niveaux attribués à chaque édition, leur évolution, puis la répartition des territoires labellisés d’une édition.',
  empty: 'Aucun palmarès n’est encore publié : les statistiques apparaîtront avec le premier.',
  palmaresLink: 'Consulter les palmarès',
  summary: (editions: number, first: number, last: number, labels: number) =>
    editions === 1
      ? `Une édition publiée, ${first} : ${territories(labels)} labellisé${labels > 1 ? 's' : ''}.`
      : `${formatNumber(editions)} éditions publiées, de ${first} à ${last} : ${formatNumber(labels)} label${labels > 1 ? 's' : ''} attribué${labels > 1 ? 's' : ''} en tout.`,
  latestSummary: (year: number, total: number, top: number, avg: number | null) =>
    `En ${year}, ${territories(total)} labellisé${total > 1 ? 's' : ''}, dont ${formatNumber(top)} à 5 @` +
    (avg === null ? '.' : ` ; niveau moyen ${average(avg)} @.`),
  ignoredEdition: (value: string, year: number) => `L’édition « ${value} » n’a pas de palmarès publié : les chiffres de ${year} sont affichés.`,
  levelColumn: (level: number) => `${level} @`,
  total: 'Total',
  averageColumn: 'Niveau moyen',
  average,
  levels: {
    title: 'Niveaux attribués par édition',
    chartTitle: 'Territoires labellisés par niveau et par édition',
    description: (first: number, last: number) =>
      `Barres empilées : pour chaque édition de ${first} à ${last}, le nombre de territoires labellisés à chaque niveau, de 1 @ en bas à 5 @ en haut.`,
    caption: 'Territoires labellisés par niveau et par édition',
    categoryLabel: 'Édition',
    valueLabel: 'Territoires',
  },
  trend: {
    title: 'Évolution',
    countTitle: 'Nombre de territoires labellisés',
    countChart: 'Nombre de territoires labellisés par édition',
    countDescription: (first: number, last: number) => `Courbe du nombre de territoires labellisés à chaque édition, de ${first} à ${last}.`,
    countCaption: 'Nombre de territoires labellisés par édition',
    countSeries: 'Territoires labellisés',
    averageTitle: 'Niveau moyen',
    averageChart: 'Niveau moyen des territoires labellisés par édition',
    averageDescription: (first: number, last: number) =>
      `Courbe du niveau moyen des territoires labellisés à chaque édition, de ${first} à ${last}, sur une échelle de 1 @ à 5 @.`,
    averageCaption: 'Niveau moyen des territoires labellisés par édition',
    averageSeries: 'Niveau moyen',
    categoryLabel: 'Édition',
    valueLabel: 'Territoires',
    averageValueLabel: 'Niveau',
  },
  detail: {
    title: (year: number) => `L’édition ${year} en détail`,
    formLabel: 'Choisir une édition',
    editionLabel: 'Édition',
    submit: 'Afficher',
    palmaresLink: (year: number) => `Le palmarès ${year} territoire par territoire`,
    byRegion: 'Par région',
    byStratum: 'Par strate de population',
    byCategory: 'Par catégorie',
    regionCount: (n: number) => (n === 1 ? 'Une région représentée.' : `${formatNumber(n)} régions représentées.`),
    chartTitle: (by: string, year: number) => `Territoires labellisés en ${year}, ${by.toLowerCase()}`,
    description: (by: string, year: number) =>
      `Barres horizontales empilées : ${by.toLowerCase()}, le nombre de territoires labellisés en ${year} à chaque niveau, de 1 @ à gauche à 5 @ à droite, et leur total au bout de la barre.`,
    caption: (by: string, year: number) => `Territoires labellisés en ${year} par niveau, ${by.toLowerCase()}`,
    region: 'Région',
    stratum: 'Strate',
    category: 'Catégorie',
    valueLabel: 'Territoires',
    noStratum: 'Population inconnue',
    noResult: 'Aucun territoire n’a été labellisé dans cette édition.',
  },
} as const;
