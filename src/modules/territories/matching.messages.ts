import type { CandidateKind } from './territory-names.rules.ts';

const q = (s: string) => `« ${s} »`;
const KIND_ARTICLES: Record<CandidateKind, string> = {
  commune: 'une commune',
  epci: 'une intercommunalité',
  departement: 'un département',
  region: 'une région',
};
const dep = (code: string) => `dans le département ${code}`;

/** French reasons given in the import report. */
export const territoryMatchingMessages = {
  identical: 'nom identique',
  sameFolded: 'même nom aux accents, tirets ou majuscules près',
  saint: (readings: [written: string, read: string][]) => readings.map(([w, r]) => `${q(w)} lu ${q(r)}`).join(', '),
  article: (written: string, read: string) => `${q(written)} lu ${q(read)}`,
  epciPrefix: (label: string, form: string) => `intercommunalité : ${q(label)} lu ${q(form)}`,
  epciOfficialName: (name: string) => `intercommunalité, nom officiel ${q(name)}`,
  former: (former: string, current: string) => `ancienne commune ${q(former)}, aujourd’hui ${current}`,
  typo: (written: string, official: string) => `faute de frappe corrigée : ${q(written)} → ${q(official)}`,
  onlyInFrance: (reason: string) => `${reason} (seul territoire de ce nom en France)`,
  several: (n: number, code: string) => `${n} territoires de ce nom ${dep(code)}`,
  partialName: (code: string) => `nom officiel plus long ${dep(code)} : à vérifier`,
  kindsDiffer: (kinds: CandidateKind[], code: string) => `${kinds.map((k) => KIND_ARTICLES[k]).join(' et ')} portent ce nom ${dep(code)} : précisez le type`,
  severalFormer: (n: number, code: string) => `${n} anciennes communes de ce nom ${dep(code)}`,
  otherForm: (form: string, written: string) => `intercommunalité de ce nom, mais c’est aujourd’hui une ${form} et non une ${written}`,
  severalClose: (code: string) => `plusieurs noms proches ${dep(code)} : faute de frappe non corrigée`,
  typoOrDepartment: (code: string, places: string[]) => `nom proche ${dep(code)}, mais ce nom existe tel quel ailleurs (${places.join(', ')}) : à vérifier`,
  closeToFormer: (code: string) => `nom proche d’une ancienne commune ${dep(code)} : à vérifier`,
  severalInFrance: (n: number) => `${n} territoires de ce nom en France : précisez le département`,
  formerInFrance: 'ancienne commune : précisez le département',
  notFoundIn: (code: string) => `aucun territoire de ce nom ${dep(code)}`,
  plausible: (code: string) => `aucun territoire de ce nom ${dep(code)}, mais des noms voisins\u00a0: à vérifier`,
  existsElsewhere: (reason: string, places: string[]) => `${reason} ; ce nom existe ailleurs : ${places.join(', ')}`,
  notFoundInFrance: 'aucun territoire de ce nom en France (sans département, aucune faute de frappe n’est corrigée)',
  emptyName: 'nom vide',
  unknownKind: (kind: string) => `type ${q(kind)} inconnu`,
  prefixButKind: (kind: string) => `le nom désigne une intercommunalité, pas le type ${q(kind)}`,
  unknownDepartment: (value: string) => `département ${q(value)} inconnu`,
  formerLabel: (former: string, current: string) => `${former} (ancienne commune, aujourd’hui ${current})`,
};
