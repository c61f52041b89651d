import type { ModuleManifest } from '../../platform/module.ts';
import { seedDemoCommand } from './seed-demo.command.ts';

export const demoModule: ModuleManifest = { name: 'demo', commands: { 'seed-demo': seedDemoCommand } };
