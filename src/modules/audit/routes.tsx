import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { lenientQuery } from '../../platform/http/route-input.ts';
import { sendPage } from '../../platform/views/render.ts';
import { authorize } from '../accounts/guard.ts';
import { auditFilters, listAuditEntries } from './read-audit.service.ts';
import { AuditLogPage } from './views/audit-log-page.tsx';

const auditQuery = lenientQuery(auditFilters.shape);

export async function auditRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  app.get('/admin/journal', { schema: { querystring: auditQuery }, config: { permission: 'audit.read', cache: 'private' } }, async (request, reply) => {
    authorize(request, 'audit.read');
    const { values: filters, invalid } = request.query;
    const { items, total } = await listAuditEntries(app.db, request.user, filters);
    const personName = filters.personne ? (items.find((i) => i.personId === filters.personne)?.personName ?? undefined) : undefined;
    return sendPage(
      request,
      reply,
      <AuditLogPage entries={items} total={total} filters={filters} invalid={invalid} personName={personName} retentionDays={app.config.auditRetentionDays} />,
    );
  });
}
