import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NR_THEME_IDS } from './nr-themes.rules.ts';
import { roadmapMessages as m } from './roadmap.messages.ts';
import { quickWinCatalogue } from './roadmap.service.ts';

const PUBLIC = { permission: 'public', cache: 'public' } as const;

const rank = z.number().int().min(1).max(3);
const quickWin = z.object({
  id: z.string(),
  title: z.string(),
  themeId: z.enum(NR_THEME_IDS as unknown as [string, ...string[]]),
  priority: rank.describe('1 : priorité la plus haute'),
  difficulty: rank.describe('1 : le plus facile'),
  effect: z.string(),
  measure: z.string(),
  questionIds: z.array(z.string()),
});

/** GET /api/v1/nr/quick-wins: the catalogue of quick wins, public. */
export async function quickWinsApiRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/v1/nr/quick-wins',
    {
      schema: {
        summary: m.api.summary,
        description: m.api.description,
        tags: ['numérique responsable'],
        response: { 200: z.object({ items: z.array(quickWin), total: z.number().int().describe(m.api.total) }) },
      },
      config: PUBLIC,
    },
    async () => quickWinCatalogue(),
  );
}
