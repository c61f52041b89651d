// First edition of arobase's referential: 4 axes, 16 themes (the label's matrix) and our own
// catalogue of digital services rendered to the population. Written by the arobase team from what
// territories actually do (see ../shared/seeds). Ids are stable slugs: never renumber, never reuse
// a retired id; later editions copy this one and rename, add, move or retire services.

import { DEMOCRACY_SERVICES } from './catalogue-democracy.data.ts';
import { LIVING_TOGETHER_SERVICES } from './catalogue-living-together.data.ts';
import { KNOWLEDGE_SERVICES } from './catalogue-knowledge.data.ts';
import { WEALTH_SERVICES } from './catalogue-wealth.data.ts';

export const REFERENTIAL_SEED_VERSION = '2027';

export interface ReferentialAxis {
  readonly id: string;
  readonly name: string;
}

export const AXES = [
  { id: 'democratie-services-publics', name: 'Démocratie et services publics' },
  { id: 'vivre-ensemble', name: 'Vivre ensemble' },
  { id: 'partage-connaissances', name: 'Partage des connaissances' },
  { id: 'creation-richesses', name: 'Création de richesses' },
] as const satisfies readonly ReferentialAxis[];

export type AxisId = (typeof AXES)[number]['id'];

export interface ReferentialTheme {
  readonly id: string;
  readonly axisId: AxisId;
  readonly name: string;
}

export const THEMES = [
  { id: 'identites-droits-libertes', axisId: 'democratie-services-publics', name: 'Identités, droits et libertés' },
  { id: 'vie-associative', axisId: 'democratie-services-publics', name: 'Vie associative' },
  { id: 'services-publics', axisId: 'democratie-services-publics', name: 'Services publics' },
  { id: 'democratie-locale', axisId: 'democratie-services-publics', name: 'Démocratie locale' },
  { id: 'vie-quotidienne', axisId: 'vivre-ensemble', name: 'Vie quotidienne' },
  { id: 'cohesion-sociale', axisId: 'vivre-ensemble', name: 'Cohésion sociale' },
  { id: 'solidarites', axisId: 'vivre-ensemble', name: 'Solidarités' },
  { id: 'territoire-durable', axisId: 'vivre-ensemble', name: 'Territoire durable' },
  { id: 'education', axisId: 'partage-connaissances', name: 'Éducation' },
  { id: 'mediation', axisId: 'partage-connaissances', name: 'Médiation' },
  { id: 'cooperations', axisId: 'partage-connaissances', name: 'Coopérations' },
  { id: 'culture-patrimoine', axisId: 'partage-connaissances', name: 'Culture et patrimoine' },
  { id: 'emploi', axisId: 'creation-richesses', name: 'Emploi' },
  { id: 'innovation', axisId: 'creation-richesses', name: 'Innovation' },
  { id: 'developpement-economique', axisId: 'creation-richesses', name: 'Développement économique' },
  { id: 'attractivite-territoire', axisId: 'creation-richesses', name: 'Attractivité du territoire' },
] as const satisfies readonly ReferentialTheme[];

export type ThemeId = (typeof THEMES)[number]['id'];

export interface ReferentialService {
  readonly id: string;
  readonly themeId: ThemeId;
  readonly name: string;
  /** One French sentence: what the service brings to the population. */
  readonly description: string;
  /** Matters to responsible digital (réemploi, sobriété, écoconception, collecte…). */
  readonly responsibleDigital: boolean;
}

/** Every service of the referential, axis by axis (one file each: catalogue-*.data.ts). */
export const SERVICES = [
  ...DEMOCRACY_SERVICES,
  ...LIVING_TOGETHER_SERVICES,
  ...KNOWLEDGE_SERVICES,
  ...WEALTH_SERVICES,
] as const satisfies readonly ReferentialService[];

export type ServiceId = (typeof SERVICES)[number]['id'];
