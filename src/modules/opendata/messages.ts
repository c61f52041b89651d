import type { ComponentChildren } from 'preact';
import { formatDate, formatDateTime, formatNumber } from '../../platform/views/format.ts';
import type { ColumnType } from './dataset.ts';

const rows = (n: number) => (n === 0 ? 'aucune ligne' : n === 1 ? '1 ligne' : `${formatNumber(n)} lignes`);

/** French texts of the open-data page, its files and their errors. */
export const openDataMessages = {
  breadcrumb: 'Données ouvertes',
  title: 'Données ouvertes',
  description: 'Les territoires labellisés, le palmarès, les initiatives et le référentiel du label, à télécharger en CSV, JSON et XLSX sous Licence Ouverte.',
  intro:
    'Tout ce qui est public sur arobase se télécharge librement : les territoires labellisés et leur parcours, le palmarès de chaque édition, les initiatives de l’observatoire et le référentiel des services. Chaque jeu est décrit ci-dessous, colonne par colonne.',
  types: {
    code: 'code (texte)',
    text: 'texte',
    integer: 'entier',
    decimal: 'nombre décimal',
    boolean: 'booléen (true ou false)',
    date: 'date (AAAA-MM-JJ)',
    datetime: 'date et heure (ISO 8601, UTC)',
    'text-list': 'liste de textes séparés par « | »',
    'integer-list': 'liste d’entiers séparés par « | »',
  } satisfies Record<ColumnType, string>,
  summary: {
    title: 'En bref',
    licence: 'Licence',
    licenceValue: 'Licence Ouverte / Etalab 2.0',
    latestEdition: 'Dernière édition publiée',
    noEdition: 'Aucune édition publiée',
    generatedAt: 'Données à jour au',
  },
  workbook: {
    title: 'Tout en un classeur',
    text: 'Le classeur XLSX réunit les quatre jeux, une feuille chacun, précédés d’une feuille « À lire » qui décrit les colonnes. Les nombres y sont des nombres, les dates des dates, et les codes gardent leurs zéros initiaux.',
    link: 'Télécharger le classeur arobase.xlsx',
  },
  formats: {
    title: 'Formats et adresses',
    csv: 'CSV : encodé en UTF-8 avec marque d’ordre des octets (BOM), séparé par des virgules, champs entre guillemets quand ils contiennent une virgule, un guillemet ou un retour à la ligne (RFC 4180), lignes terminées par CRLF. La première ligne donne les noms des colonnes.',
    formulas:
      "Dans les deux CSV, un texte qui commence par =, +, -, @, une tabulation ou un retour chariot est précédé d’une apostrophe, pour qu’aucun tableur ne l’exécute comme une formule («\u00a0=SOMME(A1)\u00a0» devient «\u00a0'=SOMME(A1)\u00a0»)\u00a0; les colonnes de type entier ou nombre décimal sont écrites comme des nombres, jamais précédées d’une apostrophe\u00a0: un nombre négatif reste «\u00a0-3\u00a0». Le JSON et le classeur XLSX donnent les textes tels quels.",
    semicolon:
      'CSV pour tableur : même contenu, séparé par des points-virgules, avec une virgule décimale, pour les tableurs réglés en français. Ajoutez « ?separateur=point-virgule » à l’adresse d’un CSV.',
    json: 'JSON : un objet { "items": [...], "total": N } ; chaque élément a les mêmes clés que les colonnes du CSV, avec des nombres, des booléens et des listes, et null pour une valeur absente.',
    /** `code` renders a URL as code. */
    urls: (code: (text: string) => ComponentChildren, ids: string[]): ComponentChildren => [
      'Adresses : ',
      code('/open-data/<jeu>.csv'),
      ', ',
      code('/open-data/<jeu>.csv?separateur=point-virgule'),
      ' et ',
      code('/open-data/<jeu>.json'),
      ', où <jeu> vaut ',
      ids.join(', '),
      ' ; le palmarès d’une seule édition : ',
      code('/open-data/palmares.csv?annee=2023'),
      ' (de même en JSON ; une année sans palmarès publié répond 404) ; le classeur : ',
      code('/open-data/arobase.xlsx'),
      '.',
    ],
    stable: 'Les adresses et les noms de colonnes sont stables : une colonne peut s’ajouter, aucune ne change de sens.',
    codes:
      'Un tableur qui ouvre un CSV prend les codes pour des nombres et retire leurs zéros initiaux (« 01001 » devient « 1001 ») : importez la colonne comme texte, ou utilisez le classeur XLSX.',
  },
  licence: {
    title: 'Licence et sources',
    ours: (link: ComponentChildren): ComponentChildren => [
      'Les données d’arobase sont publiées sous la ',
      link,
      ' : vous pouvez les réutiliser librement, y compris commercialement, en citant la source (« arobase ») et la date de mise à jour.',
    ],
    oursLink: 'Licence Ouverte / Etalab 2.0',
    territories: (link: ComponentChildren): ComponentChildren => [
      'Les noms, codes, populations, départements et régions des territoires proviennent du ',
      link,
      ' d’Etalab (Licence Ouverte 2.0).',
    ],
    territoriesLink: 'découpage administratif',
    privacy: 'Les fichiers ne contiennent aucune donnée personnelle : ni contact, ni courriel, ni auteur des fiches.',
  },
  toc: 'Sur cette page',
  dataset: {
    granularity: 'Granularité',
    rowCount: 'Lignes',
    rowCountValue: rows,
    updated: 'Mise à jour',
    updatedEdition: (year: number) => `palmarès ${year}`,
    updatedAt: (d: Date) => formatDate(d),
    referentialVersion: (version: string, publishedAt: Date | null) =>
      publishedAt ? `version ${version}, publiée le ${formatDate(publishedAt)}` : `version ${version}`,
    notYet: 'pas encore de données',
    downloads: 'Télécharger',
    csv: 'CSV',
    csvSemicolon: 'CSV pour tableur (;)',
    csvSemicolonShort: 'CSV (;)',
    json: 'JSON',
    /** Said after a link’s visible format, so that each link names its file. */
    of: (title: string) => ` — ${title}`,
    editions: 'Un fichier par édition',
    editionsCaption: 'Palmarès de chaque édition publiée, à télécharger',
    editionColumn: 'Édition',
    ofEdition: (year: number) => ` — palmarès ${year}`,
    columns: 'Colonnes',
    columnType: 'Type',
    columnExample: 'Exemple',
    emptyExample: '(vide)',
  },
  readMe: {
    sheet: 'À lire',
    title: 'arobase — données ouvertes',
    licence: 'Licence : Licence Ouverte / Etalab 2.0. Territoires : découpage administratif d’Etalab (Licence Ouverte 2.0).',
    generatedAt: (d: Date) => `Données à jour au ${formatDateTime(d)}.`,
    latestEdition: (year: number | null) => (year === null ? 'Aucune édition publiée.' : `Dernière édition publiée : ${year}.`),
    source: (url: string) => `Source et documentation : ${url}`,
    datasets: 'Jeux de données',
    datasetHeader: ['Feuille', 'Jeu de données', 'Une ligne', 'Lignes', 'Description'],
    columns: 'Colonnes',
    columnHeader: ['Feuille', 'Colonne', 'Libellé', 'Type', 'Description', 'Exemple'],
  },
  errors: {
    yearInvalid: 'Le paramètre « annee » doit être une année sur quatre chiffres, par exemple 2023.',
    yearNotPublished: (year: number) => `Aucun palmarès publié pour l’année ${year}.`,
    yearOnlyForPalmares: 'Le paramètre « annee » ne s’applique qu’au palmarès.',
    separatorInvalid: 'Le paramètre « separateur » vaut « virgule » ou « point-virgule ».',
    unknownDataset: (name: string) => `Aucun jeu de données ne s’appelle « ${name} ».`,
  },
} as const;
