import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { diagnosticMessages as dm } from './diagnostic.messages.ts';
import { NR_MODEL } from './nr-model.data.ts';

const modelJson = z.object({
  version: z.string().describe(dm.api.version),
  themes: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      questions: z.array(z.object({ id: z.string(), text: z.string(), levels: z.array(z.string()).length(4).describe(dm.api.levels) })),
    }),
  ),
});

const answer = {
  version: NR_MODEL.version,
  themes: NR_MODEL.themes.map((t) => ({ id: t.id, name: t.name, questions: t.questions.map((q) => ({ id: q.id, text: q.text, levels: [...q.levels] })) })),
};

/** GET /api/v1/nr/model: the diagnostic's questionnaire, public (the same for every territory). */
export async function diagnosticApiRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/v1/nr/model',
    {
      schema: { summary: dm.api.modelSummary, description: dm.api.modelDescription, tags: ['numérique responsable'], response: { 200: modelJson } },
      config: { permission: 'public', cache: 'public' },
    },
    async () => answer,
  );
}
