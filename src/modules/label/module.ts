import type { ModuleManifest } from '../../platform/module.ts';

/** The label's core (editions, distinctions, results, excellence): services only, no page of its own. */
export const labelModule: ModuleManifest = { name: 'label' };
