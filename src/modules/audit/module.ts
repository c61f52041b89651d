import type { ModuleManifest } from '../../platform/module.ts';
import { systemCaller } from '../accounts/permissions.rules.ts';
import { auditSubscribers } from './audit-subscribers.ts';
import { auditMessages as m } from './messages.ts';
import { purgeExpiredAuditEntries } from './read-audit.service.ts';
import { auditRoutes } from './routes.tsx';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The audit log: entries written by its subscribers in the other modules' transactions; read by admins. */
export const auditModule: ModuleManifest = {
  name: 'audit',
  routes: [auditRoutes],
  subscribers: auditSubscribers,
  adminLinks: [{ href: '/admin/journal', title: m.card.title, summary: m.card.summary, position: 70 }],
  jobs: [
    {
      name: 'audit-retention',
      everyMs: DAY_MS,
      async run({ db, config, log }) {
        const purged = await purgeExpiredAuditEntries(db, systemCaller('audit log retention'), config.auditRetentionDays);
        if (purged) log(m.purgeLog(purged));
      },
    },
  ],
};
