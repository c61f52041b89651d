import type { ModuleManifest } from '../../platform/module.ts';

/** The outbox: other modules queue e-mails through its service; the server starts its worker. */
export const notificationsModule: ModuleManifest = { name: 'notifications' };
