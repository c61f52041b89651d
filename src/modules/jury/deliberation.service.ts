/** The deliberation: the staff read the agenda and each dossier with its reviews, and record the jury's decisions. */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import { isUuid, parseOrThrow } from '../../platform/validation.ts';
import { requirePermission } from '../accounts/guard.ts';
import { personIdOf, type Caller, type Person } from '../accounts/permissions.rules.ts';
import { accountsByIds, displayNamesOf } from '../accounts/users.service.ts';
import { listEditionApplications } from '../campaign/applications-admin.service.ts';
import {
  snapshotForJury,
  submittedDossierFigures,
  submittedDossierRef,
  type ApplicationSnapshot,
  type SubmittedDossierFigures,
} from '../campaign/application-snapshots.service.ts';
import { getEdition, listOfferedDistinctions, lockEditionWithClock, type Edition } from '../label/editions.service.ts';
import { getTerritoryLabelHistory, listPublishedEditionYears } from '../label/results.service.ts';
import { TOP_LEVEL, type ExcellenceParameters } from '../label/results.rules.ts';
import { getReferential } from '../referential/referential.service.ts';
import { deliberationMessages } from './deliberation.messages.ts';
import {
  agendaOrder,
  decisionInput,
  decisionRefusals,
  deliberationWindow,
  divergence,
  excellenceOutlook,
  isDiverging,
  suggestedLevel,
  type DeliberationWindow,
  type ExcellenceOutlook,
  type SuggestedLevel,
} from './deliberation.rules.ts';
import './events.ts';
import { juryParametersOf, type JuryParameters } from './jury-parameters.service.ts';
import type { ReviewState } from './review.rules.ts';
import { assignments, deliberationChanges, deliberations, jurors, reviews } from './schema.ts';

const e = deliberationMessages.errors;

/** One assigned review as the staff read it: `todo` while the juror has not started. */
export type ReviewSummary = {
  jurorId: string;
  jurorName: string;
  state: ReviewState | 'todo';
  level: number | null;
  themeScores: Record<string, number>;
  distinctions: string[];
  juryComment: string;
  publicComment: string;
  submittedAt: Date | null;
};

export type Decision = {
  level: number;
  distinctions: string[];
  rationale: string;
  publicComment: string;
  version: number;
  decidedBy: string | null;
  decidedAt: Date;
};

export type AgendaItem = Omit<SubmittedDossierFigures, 'year'> & {
  reviews: ReviewSummary[];
  /** The handed-in reviews' proposed levels: what the suggestion and the divergence read. */
  reviewLevels: number[];
  suggestion: SuggestedLevel;
  divergence: number;
  diverging: boolean;
  decision: Decision | null;
};

export type DeliberationAgenda = {
  edition: Edition;
  window: DeliberationWindow;
  parameters: JuryParameters;
  items: AgendaItem[];
  decided: number;
  toDecide: number;
};

async function editionOrNotFound(db: Db, year: number): Promise<Edition> {
  const edition = await getEdition(db, year);
  if (!edition) throw new NotFoundError(e.editionNotFound(year));
  return edition;
}

/** The reviews of the edition's assigned dossiers (of the given ones), started or not, with the jurors' names. */
async function reviewsOf(db: Db, year: number, applicationIds?: readonly string[]): Promise<Map<string, ReviewSummary[]>> {
  const where = applicationIds ? and(eq(assignments.year, year), inArray(assignments.applicationId, [...applicationIds])) : eq(assignments.year, year);
  const rows = await db
    .select({
      applicationId: assignments.applicationId,
      jurorId: assignments.jurorId,
      userId: jurors.userId,
      state: reviews.state,
      level: reviews.proposedLevel,
      themeScores: reviews.themeScores,
      distinctions: reviews.distinctions,
      juryComment: reviews.juryComment,
      publicComment: reviews.publicComment,
      submittedAt: reviews.submittedAt,
    })
    .from(assignments)
    .innerJoin(jurors, eq(jurors.id, assignments.jurorId))
    .leftJoin(reviews, and(eq(reviews.applicationId, assignments.applicationId), eq(reviews.jurorId, assignments.jurorId)))
    .where(where);
  const accounts = await accountsByIds(
    db,
    rows.map((r) => r.userId),
  );
  const byDossier = new Map<string, ReviewSummary[]>();
  for (const r of rows) {
    const account = accounts.get(r.userId);
    const review: ReviewSummary = {
      jurorId: r.jurorId,
      jurorName: account?.displayName || account?.email || '',
      state: r.state ?? 'todo',
      level: r.level,
      themeScores: r.themeScores ?? {},
      distinctions: r.distinctions ?? [],
      juryComment: r.juryComment ?? '',
      publicComment: r.publicComment ?? '',
      submittedAt: r.submittedAt,
    };
    byDossier.set(r.applicationId, [...(byDossier.get(r.applicationId) ?? []), review]);
  }
  for (const list of byDossier.values()) list.sort((a, b) => a.jurorName.localeCompare(b.jurorName, 'fr'));
  return byDossier;
}

async function decisionsOf(db: Db, year: number, applicationIds?: readonly string[]): Promise<Map<string, Decision>> {
  const where = applicationIds ? and(eq(deliberations.year, year), inArray(deliberations.applicationId, [...applicationIds])) : eq(deliberations.year, year);
  const rows = await db.select().from(deliberations).where(where);
  return new Map(
    rows.map((r) => [
      r.applicationId,
      {
        level: r.level,
        distinctions: r.distinctions,
        rationale: r.rationale,
        publicComment: r.publicComment,
        version: r.version,
        decidedBy: r.decidedBy,
        decidedAt: r.decidedAt,
      },
    ]),
  );
}

function itemOf(dossier: SubmittedDossierFigures, reviewList: ReviewSummary[], decision: Decision | null, parameters: JuryParameters): AgendaItem {
  const reviewLevels = reviewList.flatMap((r) => (r.state === 'submitted' && r.level !== null ? [r.level] : []));
  const { year: _year, ...figures } = dossier;
  return {
    ...figures,
    reviews: reviewList,
    reviewLevels,
    suggestion: suggestedLevel(dossier.coverage, reviewLevels, parameters),
    divergence: divergence(reviewLevels),
    diverging: isDiverging(reviewLevels),
    decision,
  };
}

/**
 * The deliberation's agenda (`deliberation.view`): every submitted dossier with its figures at
 * submission, its reviews, the suggested level, the divergence and the decision if any; diverging
 * dossiers first, the widest gaps first, then by territory name.
 */
export async function deliberationAgenda(db: Db, caller: Caller | null, year: number): Promise<DeliberationAgenda> {
  requirePermission(caller, 'deliberation.view');
  const edition = await editionOrNotFound(db, year);
  const [dossiers, reviewMap, decisions, parameters] = await Promise.all([
    submittedDossierFigures(db, caller, year),
    reviewsOf(db, year),
    decisionsOf(db, year),
    juryParametersOf(db, year),
  ]);
  const items = agendaOrder(dossiers.map((d) => itemOf(d, reviewMap.get(d.applicationId) ?? [], decisions.get(d.applicationId) ?? null, parameters)));
  const decided = items.filter((i) => i.decision).length;
  return { edition, window: deliberationWindow(edition), parameters, items, decided, toDecide: items.length - decided };
}

export type DecisionChange = { level: number; distinctions: string[]; rationale: string; by: string | null; decidedAt: Date };

export type DeliberationDossier = {
  edition: Edition;
  window: DeliberationWindow;
  parameters: JuryParameters;
  item: AgendaItem;
  snapshot: ApplicationSnapshot;
  themes: { id: string; name: string; axis: string }[];
  /** The distinctions the edition offers, the title excluded (it follows from its rule). */
  offeredDistinctions: { code: string; name: string }[];
  /** Names of every distinction the page may show (the reviews' proposals included). */
  distinctionNames: Record<string, string>;
  decidedByName: string | null;
  /** Every decision recorded, newest first. */
  history: DecisionChange[];
  excellence: { parameters: ExcellenceParameters; decision: ExcellenceOutlook | null; atTopLevel: ExcellenceOutlook };
};

/** One dossier of the deliberation (`deliberation.view`): the snapshot, the reviews in full, the suggestion, the decision and its history. */
export async function deliberationOf(db: Db, caller: Caller | null, applicationId: string): Promise<DeliberationDossier> {
  requirePermission(caller, 'deliberation.view');
  const ref = isUuid(applicationId) ? await submittedDossierRef(db, applicationId) : null;
  if (!ref) throw new NotFoundError(e.dossierNotFound);
  const edition = await editionOrNotFound(db, ref.year);
  const [figures, reviewMap, decisions, parameters, snapshot, offered, historyRows, labelHistory, editionYears] = await Promise.all([
    submittedDossierFigures(db, caller, ref.year),
    reviewsOf(db, ref.year, [ref.applicationId]),
    decisionsOf(db, ref.year, [ref.applicationId]),
    juryParametersOf(db, ref.year),
    snapshotForJury(db, ref),
    listOfferedDistinctions(db, ref.year),
    db
      .select()
      .from(deliberationChanges)
      .where(eq(deliberationChanges.applicationId, ref.applicationId))
      .orderBy(desc(deliberationChanges.decidedAt), desc(deliberationChanges.id)),
    getTerritoryLabelHistory(db, ref.territoryCode),
    listPublishedEditionYears(db),
  ]);
  const dossier = figures.find((f) => f.applicationId === ref.applicationId);
  if (!dossier) throw new NotFoundError(e.dossierNotFound);
  const decision = decisions.get(ref.applicationId) ?? null;
  const item = itemOf(dossier, reviewMap.get(ref.applicationId) ?? [], decision, parameters);
  const referential = await getReferential(db, snapshot.content.referentialVersion);
  const themes = (referential?.axes ?? []).flatMap((axis) => axis.themes.map((t) => ({ id: t.id, name: t.name, axis: axis.name })));
  const names = await displayNamesOf(db, [
    ...historyRows.flatMap((h) => (h.decidedBy ? [h.decidedBy] : [])),
    ...(decision?.decidedBy ? [decision.decidedBy] : []),
  ]);
  const outlookAt = (level: number) =>
    excellenceOutlook({
      year: ref.year,
      level,
      levelsByYear: new Map(labelHistory.results.map((r) => [r.year, r.level])),
      editionYears,
      grantYears: labelHistory.excellence.grantYears,
      parameters: labelHistory.excellence.parameters,
    });
  return {
    edition,
    window: deliberationWindow(edition),
    parameters,
    item,
    snapshot,
    themes,
    offeredDistinctions: offered.filter((d) => d.kind !== 'excellence').map((d) => ({ code: d.code, name: d.name })),
    distinctionNames: Object.fromEntries(offered.map((d) => [d.code, d.name])),
    decidedByName: decision?.decidedBy ? (names.get(decision.decidedBy) ?? null) : null,
    history: historyRows.map((h) => ({
      level: h.level,
      distinctions: h.distinctions,
      rationale: h.rationale,
      by: h.decidedBy ? (names.get(h.decidedBy) ?? null) : null,
      decidedAt: h.decidedAt,
    })),
    excellence: { parameters: labelHistory.excellence.parameters, decision: decision ? outlookAt(decision.level) : null, atTopLevel: outlookAt(TOP_LEVEL) },
  };
}

/**
 * Records the jury's decision on a submitted dossier (`deliberation.record`): checked first
 * (InvalidInputError naming the field, nothing written), then, with the edition locked, only while
 * it is under review or deliberated and its publication not scheduled, and only from the version the
 * staff read (ConflictError otherwise). Every recording, the first included, adds a line to the
 * history. Emits 'deliberation.recorded' in the transaction.
 */
export async function recordDeliberation(
  db: Db,
  caller: Caller | null,
  applicationId: string,
  input: unknown,
): Promise<Decision & { applicationId: string; year: number; territoryCode: string }> {
  requirePermission(caller, 'deliberation.record');
  const ref = isUuid(applicationId) ? await submittedDossierRef(db, applicationId) : null;
  if (!ref) throw new NotFoundError(e.dossierNotFound);
  const data = parseOrThrow(decisionInput, input);
  const offered = await listOfferedDistinctions(db, ref.year);
  const checked = decisionRefusals(
    data.distinctions,
    offered.map((d) => d.code),
  );
  if (Object.keys(checked.errors).length) throw new InvalidInputError(checked.errors);
  const by = personIdOf(caller);
  return db.transaction(async (tx) => {
    const locked = await lockEditionWithClock(tx, ref.year);
    if (!locked) throw new NotFoundError(e.editionNotFound(ref.year));
    const window = deliberationWindow(locked.edition);
    if (window !== 'open') throw new ConflictError(e[window]);
    const [current] = await tx
      .select({ version: deliberations.version })
      .from(deliberations)
      .where(eq(deliberations.applicationId, ref.applicationId))
      .for('update');
    const expected = data.version ?? 0;
    if ((current?.version ?? 0) !== expected) throw new ConflictError(e.stale, 'version');
    const values = {
      level: data.level,
      distinctions: checked.distinctions,
      rationale: data.rationale,
      publicComment: data.publicComment,
      decidedBy: by,
      decidedAt: locked.now,
    };
    const [row] = current
      ? await tx
          .update(deliberations)
          .set({ ...values, version: expected + 1 })
          .where(and(eq(deliberations.applicationId, ref.applicationId), eq(deliberations.version, expected)))
          .returning()
      : await tx
          .insert(deliberations)
          .values({ applicationId: ref.applicationId, year: ref.year, territoryCode: ref.territoryCode, ...values, version: 1 })
          .onConflictDoNothing()
          .returning();
    if (!row) throw new ConflictError(e.stale, 'version');
    await tx.insert(deliberationChanges).values({
      applicationId: ref.applicationId,
      level: row.level,
      distinctions: row.distinctions,
      rationale: row.rationale,
      decidedBy: by,
      decidedAt: locked.now,
    });
    await emit(tx, 'deliberation.recorded', {
      year: ref.year,
      applicationId: ref.applicationId,
      territoryCode: ref.territoryCode,
      level: row.level,
      version: row.version,
      by,
    });
    return {
      applicationId: ref.applicationId,
      year: ref.year,
      territoryCode: ref.territoryCode,
      level: row.level,
      distinctions: row.distinctions,
      rationale: row.rationale,
      publicComment: row.publicComment,
      version: row.version,
      decidedBy: row.decidedBy,
      decidedAt: row.decidedAt,
    };
  });
}

export type ApplicationProgress = {
  id: string;
  territoryCode: string;
  territoryName: string;
  state: string;
  submittedAt: Date | null;
  assigned: number;
  submitted: number;
  decision: { level: number; version: number } | null;
};

/** Every dossier of the edition (`applications.list` and `deliberation.view`), with its reviews' progress and its decision's level. */
export async function editionApplicationsProgress(db: Db, person: Person | null, year: number): Promise<ApplicationProgress[]> {
  requirePermission(person, 'deliberation.view');
  await editionOrNotFound(db, year);
  const [applications, reviewMap, decisions] = await Promise.all([listEditionApplications(db, person, year), reviewsOf(db, year), decisionsOf(db, year)]);
  return applications.map((a) => {
    const list = reviewMap.get(a.id) ?? [];
    const decision = decisions.get(a.id);
    return {
      id: a.id,
      territoryCode: a.territory.code,
      territoryName: a.territory.name,
      state: a.state,
      submittedAt: a.submittedAt,
      assigned: list.length,
      submitted: list.filter((r) => r.state === 'submitted').length,
      decision: decision ? { level: decision.level, version: decision.version } : null,
    };
  });
}
