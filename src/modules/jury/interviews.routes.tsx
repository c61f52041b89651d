import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../platform/http/errors.ts';
import { sendPage } from '../../platform/views/render.ts';
import { interviewsMessages } from './interviews.messages.ts';
import { publicInterviewPhoto, publicInterviews } from './interviews.service.ts';
import { InterviewsPage } from './views/interviews-page.tsx';

const m = interviewsMessages.errors;

// Public data once the results are: shared caches keep anonymous answers, as the palmarès pages.
// An error answer (a 404 before the ceremony) is never stored, so the page appears at the instant.
const PUBLIC = { permission: 'public', cache: 'public' } as const;

/** Any text is looked up: a malformed year or code is a 404 as an unknown one, never a 400 nor a 500. */
const yearParams = z.object({ year: z.string() });
const photoParams = z.object({ year: z.string(), code: z.string() });

const yearOf = (raw: string): number | null => (/^\d{4}$/.test(raw) ? Number(raw) : null);
const isTerritoryCode = (raw: string): boolean => /^[0-9A-Za-z]{1,20}$/.test(raw);

/** /palmares/:year/entretiens: the laureates' interviews of a public edition, and their photos. */
export async function interviewsRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const db = app.db;

  app.get('/palmares/:year/entretiens', { schema: { params: yearParams }, config: PUBLIC }, async (request, reply) => {
    const raw = request.params.year;
    const year = yearOf(raw);
    const interviews = year === null ? null : await publicInterviews(db, { year });
    if (year === null || !interviews) throw notFound(m.notFound(raw.slice(0, 40)));
    return sendPage(request, reply, <InterviewsPage year={year} interviews={interviews} />);
  });

  app.get('/palmares/:year/entretiens/:code/photo', { schema: { params: photoParams }, config: PUBLIC }, async (request, reply) => {
    const year = yearOf(request.params.year);
    const { code } = request.params;
    const photo = year !== null && isTerritoryCode(code) ? await publicInterviewPhoto(db, year, code) : null;
    if (!photo) throw notFound(m.photoNotFound);
    return reply.type(photo.contentType).send(photo.data);
  });
}
