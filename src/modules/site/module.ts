import type { ModuleManifest } from '../../platform/module.ts';
import { homeRoutes } from './home.routes.tsx';
import { personalDataRoutes } from './personal-data.routes.tsx';
import { territoryPageRoutes } from './territory-page.routes.tsx';

/** The composite pages: the home page, a territory's page, the personal-data page, made of what the other modules know. */
export const siteModule: ModuleManifest = { name: 'site', routes: [homeRoutes, territoryPageRoutes, personalDataRoutes] };
