import { z } from 'zod';
import type { InitiativeStatus } from '../initiatives/initiative.rules.ts';
import { campaignMessages } from './messages.ts';
import { selfAssessmentWeightsMessages } from './self-assessment-weights.messages.ts';

/**
 * The self-assessment, pure: how much of the referential a territory's initiatives cover, weighted by
 * their status, per theme, per axis and overall. The rules, each unit-tested:
 * - a service's value is the highest status weight among the initiatives covering it (0 when none);
 * - a service declared « non concerné » with a reason leaves every denominator; a declaration without
 *   a reason, for a service not in the referential, or for a service an initiative of positive weight
 *   covers, is ignored (the service stays counted) and reported in `ignoredDeclarations`, so the page
 *   can say why; `notConcernedRefusal` lets a form refuse it before it is stored;
 * - theme score = 100 × sum of its concerned services' values / their number; null (« non concerné »)
 *   when it has no concerned service;
 * - axis and overall scores are computed the same way over all their concerned services (not the mean
 *   of theme scores: a theme with many services weighs more);
 * - coverage = 100 × concerned services with at least one initiative of positive weight / concerned services;
 * - zero initiatives give 0 everywhere (null only where nothing is concerned);
 * - scores and coverages are rounded once, at the output, by `roundScore`.
 */

/** The referential as the scoring reads it: axes → themes → services. */
export type ReferentialTree = {
  axes: readonly { id: string; name: string; themes: readonly { id: string; name: string; services: readonly { id: string; name: string }[] }[] }[];
};
/** What the scoring reads of an initiative. Service ids absent from the referential are ignored. */
export type AssessedInitiative = { id: string; status: InitiativeStatus; serviceIds: readonly string[] };
/** A service the territory declares « non concerné », with its reason (required). */
export type NotConcernedDeclaration = { serviceId: string; reason: string | null | undefined };

/** The weights of statuses, parameters of an edition: each between 0 and 1 (1 = the service is fully rendered). */
const weight = z.number().min(0).max(1);
export const selfAssessmentParametersSchema = z.object({
  statusWeights: z.object({ done: weight, in_progress: weight, planned: weight, abandoned: weight }) satisfies z.ZodType<Record<InitiativeStatus, number>>,
});
export type SelfAssessmentParameters = z.output<typeof selfAssessmentParametersSchema>;

/**
 * Default weights. Done (1): the service is rendered. In progress (0.6): it is partly rendered and
 * running, more than half the way but not yet proven. Planned (0.2): an intention, a small credit so
 * that documenting plans is worth it ("réalisées, en cours ou projetées") without being mistaken for
 * delivery. Abandoned (0): no service rendered.
 */
export const DEFAULT_SELF_ASSESSMENT_PARAMETERS: SelfAssessmentParameters = {
  statusWeights: { done: 1, in_progress: 0.6, planned: 0.2, abandoned: 0 },
};

/** The statuses from the most advanced to the least: their weights may not increase along this order. */
export const STATUSES_BY_ADVANCEMENT = ['done', 'in_progress', 'planned', 'abandoned'] as const satisfies readonly InitiativeStatus[];

/** Decimals a weight may have: as many as the pages show. */
export const WEIGHT_DECIMALS = 3;
const roundWeight = (value: number) => Math.round(value * 10 ** WEIGHT_DECIMALS) / 10 ** WEIGHT_DECIMALS;

/** A weight as typed in a French form, « 0,6 » as well as « 0.6 »; a number passes as is; null when it is not a number. */
export function parseWeight(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  const text = raw.trim().replace(',', '.');
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : null;
}

/**
 * Weights sent by the admin, checked all at once: each a number between 0 and 1 with at most
 * WEIGHT_DECIMALS decimals (decimal comma accepted), and never above the weight of a more advanced status (done ≥ in progress ≥ planned ≥
 * abandoned: documenting progress never lowers a score). The errors are keyed by status, in French.
 */
export function parametersFromInput(
  input: Partial<Record<InitiativeStatus, unknown>>,
): { ok: true; parameters: SelfAssessmentParameters } | { ok: false; errors: Partial<Record<InitiativeStatus, string>> } {
  const m = selfAssessmentWeightsMessages.input;
  const errors: Partial<Record<InitiativeStatus, string>> = {};
  const values: Partial<Record<InitiativeStatus, number>> = {};
  for (const status of STATUSES_BY_ADVANCEMENT) {
    const value = parseWeight(input[status]);
    if (value === null) errors[status] = m.notANumber;
    else if (value < 0 || value > 1) errors[status] = m.outOfRange(value);
    // The pages show three decimals at most (formatNumber): more would be saved again rounded, unseen.
    else if (roundWeight(value) !== value) errors[status] = m.tooPrecise(WEIGHT_DECIMALS);
    else values[status] = value;
  }
  STATUSES_BY_ADVANCEMENT.forEach((status, rank) => {
    const value = values[status];
    if (value === undefined) return;
    // The first more advanced status it exceeds, so the message names the pair at fault.
    for (const higher of STATUSES_BY_ADVANCEMENT.slice(0, rank)) {
      const higherValue = values[higher];
      if (higherValue === undefined || value <= higherValue) continue;
      errors[status] = m.aboveHigher(value, higher, higherValue);
      break;
    }
  });
  if (Object.keys(errors).length) return { ok: false, errors };
  const { done, in_progress, planned, abandoned } = values as Record<InitiativeStatus, number>;
  return { ok: true, parameters: { statusWeights: { done, in_progress, planned, abandoned } } };
}

/** Decimals kept in scores and coverages (0–100). */
export const SCORE_DECIMALS = 1;
/** The one rounding of the output. */
export const roundScore = (value: number): number => {
  const factor = 10 ** SCORE_DECIMALS;
  return Math.round((value + Number.EPSILON) * factor) / factor;
};

/** Fewer comparable territories than this, and no position or share among peers is given. */
export const MIN_PEERS = 5;

export type ServiceAssessment = {
  id: string;
  name: string;
  concerned: boolean;
  /** The reason of a valid « non concerné » declaration, else null. */
  notConcernedReason: string | null;
  /** The highest status weight among the initiatives covering it, 0 when none (0–1). */
  value: number;
  /** At least one initiative of positive weight covers it. */
  covered: boolean;
  /** The status that gave `value`, null when no initiative covers it. */
  bestStatus: InitiativeStatus | null;
  /** Every initiative covering it, any status. */
  initiativeIds: string[];
};
type Tally = { score: number | null; coverage: number | null; concernedServices: number; coveredServices: number };
export type ThemeAssessment = Tally & { id: string; name: string; services: ServiceAssessment[] };
export type AxisAssessment = Tally & { id: string; name: string; themes: ThemeAssessment[] };
export type IgnoredDeclaration = { serviceId: string; problem: 'reason_required' | 'unknown_service' | 'covered'; message: string };
export type SelfAssessmentResult = Tally & {
  /** Same as `score`, the name the pages and the API use. */
  overall: number | null;
  axes: AxisAssessment[];
  ignoredDeclarations: IgnoredDeclaration[];
  parameters: SelfAssessmentParameters;
};

/** Null when a « non concerné » declaration may be stored, else the French message to show beside it. */
export function notConcernedRefusal(declaration: NotConcernedDeclaration, referentialServiceIds: ReadonlySet<string>): string | null {
  if (!referentialServiceIds.has(declaration.serviceId)) return campaignMessages.selfAssessment.notConcernedUnknownService(declaration.serviceId);
  if (!declaration.reason?.trim()) return campaignMessages.selfAssessment.notConcernedReasonRequired;
  return null;
}

function tally(services: readonly ServiceAssessment[]): Tally {
  const concerned = services.filter((s) => s.concerned);
  const covered = concerned.filter((s) => s.covered).length;
  if (!concerned.length) return { score: null, coverage: null, concernedServices: 0, coveredServices: 0 };
  const sum = concerned.reduce((total, s) => total + s.value, 0);
  return {
    score: roundScore((100 * sum) / concerned.length),
    coverage: roundScore((100 * covered) / concerned.length),
    concernedServices: concerned.length,
    coveredServices: covered,
  };
}

/** The self-assessment of one territory. */
export function selfAssessment(
  tree: ReferentialTree,
  initiatives: readonly AssessedInitiative[],
  notConcerned: readonly NotConcernedDeclaration[],
  parameters: SelfAssessmentParameters = DEFAULT_SELF_ASSESSMENT_PARAMETERS,
): SelfAssessmentResult {
  const m = campaignMessages.selfAssessment;
  const weights = parameters.statusWeights;
  const best = new Map<string, { value: number; status: InitiativeStatus | null; ids: string[] }>();
  for (const initiative of initiatives) {
    for (const serviceId of new Set(initiative.serviceIds)) {
      const entry = best.get(serviceId) ?? { value: 0, status: null, ids: [] };
      const weight = weights[initiative.status];
      if (entry.status === null || weight > entry.value) Object.assign(entry, { value: weight, status: initiative.status });
      entry.ids.push(initiative.id);
      best.set(serviceId, entry);
    }
  }
  const serviceIds = new Set(tree.axes.flatMap((a) => a.themes.flatMap((t) => t.services.map((s) => s.id))));
  const declared = new Map<string, string>();
  const ignoredDeclarations: IgnoredDeclaration[] = [];
  for (const declaration of notConcerned) {
    const refusal = notConcernedRefusal(declaration, serviceIds);
    if (refusal) {
      ignoredDeclarations.push({
        serviceId: declaration.serviceId,
        problem: serviceIds.has(declaration.serviceId) ? 'reason_required' : 'unknown_service',
        message: refusal,
      });
    } else if ((best.get(declaration.serviceId)?.value ?? 0) > 0) {
      ignoredDeclarations.push({ serviceId: declaration.serviceId, problem: 'covered', message: m.notConcernedButCovered });
    } else if (!declared.has(declaration.serviceId)) declared.set(declaration.serviceId, (declaration.reason ?? '').trim());
  }
  const axes = tree.axes.map((axis) => {
    const themes = axis.themes.map((theme) => {
      const services = theme.services.map((service): ServiceAssessment => {
        const entry = best.get(service.id);
        const reason = declared.get(service.id) ?? null;
        return {
          id: service.id,
          name: service.name,
          concerned: reason === null,
          notConcernedReason: reason,
          value: entry?.value ?? 0,
          covered: (entry?.value ?? 0) > 0,
          bestStatus: entry?.status ?? null,
          initiativeIds: entry?.ids ?? [],
        };
      });
      return { id: theme.id, name: theme.name, ...tally(services), services };
    });
    return { id: axis.id, name: axis.name, ...tally(themes.flatMap((t) => t.services)), themes };
  });
  const overall = tally(axes.flatMap((a) => a.themes.flatMap((t) => t.services)));
  return { ...overall, overall: overall.score, axes, ignoredDeclarations, parameters };
}

/** The services a result counts as covered (an initiative of positive weight), to compare peers by the same rule. */
export function coveredServiceIds(result: SelfAssessmentResult): string[] {
  return result.axes.flatMap((a) => a.themes.flatMap((t) => t.services.filter((s) => s.covered).map((s) => s.id)));
}

/**
 * The share of peers (the territory itself excluded by the caller; null scores ignored) scoring
 * strictly below `score`, as a whole percentage rounded down so that « au-dessus de 70 % » never
 * overstates; null when the score is null or there are fewer than MIN_PEERS peers.
 */
export function peerPosition(score: number | null, peerScores: readonly (number | null)[]): { peerCount: number; belowPercent: number } | null {
  const scores = peerScores.filter((s): s is number => s !== null);
  if (score === null || scores.length < MIN_PEERS) return null;
  const below = scores.filter((s) => s < score).length;
  return { peerCount: scores.length, belowPercent: Math.floor((100 * below) / scores.length) };
}

/**
 * For every service of the referential, the whole percentage (rounded down) of peers with an
 * initiative covering it (each peer given as its `coveredServiceIds`); null under MIN_PEERS peers.
 */
export function serviceShareAmongPeers(
  tree: ReferentialTree,
  peerCoverage: readonly Iterable<string>[],
): { peerCount: number; percentByService: Record<string, number> } | null {
  if (peerCoverage.length < MIN_PEERS) return null;
  const counts = new Map<string, number>();
  for (const covered of peerCoverage) for (const id of new Set(covered)) counts.set(id, (counts.get(id) ?? 0) + 1);
  const percentByService: Record<string, number> = {};
  for (const axis of tree.axes) {
    for (const theme of axis.themes) {
      for (const service of theme.services) percentByService[service.id] = Math.floor((100 * (counts.get(service.id) ?? 0)) / peerCoverage.length);
    }
  }
  return { peerCount: peerCoverage.length, percentByService };
}

export type WeakTheme = ThemeAssessment & { axisId: string };

/** The `n` weakest themes: concerned and below 100, lowest score first, then lowest coverage, then the referential's order. */
export function weakestThemes(result: SelfAssessmentResult, n: number): WeakTheme[] {
  return rankedThemes(result)
    .filter((t) => t.score !== null && t.score < 100)
    .slice(0, Math.max(0, n));
}

function rankedThemes(result: SelfAssessmentResult): WeakTheme[] {
  const themes = result.axes.flatMap((a) => a.themes.map((t) => ({ ...t, axisId: a.id })));
  // Array.prototype.sort is stable: equal themes keep the referential's order.
  return themes.sort((a, b) => (a.score ?? Infinity) - (b.score ?? Infinity) || (a.coverage ?? Infinity) - (b.coverage ?? Infinity));
}

export type ActionLead = { axisId: string; themeId: string; themeName: string; score: number | null; services: { id: string; name: string }[] };

/**
 * « Pistes d'action »: for the `n` weakest themes that still have a concerned service no initiative
 * covers, those services (the page adds public initiatives of similar territories that cover them).
 * With no initiative at all, the first `n` themes of the referential, every service listed.
 */
export function actionLeads(result: SelfAssessmentResult, n: number): ActionLead[] {
  return rankedThemes(result)
    .map((t) => ({
      axisId: t.axisId,
      themeId: t.id,
      themeName: t.name,
      score: t.score,
      services: t.services.filter((s) => s.concerned && !s.covered).map(({ id, name }) => ({ id, name })),
    }))
    .filter((lead) => lead.score !== null && lead.services.length > 0)
    .slice(0, Math.max(0, n));
}

/** What the page shows to explain the computation: the weights in use, the thresholds, and the rules in French. */
export function explainParameters(parameters: SelfAssessmentParameters = DEFAULT_SELF_ASSESSMENT_PARAMETERS): {
  statusWeights: { status: InitiativeStatus; weight: number }[];
  minPeers: number;
  scoreDecimals: number;
  steps: string[];
} {
  const e = campaignMessages.selfAssessment.explanation;
  return {
    statusWeights: STATUSES_BY_ADVANCEMENT.map((status) => ({ status, weight: parameters.statusWeights[status] })),
    minPeers: MIN_PEERS,
    scoreDecimals: SCORE_DECIMALS,
    steps: [e.serviceValue, e.themeScore, e.axisScore, e.notConcerned, e.coverage, e.peers(MIN_PEERS), e.rounding, e.weights],
  };
}
