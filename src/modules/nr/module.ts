import './events.ts';
import type { ModuleManifest } from '../../platform/module.ts';
import { diagnosticApiRoutes } from './diagnostic-api.routes.ts';
import { diagnosticRoutes } from './diagnostic.routes.tsx';
import { indicatorsApiRoutes } from './indicators-api.routes.ts';
import { indicatorsRoutes } from './indicators.routes.tsx';
import { charterRoutes } from './charter.routes.tsx';
import { quickWinsApiRoutes } from './quick-wins-api.routes.ts';
import { roadmapRoutes } from './roadmap.routes.tsx';
import { publicityRoutes } from './publicity.routes.tsx';
import { strategyRoutes } from './strategy.routes.tsx';

/**
 * Responsible digital (« numérique responsable »): a territory's self-diagnostic, quick wins,
 * indicators over time, roadmap, charter and, where the law asks one, its strategy (issue 15).
 */
export const nrModule: ModuleManifest = {
  name: 'nr',
  publicChanges: ['nr.publicPartChanged'],
  routes: [
    indicatorsRoutes,
    indicatorsApiRoutes,
    diagnosticRoutes,
    diagnosticApiRoutes,
    roadmapRoutes,
    charterRoutes,
    quickWinsApiRoutes,
    publicityRoutes,
    strategyRoutes,
  ],
};
