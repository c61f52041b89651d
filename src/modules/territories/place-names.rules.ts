/**
 * How French names a place after "in": « dans le Maine-et-Loire », « dans l’Ain », « dans les
 * Bouches-du-Rhône », « en Corse-du-Sud », « à La Réunion », « en Bretagne », « dans les Hauts-de-France ».
 * The article follows INSEE's type of name (TNCC) of each département and région, with the usage of
 * the compound names INSEE gives no article to. Pure, no I/O.
 */

type Locative = 'dans le' | 'dans l’' | 'dans les' | 'en' | 'à';

const byCodes = (locative: Locative, codes: string) => Object.fromEntries(codes.split(' ').map((code) => [code, locative]));

/** Départements, by official code. */
export const DEPARTMENT_LOCATIVES: Readonly<Record<string, Locative>> = {
  ...byCodes('dans le', '14 15 18 25 29 30 32 39 41 45 46 47 49 56 59 62 63 67 68 69 81 82 83 84 90 94 95'),
  ...byCodes('dans l’', '01 02 03 07 09 10 11 12 27 34 36 38 60 61 89 91'),
  ...byCodes('dans les', '04 05 06 08 13 22 40 64 65 66 78 79 88 92'),
  ...byCodes('en', '16 17 19 21 23 24 26 2A 2B 28 31 33 35 37 42 43 44 48 50 51 52 53 54 55 57 58 70 71 72 73 74 76 77 80 85 86 87 93 971 972 973'),
  ...byCodes('à', '75 974 976'),
};

/** Régions, by INSEE code. */
const REGION_LOCATIVES: Record<string, Locative> = {
  ...byCodes('dans les', '32 52'),
  ...byCodes('dans le', '44'),
  ...byCodes('à', '04 06'),
};

const LEADING_ARTICLE = /^(les|le|la|l’|l')\s*/i;

/** « dans le Maine-et-Loire », « en Bretagne »: the preposition and the name, as a sentence says it. */
export function placeLocative(place: { kind: 'departement' | 'region'; code: string; name: string }): string {
  const locative = (place.kind === 'departement' ? DEPARTMENT_LOCATIVES : REGION_LOCATIVES)[place.code.toUpperCase()] ?? 'en';
  // « La Réunion » keeps its article after « à »; « dans les » replaces one the name would carry.
  const name = locative.startsWith('dans') ? place.name.replace(LEADING_ARTICLE, '') : place.name;
  return locative === 'dans l’' ? `${locative}${name}` : `${locative} ${name}`;
}
