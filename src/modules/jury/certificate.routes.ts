import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../platform/http/errors.ts';
import { readOrganisationSettings } from '../organisation/organisation-settings.service.ts';
import { renderCertificatePdf, type Signatory } from './certificate-pdf.ts';
import { certificateOf, type CertifiedResult } from './certificate.service.ts';
import { deliberationMessages } from './deliberation.messages.ts';
import { renderSignPdf } from './sign-pdf.ts';

const m = deliberationMessages.certificate;
const params = z.object({ code: z.string().max(20), year: z.string().max(10) });
// Public once the results are, and a 404 before: never kept by a shared cache, so the certificate
// appears with the results at the ceremony's instant and not a cache's lifetime later.
const PUBLIC = { permission: 'public', cache: 'private' } as const;

/** The certificate and the sign of a laureate, as PDF: `/territoires/:code/attestations/:year.pdf` and `/territoires/:code/panneau/:year.pdf`. */
export async function certificateRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const db = app.db;

  async function published(code: string, rawYear: string): Promise<{ result: CertifiedResult; signatory: Signatory }> {
    const result = /^\d{4}$/.test(rawYear) ? await certificateOf(db, code, Number(rawYear)) : null;
    if (!result) throw notFound(m.notFound);
    const { settings } = await readOrganisationSettings(db);
    return { result, signatory: { labelName: settings.labelName, organiserName: settings.organiserName, signatory: settings.publicationDirector } };
  }

  const send = (reply: FastifyReply, fileName: string, pdf: Buffer) =>
    reply.type('application/pdf').header('content-disposition', `inline; filename="${fileName}"`).send(pdf);

  app.get('/territoires/:code/attestations/:year.pdf', { schema: { params }, config: PUBLIC }, async (request, reply) => {
    const { result, signatory } = await published(request.params.code, request.params.year);
    const pdf = await renderCertificatePdf(result, signatory, { baseUrl: app.config.baseUrl });
    return send(reply, m.fileName(result.year, result.territory.code), pdf);
  });

  app.get('/territoires/:code/panneau/:year.pdf', { schema: { params }, config: PUBLIC }, async (request, reply) => {
    const { result, signatory } = await published(request.params.code, request.params.year);
    return send(reply, m.signFileName(result.year, result.territory.code), await renderSignPdf(result, signatory));
  });
}
