import type { ModuleManifest } from '../platform/module.ts';
import type { Db } from '../platform/db/database.ts';
import { announcePublicChange } from '../platform/http/page-cache.plugin.ts';
import { installSubscribers } from '../platform/events.ts';
import { accountsModule } from '../modules/accounts/module.ts';
import { actorsModule } from '../modules/actors/module.ts';
import { adminModule } from '../modules/admin/module.ts';
import { auditModule } from '../modules/audit/module.ts';
import { campaignModule } from '../modules/campaign/module.ts';
import { demoModule } from '../modules/demo/module.ts';
import { siteModule } from '../modules/site/module.ts';
import { ssoModule } from '../modules/sso/module.ts';
import { initiativesModule } from '../modules/initiatives/module.ts';
import { juryModule } from '../modules/jury/module.ts';
import { nrModule } from '../modules/nr/module.ts';
import { labelModule } from '../modules/label/module.ts';
import { notificationsModule } from '../modules/notifications/module.ts';
import { observatoryModule } from '../modules/observatory/module.ts';
import { organisationModule } from '../modules/organisation/module.ts';
import { openapiModule } from '../modules/openapi/module.ts';
import { openDataModule } from '../modules/opendata/module.ts';
import { palmaresImportModule } from '../modules/palmares-import/module.ts';
import { palmaresModule } from '../modules/palmares/module.ts';
import { referentialModule } from '../modules/referential/module.ts';
import { provideServiceUsage } from '../modules/referential/service-usage.port.ts';
import { initiativeServiceUsage } from '../modules/initiatives/service-usage.service.ts';
import { territoriesModule } from '../modules/territories/module.ts';
import { MODULE_ORDER } from './module-order.ts';

/** Every module's manifest, listed once, in the declared module order. */
export const MODULES: readonly ModuleManifest[] = [
  territoriesModule,
  notificationsModule,
  accountsModule,
  ssoModule,
  organisationModule,
  referentialModule,
  actorsModule,
  initiativesModule,
  nrModule,
  labelModule,
  observatoryModule,
  palmaresModule,
  palmaresImportModule,
  campaignModule,
  juryModule,
  openDataModule,
  auditModule,
  siteModule,
  adminModule,
  demoModule,
  openapiModule,
];

if (MODULES.map((m) => m.name).join() !== MODULE_ORDER.join()) {
  throw new Error(`src/app/modules.ts must list the manifests in MODULE_ORDER: ${MODULE_ORDER.join(', ')}`);
}

/** Installs every module's event subscribers (once per process; tests that call services directly need it too). */
export function installModules(): readonly ModuleManifest[] {
  // The ports a module declares for what only a later module knows (sheets per service, for the referential).
  provideServiceUsage(initiativeServiceUsage);
  for (const manifest of MODULES) if (manifest.subscribers) installSubscribers(manifest.name, manifest.subscribers);
  // Every process's page cache hears of a public change: this one's at once, all of them when its transaction commits (a NOTIFY).
  const publicChanges = MODULES.flatMap((m) => m.publicChanges ?? []);
  installSubscribers('page-cache', Object.fromEntries(publicChanges.map((name) => [name, (tx: Db) => announcePublicChange(tx, name)])));
  return MODULES;
}
