import type { ModuleManifest } from '../../platform/module.ts';

/** The yearly campaign, territory side: questionnaires, self-assessment, applications and their snapshots. */
export const campaignModule: ModuleManifest = { name: 'campaign' };
