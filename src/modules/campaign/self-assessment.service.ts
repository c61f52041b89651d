import { emit } from '../../platform/events.ts';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { InvalidInputError, NotFoundError } from '../../platform/errors.ts';
import { requirePermission } from '../accounts/guard.ts';
import { responsibleDigitalMaturity } from '../nr/jury-view.service.ts';
import { personIdOf, type Person } from '../accounts/permissions.rules.ts';
import {
  listAssessableInitiatives,
  listPublicInitiativesCovering,
  territoriesWithPublicSheets,
  type AssessableInitiative,
} from '../initiatives/assessable-initiatives.service.ts';
import { listEditions } from '../label/editions.service.ts';
import { getCurrentReferential, getReferential } from '../referential/referential.service.ts';
import { territoryMessages } from '../territories/messages.ts';
import { getTerritoriesByCodes, getTerritory } from '../territories/search-territories.service.ts';
import { takesPart } from '../territories/territory.rules.ts';
import { getSelfAssessmentParameters } from './questionnaire.service.ts';
import { applicationSnapshots, selfAssessmentExclusions } from './schema.ts';
import {
  actionLeads,
  coveredServiceIds,
  DEFAULT_SELF_ASSESSMENT_PARAMETERS,
  notConcernedRefusal,
  peerPosition,
  selfAssessment,
  serviceShareAmongPeers,
  type ActionLead,
  type SelfAssessmentParameters,
  type SelfAssessmentResult,
} from './self-assessment.rules.ts';
import { selfAssessmentMessages as sm } from './self-assessment.messages.ts';

/** How many weakest themes get « pistes d’action », and how many examples each. */
export const ACTION_LEAD_THEMES = 3;
export const EXAMPLES_PER_LEAD = 3;
/** The longest reason of a « non concerné » declaration. */
export const NOT_CONCERNED_REASON_MAX = 500;
/** Public sheets read to find the examples of all leads at once. */
const EXAMPLE_CANDIDATES = 300;

export type LeadExample = { id: string; title: string; territoryName: string };
export type SelfAssessmentLead = ActionLead & { examples: LeadExample[] };
export type SelfAssessmentPeers = {
  /** « communes de 3 000 à 20 000 habitants »; empty when the territory has no stratum. */
  label: string;
  /** Comparable territories: same category and stratum, at least one public sheet, the territory excepted. */
  count: number;
  position: { belowPercent: number } | null;
  /** Per service, the whole % of peers with a public sheet covering it; null under MIN_PEERS. */
  serviceShare: Record<string, number> | null;
};
export type TerritorySelfAssessment = {
  result: SelfAssessmentResult;
  peers: SelfAssessmentPeers;
  leads: SelfAssessmentLead[];
  /** The territory's sheets read (titles for « couvert par »), by id. */
  initiatives: Record<string, { title: string; status: AssessableInitiative['status'] }>;
  referentialVersion: string;
};
export type EvolutionPoint = { year: number; overall: number; coverage: number; submittedAt: Date };

/**
 * The weights of an edition (its year), or, without one, of the latest edition prepared for a
 * campaign (the rules a territory would be assessed by now); the defaults when none stored its own.
 */
export async function parametersFor(db: Db, year?: number): Promise<SelfAssessmentParameters> {
  const chosen = year ?? (await listEditions(db)).find((e) => e.state !== 'draft')?.year;
  return chosen === undefined ? DEFAULT_SELF_ASSESSMENT_PARAMETERS : getSelfAssessmentParameters(db, chosen);
}

async function treeOf(db: Db, version?: string) {
  const referential = version ? await getReferential(db, version) : await getCurrentReferential(db);
  if (!referential) throw new NotFoundError();
  return referential;
}

async function territoryOrNotFound(db: Db, code: string) {
  const territory = await getTerritory(db, code);
  if (!territory) throw new NotFoundError();
  return territory;
}

/** The label of a territory's peers: « communes de 3 000 à 20 000 habitants ». */
export function peerLabelOf(territory: { category: keyof typeof sm.peerNouns; stratum: keyof typeof territoryMessages.strata | null }): string {
  return territory.stratum ? `${sm.peerNouns[territory.category]} ${territoryMessages.strata[territory.stratum]}` : '';
}

/**
 * A territory's self-assessment, no permission checked (callers check): `all` reads its sheets,
 * drafts included (never deleted ones), and its « non concerné » declarations; `public` its
 * published sheets only, as peers are read: what anyone may see, comparable with them. Peers are
 * read in a few batched queries, never one per peer.
 */
export async function computeSelfAssessment(
  db: Db,
  territoryCode: string,
  options: { scope: 'all' | 'public'; referentialVersion?: string; year?: number },
): Promise<TerritorySelfAssessment> {
  const territory = await territoryOrNotFound(db, territoryCode);
  const [tree, parameters, own, exclusions, peerCandidates] = await Promise.all([
    treeOf(db, options.referentialVersion),
    parametersFor(db, options.year),
    listAssessableInitiatives(db, [territory.code], options.scope),
    options.scope === 'all' ? listExclusions(db, territory.code) : Promise.resolve([]),
    territory.stratum ? territoriesWithPublicSheets(db, territory.code) : Promise.resolve([]),
  ]);
  const result = selfAssessment(tree, own, exclusions, parameters);

  // Peers: the territories of the same category and stratum among those that publish sheets.
  const peerCodes = (await getTerritoriesByCodes(db, peerCandidates))
    .filter((t) => t.category === territory.category && t.stratum === territory.stratum)
    .map((t) => t.code);
  const peerSheets = await listAssessableInitiatives(db, peerCodes, 'public');
  const sheetsByPeer = new Map<string, AssessableInitiative[]>(peerCodes.map((code) => [code, []]));
  for (const sheet of peerSheets) sheetsByPeer.get(sheet.territoryCode)?.push(sheet);
  const peerResults = [...sheetsByPeer.values()].map((sheets) => selfAssessment(tree, sheets, [], parameters));
  const position = peerPosition(
    result.overall,
    peerResults.map((r) => r.overall),
  );
  const share = serviceShareAmongPeers(tree, peerResults.map(coveredServiceIds));

  const leads = await leadsWithExamples(db, result, territory.code, new Set(peerCodes));
  return {
    result,
    peers: {
      label: peerLabelOf(territory),
      count: peerCodes.length,
      position: position ? { belowPercent: position.belowPercent } : null,
      serviceShare: share?.percentByService ?? null,
    },
    leads,
    initiatives: Object.fromEntries(own.map((i) => [i.id, { title: i.title, status: i.status }])),
    referentialVersion: tree.version,
  };
}

/**
 * The public part of a territory's self-assessment, for its public page: from its published sheets
 * only, without peers nor leads (two queries). Null for an unknown territory or one that does not
 * take part in the label.
 */
export async function publicSelfAssessmentSummary(db: Db, territoryCode: string) {
  const territory = await getTerritory(db, territoryCode);
  if (!territory || !takesPart(territory)) return null;
  const [tree, parameters, own] = await Promise.all([treeOf(db), parametersFor(db), listAssessableInitiatives(db, [territory.code], 'public')]);
  const result = selfAssessment(tree, own, [], parameters);
  return {
    overall: result.overall,
    coverage: result.coverage,
    axes: result.axes.map(({ id, name, score, coverage }) => ({ id, name, score, coverage })),
    sheets: own.length,
  };
}
export type PublicSelfAssessmentSummary = NonNullable<Awaited<ReturnType<typeof publicSelfAssessmentSummary>>>;

/** The weakest themes' uncovered services, each lead with public sheets of similar territories (same stratum first). */
async function leadsWithExamples(db: Db, result: SelfAssessmentResult, territoryCode: string, peerCodes: ReadonlySet<string>): Promise<SelfAssessmentLead[]> {
  const leads = actionLeads(result, ACTION_LEAD_THEMES);
  const wanted = [...new Set(leads.flatMap((l) => l.services.map((s) => s.id)))];
  const candidates = await listPublicInitiativesCovering(db, wanted, { exceptTerritory: territoryCode, limit: EXAMPLE_CANDIDATES });
  const names = new Map((await getTerritoriesByCodes(db, [...new Set(candidates.map((c) => c.territoryCode))])).map((t) => [t.code, t.name]));
  // Stable sort: within each group, the most recently published first (the query's order).
  const ranked = [...candidates].sort((a, b) => Number(peerCodes.has(b.territoryCode)) - Number(peerCodes.has(a.territoryCode)));
  return leads.map((lead) => {
    const ids = new Set(lead.services.map((s) => s.id));
    const examples = ranked
      .filter((c) => c.serviceIds.some((id) => ids.has(id)))
      .slice(0, EXAMPLES_PER_LEAD)
      .map((c) => ({ id: c.id, title: c.title, territoryName: names.get(c.territoryCode) ?? c.territoryCode }));
    return { ...lead, examples };
  });
}

async function listExclusions(db: Db, territoryCode: string) {
  return db
    .select({ serviceId: selfAssessmentExclusions.serviceId, reason: selfAssessmentExclusions.reason })
    .from(selfAssessmentExclusions)
    .where(eq(selfAssessmentExclusions.territoryCode, territoryCode))
    .orderBy(asc(selfAssessmentExclusions.serviceId));
}

/** The self-assessment page of a member (or an admin): drafts and declarations included, and the scores kept at each submission. */
export async function getSelfAssessmentPage(db: Db, person: Person | null, territoryCode: string) {
  const territory = await territoryOrNotFound(db, territoryCode);
  requirePermission(person, 'selfAssessment.view', { territoryCode: territory.code });
  const [assessment, evolution, responsibleDigital] = await Promise.all([
    computeSelfAssessment(db, territory.code, { scope: 'all' }),
    listEvolution(db, territory.code),
    responsibleDigitalMaturity(db, territory.code),
  ]);
  return {
    territory: { code: territory.code, name: territory.name, category: territory.category, stratum: territory.stratum },
    ...assessment,
    evolution,
    /** The latest completed responsible-digital diagnostic's letter, beside the label's themes; null when none. */
    responsibleDigital,
  };
}
export type SelfAssessmentPage = Awaited<ReturnType<typeof getSelfAssessmentPage>>;

/**
 * One service of a territory's self-assessment, for the page where it is declared « non concerné »:
 * its state, its axis and theme, the share of peers covering it; null when the referential has no
 * such service. Same permission as the whole page.
 */
export async function getServiceSelfAssessment(db: Db, person: Person | null, territoryCode: string, serviceId: string) {
  const territory = await territoryOrNotFound(db, territoryCode);
  requirePermission(person, 'selfAssessment.view', { territoryCode: territory.code });
  const { result, peers, initiatives } = await computeSelfAssessment(db, territory.code, { scope: 'all' });
  for (const axis of result.axes) {
    for (const theme of axis.themes) {
      const service = theme.services.find((s) => s.id === serviceId);
      if (!service) continue;
      return {
        territory: { code: territory.code, name: territory.name },
        axis: { id: axis.id, name: axis.name },
        theme: { id: theme.id, name: theme.name },
        service,
        ignored: result.ignoredDeclarations.find((d) => d.serviceId === serviceId) ?? null,
        peerShare: peers.serviceShare?.[serviceId] ?? null,
        initiatives,
      };
    }
  }
  return null;
}
export type ServiceSelfAssessment = NonNullable<Awaited<ReturnType<typeof getServiceSelfAssessment>>>;

/** The latest snapshot of each year, oldest year first. */
async function listEvolution(db: Db, territoryCode: string): Promise<EvolutionPoint[]> {
  const rows = await db
    .selectDistinctOn([applicationSnapshots.year], {
      year: applicationSnapshots.year,
      overall: applicationSnapshots.overallScore,
      coverage: applicationSnapshots.coverage,
      submittedAt: applicationSnapshots.submittedAt,
    })
    .from(applicationSnapshots)
    .where(eq(applicationSnapshots.territoryCode, territoryCode))
    .orderBy(asc(applicationSnapshots.year), desc(applicationSnapshots.submittedAt));
  return rows.map((r) => ({ year: r.year, overall: Number(r.overall), coverage: Number(r.coverage), submittedAt: r.submittedAt }));
}

/**
 * Declares a service « non concerné » for the territory, with its reason (replacing an earlier one).
 * Refused, nothing stored, with the French message on the field at fault.
 */
export async function declareNotConcerned(db: Db, person: Person | null, territoryCode: string, serviceId: string, reason: string): Promise<void> {
  const territory = await territoryOrNotFound(db, territoryCode);
  requirePermission(person, 'selfAssessment.declare', { territoryCode: territory.code });
  const tree = await treeOf(db);
  const serviceIds = new Set(tree.axes.flatMap((a) => a.themes.flatMap((t) => t.services.map((s) => s.id))));
  const trimmed = (reason ?? '').trim();
  const refusal = notConcernedRefusal({ serviceId, reason: trimmed }, serviceIds);
  if (refusal) throw new InvalidInputError({ [serviceIds.has(serviceId) ? 'reason' : 'serviceId']: refusal }, refusal);
  if (trimmed.length > NOT_CONCERNED_REASON_MAX) {
    const message = sm.input.reasonTooLong(NOT_CONCERNED_REASON_MAX);
    throw new InvalidInputError({ reason: message }, message);
  }
  const declaredBy = personIdOf(person);
  await db.transaction(async (tx) => {
    await tx
      .insert(selfAssessmentExclusions)
      .values({ territoryCode: territory.code, serviceId, reason: trimmed, declaredBy })
      .onConflictDoUpdate({
        target: [selfAssessmentExclusions.territoryCode, selfAssessmentExclusions.serviceId],
        set: { reason: trimmed, declaredBy, declaredAt: new Date() },
      });
    await emit(tx, 'selfAssessment.exclusionChanged', { territoryCode: territory.code, serviceId, change: 'declared', by: declaredBy });
  });
}

/** Withdraws a « non concerné » declaration: the service counts again. Nothing to withdraw is no error. */
export async function withdrawNotConcerned(db: Db, person: Person | null, territoryCode: string, serviceId: string): Promise<void> {
  const territory = await territoryOrNotFound(db, territoryCode);
  requirePermission(person, 'selfAssessment.declare', { territoryCode: territory.code });
  await db.transaction(async (tx) => {
    const withdrawn = await tx
      .delete(selfAssessmentExclusions)
      .where(and(eq(selfAssessmentExclusions.territoryCode, territory.code), eq(selfAssessmentExclusions.serviceId, serviceId)))
      .returning({ serviceId: selfAssessmentExclusions.serviceId });
    if (withdrawn.length)
      await emit(tx, 'selfAssessment.exclusionChanged', { territoryCode: territory.code, serviceId, change: 'withdrawn', by: personIdOf(person) });
  });
}
