import type { ModuleManifest } from '../../platform/module.ts';

/** The yearly campaign, jury side: jurors and their conflicts, assignment, reviews, deliberation, publication. */
export const juryModule: ModuleManifest = {
  name: 'jury',
  routes: [],
};
