import type { ModuleManifest } from '../../platform/module.ts';
import { homeRoutes } from './home.routes.tsx';
import { legalPagesRoutes } from './legal-pages.routes.tsx';
import { personalDataRoutes } from './personal-data.routes.tsx';
import { territoryPageRoutes } from './territory-page.routes.tsx';

/** The composite pages: the home page, a territory's page, the legal pages (about, contact, legal notice, accessibility, personal data), made of what the other modules know. */
export const siteModule: ModuleManifest = { name: 'site', routes: [homeRoutes, territoryPageRoutes, personalDataRoutes, legalPagesRoutes] };
