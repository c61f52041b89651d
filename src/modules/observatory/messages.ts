import { formatNumber } from '../../platform/views/format.ts';
import type { Facet } from './facets.ts';

/** French texts of the observatory: the search of initiatives, its facets and its API. */
export const observatoryMessages = {
  menu: 'Initiatives',
  facets: {
    names: {
      axis: 'Axe',
      theme: 'Enjeu',
      service: 'Service',
      status: 'État',
      region: 'Région',
      department: 'Département',
      stratum: 'Strate',
      category: 'Catégorie',
      labelLevel: 'Niveau au label',
      year: 'Année',
      actor: 'Acteur',
      audience: 'Public visé',
      responsibleDigital: 'Numérique responsable',
    } satisfies Record<Facet, string>,
    responsibleDigitalYes: 'Oui',
    responsibleDigitalNo: 'Non',
    /** The "no filter" choice agrees with the facet’s name: « Région : Toutes », « Département : Tous ». */
    all: {
      axis: 'Tous',
      theme: 'Tous',
      service: 'Tous',
      status: 'Tous',
      region: 'Toutes',
      department: 'Tous',
      stratum: 'Toutes',
      category: 'Toutes',
      labelLevel: 'Tous',
      year: 'Toutes',
      actor: 'Tous',
      audience: 'Tous',
      responsibleDigital: 'Tous',
    } satisfies Record<Facet, string>,
    remove: (facet: string, label: string) => `Retirer le filtre ${facet} : ${label}`,
  },
  search: {
    title: 'Initiatives des territoires',
    intro: 'Ce que font les communes, intercommunalités, départements et régions avec le numérique : cherchez une action, filtrez, inspirez-vous.',
    label: 'Rechercher une initiative',
    hint: 'Un ou plusieurs mots : « congés », « ordinateurs reconditionnés », « cybersécurité mairie »…',
    submit: 'Rechercher',
    filters: 'Affiner',
    apply: 'Appliquer les filtres',
    reset: 'Tout effacer',
    results: (n: number) => (n === 0 ? 'Aucune initiative' : n === 1 ? '1 initiative' : `${formatNumber(n)} initiatives`),
    none: 'Aucune initiative ne correspond. Essayez moins de mots ou retirez un filtre.',
    corrected: (words: string) => `Aucun résultat pour votre saisie exacte : résultats pour « ${words} ».`,
    ignored: (facet: string, value: string) => `Filtre ignoré : ${facet} « ${value} » n’existe pas.`,
    page: 'page',
    chosen: 'Filtres choisis',
    resultsRegion: 'Résultats',
  },
  feed: {
    title: 'arobase — nouvelles initiatives numériques des territoires',
    filteredTitle: 'arobase — nouvelles initiatives (recherche filtrée)',
    description: 'Les fiches d’initiative publiées sur l’observatoire arobase, les plus récentes d’abord.',
    licence: 'Licence Ouverte 2.0',
    link: 'Suivre ces résultats (flux Atom)',
  },
  sheetServices: {
    hint: 'Chaque service mène aux autres initiatives publiées qui le couvrent.',
  },
  similar: {
    title: 'Initiatives similaires dans d’autres territoires',
    shared: (n: number) => (n === 1 ? '1 service en commun' : `${n} services en commun`),
  },
  api: {
    searchSummary: 'Chercher des initiatives publiques (texte et facettes)',
  },
} as const;
