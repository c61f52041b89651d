import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorBody } from '../../platform/http/error-body.ts';
import { notFound } from '../../platform/http/errors.ts';
import { sendPage } from '../../platform/views/render.ts';
import { publicSelfAssessmentSummary } from '../campaign/self-assessment.service.ts';
import { listPublicInitiativeCards } from '../initiatives/public-initiatives.service.ts';
import { publicInterviews } from '../jury/interviews.service.ts';
import { listAreaLaureates } from '../label/area-laureates.service.ts';
import { currentLevels, getTerritoryLabelHistory } from '../label/results.service.ts';
import { readOrganisationSettings } from '../organisation/organisation-settings.service.ts';
import { publicResponsibleDigital } from '../nr/public-section.service.ts';
import { labelHistoryMessages } from '../palmares/label-history.messages.ts';
import { apiLabel } from '../palmares/label-history.rules.ts';
import { getTerritoryLabel } from '../palmares/label-history.service.ts';
import { territoryMessages as m } from '../territories/messages.ts';
import { territoryItem } from '../territories/routes.tsx';
import { getTerritoryDetails } from '../territories/territory-details.service.ts';
import { TerritoryPage } from './views/territory-page.tsx';

const territoryDetails = territoryItem.omit({ department: true, region: true }).extend({
  officialCode: z.string(),
  siren: z.string().nullable(),
  legalForm: z.string().nullable(),
  postcodes: z.array(z.string()),
  department: z.object({ code: z.string(), name: z.string() }).nullable(),
  region: z.object({ code: z.string(), name: z.string() }).nullable(),
  epci: z.object({ code: z.string(), name: z.string() }).nullable(),
  members: z.array(territoryItem),
  label: territoryLabel(),
});

/** The `label` property: published editions only. */
function territoryLabel() {
  const d = labelHistoryMessages.api;
  const year = z.number().int();
  const level = z.number().int().min(1).max(5);
  return z
    .object({
      current: z.object({ year, level }).nullable().describe(d.current),
      history: z.array(z.object({ year, level, distinctions: z.array(z.string()) })).describe(d.history),
      excellence: z.object({
        grantYears: z.array(year).describe(d.grantYears),
        validUntil: year.nullable().describe(d.validUntil),
        validNow: z.boolean().describe(d.validNow),
      }),
    })
    .describe(d.label);
}

// A territory and its label are public reference data: shared caches keep anonymous answers.
const PUBLIC = { permission: 'public', cache: 'public' } as const;

/**
 * A territory's page and its API answer: its identity from the territories module, with its label
 * history and public initiatives from the modules above it.
 */
export async function territoryPageRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/territories/:code',
    {
      schema: {
        summary: m.api.detailsSummary,
        tags: ['territoires'],
        params: z.object({ code: z.string().max(20).describe(m.api.parameters.code) }),
        response: { 200: territoryDetails, 404: apiErrorBody },
      },
      config: PUBLIC,
    },
    async (request) => {
      const details = await getTerritoryDetails(app.db, request.params.code);
      if (!details) throw notFound(m.api.notFound(request.params.code));
      const history = await getTerritoryLabelHistory(app.db, details.code);
      return {
        ...details,
        label: apiLabel(history),
        region: details.region ? { code: details.region.code, name: details.region.name } : null,
        epci: details.epci ? { code: details.epci.code, name: details.epci.name } : null,
      };
    },
  );

  app.get('/territoires/:code', { schema: { params: z.object({ code: z.string() }) }, config: PUBLIC }, async (request, reply) => {
    const { code } = request.params;
    const details = await getTerritoryDetails(app.db, code);
    if (!details) throw notFound(m.notFound(code));
    const area = details.kind === 'departement' || details.kind === 'region' ? { kind: details.kind, code: details.officialCode } : null;
    const [initiatives, label, { settings }, laureates, memberLevels, selfAssessment, interviews, responsibleDigital] = await Promise.all([
      listPublicInitiativeCards(app.db, { territoryCode: details.code }),
      getTerritoryLabel(app.db, details.code),
      readOrganisationSettings(app.db),
      area ? listAreaLaureates(app.db, area) : null,
      details.kind === 'epci'
        ? currentLevels(
            app.db,
            details.members.map((member) => member.code),
          )
        : new Map<string, { year: number; level: number }>(),
      publicSelfAssessmentSummary(app.db, details.code),
      // The laureate's interviews of the editions whose results are public, where it agreed.
      publicInterviews(app.db, { territoryCode: details.code }),
      // Only what the territory chose to make public of its responsible-digital work.
      publicResponsibleDigital(app.db, details.code),
    ]);
    return sendPage(
      request,
      reply,
      <TerritoryPage
        territory={details}
        initiatives={initiatives}
        label={label}
        baseUrl={app.config.baseUrl}
        labelName={settings.labelName}
        areaLaureates={area ? { area, result: laureates } : null}
        memberLevels={memberLevels}
        selfAssessment={selfAssessment}
        interviews={interviews}
        responsibleDigital={responsibleDigital}
      />,
    );
  });
}
