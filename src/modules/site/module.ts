import type { ModuleManifest } from '../../platform/module.ts';
import { homeRoutes } from './home.routes.tsx';

export const homeModule: ModuleManifest = { name: 'home', routes: [homeRoutes] };
