import { z } from 'zod';
import { NR_THEME_IDS, type NrThemeId } from './nr-themes.rules.ts';

/**
 * The standard indicators of responsible digital a territory follows over time (issue 15): what
 * each counts, its unit as pages write it, its theme of the diagnostic and which way is better.
 * A territory adds its own beside them (nrCustomIndicators). Ids are stable: values and CSV files
 * name them.
 */

export const INDICATOR_DIRECTIONS = ['up', 'down'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

export const nrIndicatorShape = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    name: z.string().min(3).max(120),
    unit: z.string().min(1).max(40),
    description: z.string().min(10).max(300),
    theme: z.enum(NR_THEME_IDS as unknown as [NrThemeId, ...NrThemeId[]]),
    /** `up`: the more the better (equipment recycled); `down`: the less the better (pages printed). */
    better: z.enum(INDICATOR_DIRECTIONS),
  })
  .strict();
export type NrIndicator = z.infer<typeof nrIndicatorShape>;

export const NR_INDICATORS: readonly NrIndicator[] = z.array(nrIndicatorShape).parse([
  {
    id: 'deee-recycles',
    name: 'Équipements informatiques envoyés au recyclage',
    unit: 't',
    description: 'Poids du matériel obsolète confié à une filière de recyclage agréée, depuis le début du suivi.',
    theme: 'parc',
    better: 'up',
  },
  {
    id: 'appareils-reconditionnes',
    name: 'Appareils reconditionnés et redistribués',
    unit: 'appareils',
    description: 'Ordinateurs, tablettes ou téléphones remis en état puis donnés ou prêtés (écoles, associations, habitants).',
    theme: 'parc',
    better: 'up',
  },
  {
    id: 'volume-messagerie',
    name: 'Volume des boîtes aux lettres électroniques',
    unit: 'Go',
    description: 'Place occupée par l’ensemble des boîtes de messagerie des agents, relevée sur le serveur ou chez l’hébergeur.',
    theme: 'reseaux-donnees',
    better: 'down',
  },
  {
    id: 'smartphones-collectes',
    name: 'Smartphones collectés',
    unit: 'smartphones',
    description: 'Téléphones déposés dans les boîtes de collecte du territoire et remis à une filière de réemploi ou de recyclage.',
    theme: 'parc',
    better: 'up',
  },
  {
    id: 'achats-reemploi',
    name: 'Achats informatiques reconditionnés ou issus du réemploi',
    unit: '% des achats informatiques',
    description: 'Part de la dépense informatique de l’année consacrée à du matériel reconditionné ou de réemploi (la loi AGEC en demande 20\u202f%).',
    theme: 'achats',
    better: 'up',
  },
  {
    id: 'age-parc',
    name: 'Âge moyen du parc informatique',
    unit: 'ans',
    description: 'Âge moyen des postes et équipements en service : plus il est élevé, plus le matériel est gardé longtemps.',
    theme: 'parc',
    better: 'up',
  },
  {
    id: 'pages-imprimees',
    name: 'Pages imprimées',
    unit: 'pages',
    description: 'Pages sorties des imprimantes et copieurs de la collectivité sur la période, d’après leurs compteurs.',
    theme: 'usages',
    better: 'down',
  },
  {
    id: 'postes-eteints',
    name: 'Postes éteints la nuit',
    unit: '% des postes',
    description: 'Part des postes de travail éteints en fin de journée, relevée par l’outil de gestion du parc ou par un tour des bureaux.',
    theme: 'usages',
    better: 'up',
  },
  {
    id: 'agents-formes',
    name: 'Agents formés au numérique responsable',
    unit: '% des agents',
    description: 'Part des agents ayant suivi une sensibilisation ou une formation au numérique responsable.',
    theme: 'sensibilisation',
    better: 'up',
  },
  {
    id: 'energie-informatique',
    name: 'Consommation électrique de l’informatique',
    unit: 'kWh',
    description: 'Électricité consommée par les postes, serveurs et équipements réseau sur la période, mesurée ou estimée.',
    theme: 'reseaux-donnees',
    better: 'down',
  },
]);

const byId = new Map(NR_INDICATORS.map((indicator) => [indicator.id, indicator]));

/** The standard indicator of this id, or undefined. */
export const standardIndicator = (id: string): NrIndicator | undefined => byId.get(id);
