import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorBody as errorJson } from '../../platform/http/error-body.ts';
import { nextDossier, reviewInput } from './review.rules.ts';
import { listOwnAssignments, readDossierForReview, saveReview, type StoredReview } from './review.service.ts';

const idParams = z.object({ id: z.uuid({ message: 'Identifiant de dossier invalide.' }) });

const reviewJson = z.object({
  state: z.enum(['draft', 'submitted']),
  themeScores: z.record(z.string(), z.number().int()),
  proposedLevel: z.number().int().nullable(),
  distinctions: z.array(z.string()),
  comment: z.string().describe('Commentaire pour le jury'),
  publicComment: z.string().describe('Court commentaire public, publié avec les résultats'),
  version: z.number().int(),
  submittedAt: z.string().nullable(),
});
const reviewOf = (r: StoredReview) => ({
  state: r.state,
  themeScores: r.themeScores,
  proposedLevel: r.proposedLevel,
  distinctions: r.distinctions,
  comment: r.juryComment,
  publicComment: r.publicComment,
  version: r.version,
  submittedAt: r.submittedAt?.toISOString() ?? null,
});
const JUROR_OWN = { permission: 'jury.assignments.listOwn', cache: 'private' } as const;

/** The juror's API: their dossiers, and their review of one (assigned and not in conflict only). */
export async function reviewApiRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const tags = ['jury'];

  app.get(
    '/api/v1/jury/assignments',
    {
      schema: {
        summary: 'Mes dossiers à évaluer (juré)',
        description:
          'Les dossiers confiés au juré dans les éditions en cours d’examen, jamais un dossier avec lequel il est en conflit ; `next` est le moins avancé.',
        tags,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                applicationId: z.uuid(),
                year: z.number().int(),
                territoryCode: z.string(),
                territoryName: z.string(),
                state: z.enum(['todo', 'draft', 'submitted']),
                progress: z.number().describe('De 0 à 1 ; 1 une fois l’évaluation remise'),
              }),
            ),
            total: z.number().int(),
            next: z.uuid().nullable(),
          }),
          401: errorJson,
          403: errorJson,
        },
      },
      config: JUROR_OWN,
    },
    async (request) => {
      const items = await listOwnAssignments(app.db, request.user);
      return { items, total: items.length, next: nextDossier(items)?.applicationId ?? null };
    },
  );

  app.get(
    '/api/v1/applications/:id/review',
    {
      schema: {
        summary: 'Mon évaluation d’un dossier (juré)',
        description: 'L’évaluation du juré et, une fois la sienne remise, celles des autres jurés du dossier (`others`, null avant).',
        tags,
        params: idParams,
        response: {
          200: z.object({ review: reviewJson.nullable(), others: z.array(reviewJson.extend({ jurorName: z.string() })).nullable() }),
          401: errorJson,
          403: errorJson,
          404: errorJson,
        },
      },
      config: { permission: 'review.view', cache: 'private' },
    },
    async (request) => {
      const view = await readDossierForReview(app.db, request.user, request.params.id);
      return { review: view.own ? reviewOf(view.own) : null, others: view.others?.map((o) => ({ ...reviewOf(o), jurorName: o.jurorName })) ?? null };
    },
  );

  app.put(
    '/api/v1/applications/:id/review',
    {
      schema: {
        summary: 'Enregistrer ou remettre mon évaluation (juré)',
        description:
          'Notes de 0 à 3 par enjeu du référentiel du dossier, niveau proposé de 1 à 5, distinctions offertes par l’édition, commentaires ; `submit: true` la remet (tous les enjeux notés et un niveau), elle ne change plus ensuite. `version` : celle lue (409 si elle a changé). Réservé aux jurés à qui le dossier est confié, sans conflit d’intérêts (403 sinon).',
        tags,
        params: idParams,
        body: reviewInput,
        response: { 200: reviewJson, 400: errorJson, 401: errorJson, 403: errorJson, 404: errorJson, 409: errorJson },
      },
      config: { permission: 'review.edit', cache: 'private' },
    },
    async (request) => reviewOf(await saveReview(app.db, request.user, request.params.id, request.body)),
  );
}
