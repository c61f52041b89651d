import type { ModuleManifest } from '../../platform/module.ts';

/**
 * Responsible digital (« numérique responsable »): a territory's self-diagnostic, quick wins,
 * indicators over time, roadmap, charter and, where the law asks one, its strategy (issue 15).
 */
export const nrModule: ModuleManifest = {
  name: 'nr',
  routes: [],
};
