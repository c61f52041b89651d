import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { indicatorMessages } from './indicators.messages.ts';
import { listStandardIndicators } from './indicators.service.ts';
import { INDICATOR_DIRECTIONS } from './nr-indicators.data.ts';
import { NR_THEME_IDS, type NrThemeId } from './nr-themes.rules.ts';

const m = indicatorMessages.api;

const indicatorJson = z.object({
  id: z.string().describe(m.id),
  name: z.string(),
  unit: z.string().describe(m.unit),
  theme: z.enum(NR_THEME_IDS as unknown as [NrThemeId, ...NrThemeId[]]).describe(m.theme),
  better: z.enum(INDICATOR_DIRECTIONS).describe(m.better),
});

/** GET /api/v1/nr/indicators: the standard indicators' catalogue, the same for everyone (no territory's values). */
export async function indicatorsApiRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/nr/indicators',
    {
      schema: {
        summary: m.summary,
        description: m.description,
        tags: ['numérique responsable'],
        response: { 200: z.object({ items: z.array(indicatorJson), total: z.number().int() }) },
      },
      config: { permission: 'public', cache: 'public' },
    },
    async () => {
      const items = listStandardIndicators();
      return { items, total: items.length };
    },
  );
}
