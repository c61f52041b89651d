/**
 * The responsible-digital diagnostic's seven themes and its maturity scale: the one list every part
 * of the module reads (diagnostic, quick wins, roadmap, strategy). Pure, no I/O.
 */

export const NR_THEMES = [
  { id: 'gouvernance', name: 'Gouvernance et stratégie' },
  { id: 'sensibilisation', name: 'Sensibilisation et formation' },
  { id: 'achats', name: 'Achats' },
  { id: 'parc', name: 'Parc et fin de vie des équipements' },
  { id: 'reseaux-donnees', name: 'Réseaux, données et messagerie' },
  { id: 'usages', name: 'Usages' },
  { id: 'ecoconception', name: 'Écoconception et accessibilité des services du territoire' },
] as const;

export type NrThemeId = (typeof NR_THEMES)[number]['id'];
export const NR_THEME_IDS = NR_THEMES.map((t) => t.id) as readonly NrThemeId[];
/** A theme's French name (its id when unknown). */
export const nrThemeName = (id: string): string => NR_THEMES.find((t) => t.id === id)?.name ?? id;

export const isNrThemeId = (value: unknown): value is NrThemeId => typeof value === 'string' && (NR_THEME_IDS as readonly string[]).includes(value);

/** A question's maturity, 0 (nothing done) to 3 (done, measured and improved). */
export const MATURITY_LEVELS = [0, 1, 2, 3] as const;
export type MaturityLevel = (typeof MATURITY_LEVELS)[number];

/** A roadmap action's states, in the order they go. */
export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'abandoned'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Where an action came from: a quick win adopted, a weak theme of the diagnostic, or written by hand. */
export const ACTION_ORIGINS = ['quickWin', 'weakTheme', 'manual'] as const;
export type ActionOrigin = (typeof ACTION_ORIGINS)[number];

/** How an indicator's value was entered. */
export const VALUE_SOURCES = ['manual', 'csv'] as const;

/** The population from which the law asks a commune or an intercommunality for a responsible-digital strategy (REEN, 2021). */
export const STRATEGY_POPULATION_THRESHOLD = 50_000;

/** A stratum's average is shown only over at least this many territories, so that no territory's answers can be read from it. */
export const MIN_PEERS_FOR_AVERAGE = 5;

export const NOTE_MAX = 2_000;
export const TITLE_MAX = 200;
export const NAME_MAX = 120;
