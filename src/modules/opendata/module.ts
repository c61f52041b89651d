import type { ModuleManifest } from '../../platform/module.ts';
import { openDataRoutes } from './routes.tsx';

export const openDataModule: ModuleManifest = { name: 'opendata', routes: [openDataRoutes] };
