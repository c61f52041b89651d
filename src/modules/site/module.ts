import type { ModuleManifest } from '../../platform/module.ts';
import { homeRoutes } from './home.routes.tsx';
import { territoryPageRoutes } from './territory-page.routes.tsx';

/** The composite pages: the home page and a territory's page, made of what the other modules know. */
export const siteModule: ModuleManifest = { name: 'site', routes: [homeRoutes, territoryPageRoutes] };
