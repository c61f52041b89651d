import type { ModuleManifest } from '../../platform/module.ts';
import { outboxHealth } from './outbox-health.service.ts';

/** The outbox: other modules queue e-mails through its service; the server starts its worker; `/healthz` reports it. */
export const notificationsModule: ModuleManifest = { name: 'notifications', healthChecks: [{ name: 'outbox', check: outboxHealth }] };
