import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendPage } from '../../platform/views/render.ts';
import { readOrganisationSettings } from '../organisation/organisation-settings.service.ts';
import { verifyCertificate } from './certificate.service.ts';
import { VerifyPage } from './views/verify-page.tsx';

// Public, and never kept by a shared cache: an unknown code (or one not yet public) is a 404 that must
// turn into the certificate at the ceremony's instant.
const PUBLIC = { permission: 'public', cache: 'private' } as const;

/** `/verifier/:code`: anyone checks a certificate by the code printed on it. */
export async function verifyRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  app.get('/verifier/:code', { schema: { params: z.object({ code: z.string().max(80) }) }, config: PUBLIC }, async (request, reply) => {
    const [result, { settings }] = await Promise.all([verifyCertificate(app.db, request.params.code), readOrganisationSettings(app.db)]);
    return sendPage(request, reply, <VerifyPage result={result} labelName={settings.labelName} />, result ? 200 : 404);
  });
}
