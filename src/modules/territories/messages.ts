import { countOf, formatNumber } from '../../platform/views/format.ts';
import type { TerritoryCategory, TerritoryKind, TerritoryStratum } from './territory.rules.ts';

const inhabitants = (population: number) => countOf(population, 'habitant', 'habitants');

const territoryKindLower: Record<TerritoryKind, string> = { commune: 'commune', epci: 'intercommunalité', departement: 'département', region: 'région' };

/** French texts of the territories module: labels of the glossary, directory and territory pages. */
export const territoryMessages = {
  menu: 'Territoires',
  kinds: {
    commune: 'Commune',
    epci: 'Intercommunalité',
    departement: 'Département',
    region: 'Région',
  } satisfies Record<TerritoryKind, string>,
  kindsPlural: {
    commune: 'Communes',
    epci: 'Intercommunalités',
    departement: 'Départements',
    region: 'Régions',
  } satisfies Record<TerritoryKind, string>,
  categories: {
    village: 'Village',
    ville: 'Ville',
    territoire: 'Territoire',
  } satisfies Record<TerritoryCategory, string>,
  strata: {
    lt3k: 'moins de 3 000 habitants',
    '3k-20k': 'de 3 000 à 20 000 habitants',
    '20k-100k': 'de 20 000 à 100 000 habitants',
    gt100k: 'plus de 100 000 habitants',
  } satisfies Record<TerritoryStratum, string>,
  /** EPCI legal forms, by the code of the official data. */
  epciLegalForms: {
    CC: 'Communauté de communes',
    CA: 'Communauté d’agglomération',
    CU: 'Communauté urbaine',
    METRO: 'Métropole',
    MET69: 'Métropole de Lyon',
  } as Record<string, string>,
  inhabitants,
  breadcrumb: 'Territoires',
  directory: {
    title: 'Annuaire des territoires',
    searchTitle: (q: string) => `Territoires correspondant à « ${q} »`,
    lead: 'Toutes les communes, intercommunalités, départements et régions de France.',
    fieldLabels: { q: 'Nom', kind: 'Type', region: 'Région', department: 'Département', page: 'Page' },
    searchLabel: 'Chercher un territoire',
    queryLabel: 'Nom, code postal ou code officiel',
    searchButton: 'Rechercher',
    queryHint: 'Les accents, les majuscules et les petites fautes de frappe sont tolérés.',
    kindLabel: 'Type',
    allKinds: 'Tous',
    regionLabel: 'Région',
    allRegions: 'Toutes',
    departmentLabel: 'Département',
    allDepartments: 'Tous',
    filterButton: 'Filtrer',
    resultCount: (n: number) => (n === 0 ? 'Aucun territoire trouvé' : `${formatNumber(n)} territoire${n > 1 ? 's' : ''}`),
    noResultHelp: 'Vérifiez l’orthographe, retirez un filtre ou cherchez par code postal.',
  },
  page: {
    description: (kindLabel: string, name: string) => `${kindLabel} ${name} : identité, population, intercommunalité et historique au label.`,
    identity: 'Identité',
    population: 'Population',
    populationUnknown: 'Non renseignée',
    category: 'Catégorie au label',
    stratum: 'Strate',
    inseeCode: 'Code INSEE',
    siren: 'SIREN',
    officialCode: 'Code officiel',
    postcodes: (count: number) => (count > 1 ? 'Codes postaux' : 'Code postal'),
    department: 'Département',
    region: 'Région',
    epci: 'Intercommunalité',
    noEpci: 'Aucune (commune isolée)',
    memberCount: (n: number) => `${formatNumber(n)} communes membres`,
    membersCaption: (name: string) => `Communes membres de ${name}, de la plus peuplée à la moins peuplée`,
    memberColumn: 'Commune',
    inseeCodeColumn: 'Code INSEE',
    populationColumn: 'Population',
    initiativesTitle: (n: number) => (n === 0 ? 'Initiatives numériques' : n === 1 ? '1 initiative numérique' : `${formatNumber(n)} initiatives numériques`),
    noInitiative: 'Ce territoire n’a pas encore publié d’initiative numérique.',
    labelTitle: 'Label',
  },
  notFound: (code: string) => `Aucun territoire ne porte le code « ${code} ». Vérifiez le lien ou cherchez le territoire par son nom.`,
  api: {
    searchSummary: 'Chercher des territoires',
    detailsSummary: 'Fiche d’un territoire',
    notFound: (code: string) => `Aucun territoire ne porte le code « ${code} ».`,
    /** Descriptions of the parameters, shown in the OpenAPI document and on /api/docs. */
    parameters: {
      q: 'Nom (sans tenir compte des accents ni des majuscules), code postal, code INSEE ou SIREN',
      kind: 'Type de territoire',
      department: 'Code du département, par exemple 49, 2A ou 974',
      region: 'Code de la région sur deux chiffres, par exemple 52',
      page: (pageSize: number) => `Numéro de la page de résultats, à partir de 1 (${pageSize} territoires par page)`,
      code: 'Code INSEE d’une commune ou d’un département, SIREN d’un EPCI, reg-NN pour une région',
    },
  },
  /** The territory picker (views/territory-picker.tsx): a field taking a name or a code. */
  picker: {
    hint: 'Son nom, ou son code INSEE ou SIREN\u00a0; des suggestions s’affichent pendant la saisie.',
    choose: (text: string) => `plusieurs territoires correspondent à «\u00a0${text}\u00a0»\u00a0: choisissez le bon dans la liste`,
    none: (text: string) => `aucun territoire ne correspond à «\u00a0${text}\u00a0»\u00a0: vérifiez le nom, ou saisissez son code INSEE ou SIREN`,
    unknownCode: (code: string) => `aucun territoire ne porte le code «\u00a0${code}\u00a0»`,
    choices: (text: string) => `Territoires correspondant à «\u00a0${text}\u00a0»`,
    option: (o: { name: string; code: string; kind: TerritoryKind; department: string | null; population: number | null }) =>
      [
        `${o.name} — ${territoryKindLower[o.kind]}`,
        o.kind !== 'departement' && o.department ? o.department : null,
        o.population !== null ? inhabitants(o.population) : null,
      ]
        .filter(Boolean)
        .join(', ') + ` (${o.code})`,
  },
  query: {
    tooLong: 'au plus 200 caractères',
    kindInvalid: 'doit valoir commune, epci, departement ou region',
    departmentInvalid: 'doit être un code de département, par exemple 49, 2A ou 974',
    regionInvalid: 'doit être un code de région à deux chiffres, par exemple 52',
    pageNotNumber: 'doit être un nombre',
    pageNotInteger: 'doit être un nombre entier',
    pageTooSmall: 'doit être supérieur ou égal à 1',
    pageTooLarge: (max: number) => `doit être inférieur ou égal à ${max}`,
  },
} as const;
