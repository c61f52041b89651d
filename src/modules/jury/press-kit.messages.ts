/** French texts of the press kit: its summary sentences, its page and its CSV files. */
import { countOf, formatDateTime, formatNumber } from '../../platform/views/format.ts';
import type { TerritoryKind } from '../territories/territory.rules.ts';

const at = (level: number) => `${level} @`;

/** Nouns of each kind of territory, singular and plural, and the agreement of « tous / toutes ». */
const KIND_NOUNS: Record<TerritoryKind, { one: string; many: string; all: string }> = {
  commune: { one: 'commune', many: 'communes', all: 'toutes' },
  epci: { one: 'intercommunalité', many: 'intercommunalités', all: 'toutes' },
  departement: { one: 'département', many: 'départements', all: 'tous' },
  region: { one: 'région', many: 'régions', all: 'toutes' },
};

/**
 * « en Pays de la Loire », « à La Réunion », « à Mayotte »: where, before a région's name (islands
 * without an article take « à »). A territory without a région is « hors région ».
 */
export function inRegion(name: string | null): string {
  if (name === null) return 'hors région';
  if (/^(La Réunion|Mayotte)$/.test(name)) return `à ${name}`;
  return `en ${name}`;
}

/** The first letter in capitals: « En Pays de la Loire », « À La Réunion », « Hors région ». */
const capitalized = (text: string) => text.charAt(0).toLocaleUpperCase('fr') + text.slice(1);

/** « la mention @ verte », « la mention Démocratie locale », « le titre « Territoire d’excellence numérique » ». */
export function distinctionPhrase(name: string, kind: 'mention' | 'excellence'): string {
  if (kind === 'excellence') return `le titre « ${name} »`;
  return `la mention ${name.replace(/^mention\s+/i, '')}`;
}

/**
 * A distinction as a CSV cell names it: « Mention @ verte », « Mention Démocratie locale »,
 * « Territoire d’excellence numérique ». Never starting with « @ », which a spreadsheet would run.
 */
export function distinctionLabel(name: string, kind: 'mention' | 'excellence'): string {
  if (kind === 'excellence') return name;
  return `Mention ${name.replace(/^mention\s+/i, '')}`;
}

export const pressKitMessages = {
  sentences: {
    /** « 312 territoires labellisés en 2027, dont 63 à 5 @ ». */
    national: (total: number, year: number, top: number, topLevel: number) => {
      const base = `${countOf(total, 'territoire labellisé', 'territoires labellisés')} en ${year}`;
      if (top === 0) return base;
      if (top === total) return total === 1 ? `${base}, à ${at(topLevel)}` : `${base}, tous à ${at(topLevel)}`;
      return `${base}, dont ${formatNumber(top)} à ${at(topLevel)}`;
    },
    /** « 63 communes à 5 @ dont 17 en Île-de-France ». */
    topByKind: (kind: TerritoryKind, count: number, topLevel: number, region: string | null, inThatRegion: number) => {
      const noun = KIND_NOUNS[kind];
      const base = `${countOf(count, noun.one, noun.many)} à ${at(topLevel)}`;
      if (count === 1) return `${base}, ${inRegion(region)}`;
      if (inThatRegion === count) return `${base}, ${noun.all} ${inRegion(region)}`;
      return `${base} dont ${formatNumber(inThatRegion)} ${inRegion(region)}`;
    },
    /** « En Pays de la Loire, 24 territoires labellisés : 3 à 5 @, 7 à 4 @ ». */
    region: (region: string | null, total: number, levels: readonly { level: number; count: number }[]) =>
      `${capitalized(inRegion(region))}, ${countOf(total, 'territoire labellisé', 'territoires labellisés')} : ${levels
        .map((l) => `${formatNumber(l.count)} à ${at(l.level)}`)
        .join(', ')}`,
    /** « 2 territoires reçoivent la mention @ verte ». */
    distinction: (count: number, name: string, kind: 'mention' | 'excellence') =>
      `${countOf(count, 'territoire', 'territoires')} ${count > 1 ? 'reçoivent' : 'reçoit'} ${distinctionPhrase(name, kind)}`,
  },
  csv: {
    columns: ['Région', 'Département', 'Code INSEE/SIREN', 'Territoire', 'Catégorie', 'Population', 'Niveau', 'Distinctions'],
    department: (code: string, name: string) => (name === code ? code : `${name} (${code})`),
    fileName: (year: number, regionSlug?: string) => `dossier-de-presse-${year}${regionSlug ? `-${regionSlug}` : ''}.csv`,
  },
  page: {
    title: (year: number) => `Dossier de presse — label ${year}`,
    breadcrumb: 'Dossier de presse',
    lead: 'Les chiffres et les phrases à transmettre aux journalistes, tirés des décisions enregistrées par le jury, avec le palmarès de chaque région en CSV.',
    embargo: (ceremonyAt: Date | null) =>
      ceremonyAt
        ? `Sous embargo jusqu’à la cérémonie, le ${formatDateTime(ceremonyAt)} (heure de Paris) : rien ne doit en être publié avant.`
        : 'Sous embargo jusqu’à la cérémonie, dont la date n’est pas encore fixée : rien ne doit en être publié avant.',
    embargoTitle: 'Embargo',
    published: (publishedAt: Date | null) =>
      publishedAt ? `Les résultats sont publics depuis le ${formatDateTime(publishedAt)}.` : 'Les résultats sont publics.',
    notClosed: 'La délibération n’est pas close : les décisions peuvent encore changer.',
    none: 'Aucune décision n’est encore enregistrée pour cette édition : le dossier de presse se remplira avec elles.',
    nationalTitle: 'En France',
    downloadAll: 'Télécharger le palmarès national (CSV)',
    downloadRegion: (region: string) => `Télécharger le palmarès de la région ${region} (CSV)`,
    otherRegion: 'Hors région',
    levelsCaption: (where: string) => `Territoires labellisés par niveau, ${where}`,
    levelsNational: 'en France',
    level: 'Niveau',
    count: 'Territoires',
    total: 'Total',
    back: 'Retour à l’édition',
  },
  errors: {
    editionNotFound: (year: number | string) => `L’édition ${year} n’existe pas.`,
    regionNotFound: (code: string) =>
      `Aucune région de code « ${code} » : le code d’une région est son code INSEE à deux chiffres (« 52 » pour les Pays de la Loire).`,
  },
};
