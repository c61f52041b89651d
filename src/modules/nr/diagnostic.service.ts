import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../platform/errors.ts';
import { requirePermission } from '../accounts/guard.ts';
import { personIdOf, type Caller } from '../accounts/permissions.rules.ts';
import { getTerritoriesByCodes, getTerritory } from '../territories/search-territories.service.ts';
import type { TerritoryCategory, TerritoryStratum } from '../territories/territory.rules.ts';
import {
  answerInputErrors,
  answerWrite,
  diagnosticScores,
  evolution,
  stratumAverage,
  unansweredQuestions,
  type DiagnosticScores,
  type EvolutionPoint,
  type StratumAverage,
} from './diagnostic.rules.ts';
import { diagnosticMessages as dm } from './diagnostic.messages.ts';
import { NR_MODEL, nrQuestionById } from './nr-model.data.ts';
import { MIN_PEERS_FOR_AVERAGE, type NrThemeId } from './nr-themes.rules.ts';
import { nrAnswers, nrDiagnostics } from './schema.ts';
import { publicPartChanged } from './events.ts';

const e = dm.errors;
const QUESTION_IDS: ReadonlySet<string> = new Set(nrQuestionById.keys());

export type Diagnostic = typeof nrDiagnostics.$inferSelect;
export type Answer = { questionId: string; level: number; note: string; version: number; answeredAt: Date };
export type AnswerInput = { questionId: string; level: number; note?: string; version?: number };

async function territoryOrNotFound(db: Db, code: string) {
  const territory = await getTerritory(db, code);
  if (!territory) throw new NotFoundError();
  return territory;
}

/** The territory's diagnostic of that id; a diagnostic of another territory (or none) is not found. */
async function diagnosticOf(db: Db, territoryCode: string, diagnosticId: string): Promise<Diagnostic> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(diagnosticId)) throw new NotFoundError(e.notFound);
  const [row] = await db
    .select()
    .from(nrDiagnostics)
    .where(and(eq(nrDiagnostics.id, diagnosticId), eq(nrDiagnostics.territoryCode, territoryCode)));
  if (!row) throw new NotFoundError(e.notFound);
  return row;
}

async function openDiagnostic(db: Db, territoryCode: string): Promise<Diagnostic | null> {
  const [row] = await db
    .select()
    .from(nrDiagnostics)
    .where(and(eq(nrDiagnostics.territoryCode, territoryCode), isNull(nrDiagnostics.completedAt)))
    .orderBy(desc(nrDiagnostics.startedAt))
    .limit(1);
  return row ?? null;
}

async function answersOf(db: Db, diagnosticIds: string[]) {
  if (diagnosticIds.length === 0) return [];
  return db
    .select({
      diagnosticId: nrAnswers.diagnosticId,
      questionId: nrAnswers.questionId,
      level: nrAnswers.level,
      note: nrAnswers.note,
      version: nrAnswers.version,
      answeredAt: nrAnswers.answeredAt,
    })
    .from(nrAnswers)
    .where(inArray(nrAnswers.diagnosticId, diagnosticIds))
    .orderBy(asc(nrAnswers.questionId));
}

/** The territory's diagnostic in progress, or null. */
export async function currentDiagnostic(db: Db, caller: Caller | null, territoryCode: string): Promise<Diagnostic | null> {
  const territory = await territoryOrNotFound(db, territoryCode);
  requirePermission(caller, 'nr.view', { territoryCode: territory.code });
  return openDiagnostic(db, territory.code);
}

/** Starts a new taking of the diagnostic; while one is in progress, that one is returned (one at a time). */
export async function startDiagnostic(db: Db, caller: Caller | null, territoryCode: string): Promise<Diagnostic> {
  const territory = await territoryOrNotFound(db, territoryCode);
  requirePermission(caller, 'nr.edit', { territoryCode: territory.code });
  return db.transaction(async (tx) => {
    // Two people starting at once: the second waits for the first and finds its diagnostic.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`nr-diagnostic:${territory.code}`}))`);
    const open = await openDiagnostic(tx, territory.code);
    if (open) return open;
    const [row] = await tx
      .insert(nrDiagnostics)
      .values({ territoryCode: territory.code, modelVersion: NR_MODEL.version, startedBy: personIdOf(caller) })
      .returning();
    if (!row) throw new ConflictError(e.noOpen);
    return row;
  });
}

/**
 * Writes one answer of an open diagnostic. The first write of an answer needs no version; a later
 * one must send the version it read (else ConflictError on `version`, nothing written). Unknown
 * question or level: InvalidInputError naming the field, nothing written. Returns the answer stored.
 */
export async function saveAnswer(db: Db, caller: Caller | null, territoryCode: string, diagnosticId: string, input: AnswerInput): Promise<Answer> {
  const [saved] = await saveAnswers(db, caller, territoryCode, diagnosticId, [input], { fieldOf: (field) => field });
  if (!saved) throw new ConflictError(e.stale, 'version');
  return saved;
}

/**
 * Writes several answers at once, all or nothing (a form saved): each with its own version check.
 * Refusals name `<field>.<questionId>` unless `fieldOf` says otherwise; a conflict lists in
 * `conflicts` the questions whose answer changed meanwhile.
 */
export async function saveAnswers(
  db: Db,
  caller: Caller | null,
  territoryCode: string,
  diagnosticId: string,
  inputs: readonly AnswerInput[],
  options: { fieldOf?: (field: string, questionId: string) => string } = {},
): Promise<Answer[]> {
  const territory = await territoryOrNotFound(db, territoryCode);
  requirePermission(caller, 'nr.edit', { territoryCode: territory.code });
  const fieldOf = options.fieldOf ?? ((field: string, questionId: string) => `${field}.${questionId}`);
  const errors: Record<string, string> = {};
  for (const input of inputs) {
    const refused = answerInputErrors(input, QUESTION_IDS, e);
    for (const [field, message] of Object.entries(refused)) errors[fieldOf(field, String(input.questionId))] = message;
    if (input.version !== undefined && !(Number.isInteger(input.version) && input.version >= 0)) errors[fieldOf('version', input.questionId)] = e.version;
  }
  if (Object.keys(errors).length) throw new InvalidInputError(errors);
  const diagnostic = await diagnosticOf(db, territory.code, diagnosticId);
  if (diagnostic.completedAt) throw new ConflictError(e.completed);
  if (inputs.length === 0) return [];
  const answeredBy = personIdOf(caller);
  return db.transaction(async (tx) => {
    const stored = new Map((await answersOf(tx, [diagnostic.id])).map((a) => [a.questionId, a]));
    const conflicts: string[] = [];
    const saved: Answer[] = [];
    for (const input of inputs) {
      const known = stored.get(input.questionId);
      const decision = answerWrite(known, input.version);
      if (decision === 'conflict') {
        conflicts.push(input.questionId);
        continue;
      }
      const now = new Date();
      // The version is checked again in the statement itself: a write between the read and now loses no one's answer.
      const [row] =
        decision === 'insert' || !known
          ? await tx
              .insert(nrAnswers)
              .values({ diagnosticId: diagnostic.id, questionId: input.questionId, level: input.level, note: input.note ?? '', answeredBy, answeredAt: now })
              .onConflictDoNothing()
              .returning()
          : await tx
              .update(nrAnswers)
              .set({
                level: input.level,
                note: input.note ?? known.note,
                version: sql`${nrAnswers.version} + 1`,
                answeredBy,
                answeredAt: now,
              })
              .where(and(eq(nrAnswers.diagnosticId, diagnostic.id), eq(nrAnswers.questionId, input.questionId), eq(nrAnswers.version, known.version)))
              .returning();
      if (!row) conflicts.push(input.questionId);
      else saved.push({ questionId: row.questionId, level: row.level, note: row.note, version: row.version, answeredAt: row.answeredAt });
    }
    if (conflicts.length) throw new DiagnosticConflictError(conflicts.length === 1 ? e.stale : e.staleMany(conflicts.length), conflicts, fieldOf);
    return saved;
  });
}

/** A save refused because answers changed meanwhile: which ones. */
export class DiagnosticConflictError extends ConflictError {
  constructor(
    message: string,
    public readonly questionIds: string[],
    fieldOf: (field: string, questionId: string) => string,
  ) {
    super(message, fieldOf('version', questionIds[0] ?? ''));
  }
}

/** Completes the diagnostic: every question answered (else InvalidInputError saying how many are missing). */
export async function completeDiagnostic(db: Db, caller: Caller | null, territoryCode: string, diagnosticId: string): Promise<Diagnostic> {
  const territory = await territoryOrNotFound(db, territoryCode);
  requirePermission(caller, 'nr.edit', { territoryCode: territory.code });
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`nr-diagnostic:${territory.code}`}))`);
    const diagnostic = await diagnosticOf(tx, territory.code, diagnosticId);
    if (diagnostic.completedAt) throw new ConflictError(e.completed);
    const missing = unansweredQuestions(NR_MODEL, await answersOf(tx, [diagnostic.id]));
    if (missing.length) throw new InvalidInputError({ answers: e.missing(missing.length) });
    const [row] = await tx
      .update(nrDiagnostics)
      .set({ completedAt: new Date(), completedBy: personIdOf(caller) })
      .where(and(eq(nrDiagnostics.id, diagnostic.id), isNull(nrDiagnostics.completedAt)))
      .returning();
    if (!row) throw new ConflictError(e.completed);
    await publicPartChanged(tx, territory.code, 'maturity');
    return row;
  });
}

export type StratumComparison = {
  category: TerritoryCategory;
  stratum: TerritoryStratum | null;
  /** The peers' average, or null: no stratum, or fewer peers than MIN_PEERS_FOR_AVERAGE. */
  average: StratumAverage | null;
  minPeers: number;
};

export type DiagnosticView = {
  territory: { code: string; name: string; category: TerritoryCategory; stratum: TerritoryStratum | null };
  /** The diagnostic in progress, with its answers and scores so far; null when none. */
  open: { diagnostic: Diagnostic; answers: Answer[]; scores: DiagnosticScores } | null;
  /** The latest completed diagnostic, with its answers and scores; null when none. */
  latest: { diagnostic: Diagnostic; answers: Answer[]; scores: DiagnosticScores } | null;
  evolution: EvolutionPoint[];
  comparison: StratumComparison;
};

/**
 * Everything the module's pages show of a territory's diagnostic: the one in progress, the latest
 * completed one, the evolution and the stratum's average (only means, only over enough peers).
 */
export async function diagnosticView(db: Db, caller: Caller | null, territoryCode: string): Promise<DiagnosticView> {
  const territory = await territoryOrNotFound(db, territoryCode);
  requirePermission(caller, 'nr.view', { territoryCode: territory.code });
  const diagnostics = await db.select().from(nrDiagnostics).where(eq(nrDiagnostics.territoryCode, territory.code)).orderBy(asc(nrDiagnostics.startedAt));
  const answers = await answersOf(
    db,
    diagnostics.map((d) => d.id),
  );
  const answersByDiagnostic = new Map<string, Answer[]>(diagnostics.map((d) => [d.id, []]));
  for (const { diagnosticId, ...answer } of answers) answersByDiagnostic.get(diagnosticId)?.push(answer);
  const withScores = (diagnostic: Diagnostic | undefined) => {
    if (!diagnostic) return null;
    const own = answersByDiagnostic.get(diagnostic.id) ?? [];
    return { diagnostic, answers: own, scores: diagnosticScores(NR_MODEL, own) };
  };
  const completed = diagnostics.filter((d): d is Diagnostic & { completedAt: Date } => d.completedAt !== null);
  const latest = [...completed].sort((a, b) => b.completedAt.getTime() - a.completedAt.getTime())[0];
  const open = [...diagnostics].reverse().find((d) => d.completedAt === null);
  return {
    territory: { code: territory.code, name: territory.name, category: territory.category, stratum: territory.stratum },
    open: withScores(open),
    latest: withScores(latest),
    evolution: evolution(
      NR_MODEL,
      completed.map((d) => ({ id: d.id, completedAt: d.completedAt, answers: answersByDiagnostic.get(d.id) ?? [] })),
    ),
    comparison: {
      category: territory.category,
      stratum: territory.stratum,
      average: territory.stratum ? await peerAverage(db, territory) : null,
      minPeers: MIN_PEERS_FOR_AVERAGE,
    },
  };
}

/**
 * The average of the other territories of the same category and stratum over the latest completed
 * diagnostic of each; null under MIN_PEERS_FOR_AVERAGE. A few queries, never one per peer.
 */
async function peerAverage(db: Db, territory: { code: string; category: TerritoryCategory; stratum: TerritoryStratum | null }) {
  const latest = await db
    .selectDistinctOn([nrDiagnostics.territoryCode], {
      id: nrDiagnostics.id,
      territoryCode: nrDiagnostics.territoryCode,
      completedAt: nrDiagnostics.completedAt,
    })
    .from(nrDiagnostics)
    .where(and(isNotNull(nrDiagnostics.completedAt), ne(nrDiagnostics.territoryCode, territory.code)))
    .orderBy(asc(nrDiagnostics.territoryCode), desc(nrDiagnostics.completedAt));
  const peers = new Set(
    (
      await getTerritoriesByCodes(
        db,
        latest.map((d) => d.territoryCode),
      )
    )
      .filter((t) => t.category === territory.category && t.stratum === territory.stratum)
      .map((t) => t.code),
  );
  const chosen = latest.filter((d) => peers.has(d.territoryCode));
  if (chosen.length < MIN_PEERS_FOR_AVERAGE) return null;
  const answers = await answersOf(
    db,
    chosen.map((d) => d.id),
  );
  const byDiagnostic = new Map<string, { questionId: string; level: number }[]>(chosen.map((d) => [d.id, []]));
  for (const a of answers) byDiagnostic.get(a.diagnosticId)?.push({ questionId: a.questionId, level: a.level });
  return stratumAverage(
    NR_MODEL,
    territory.code,
    chosen.map((d) => ({ id: d.id, territoryCode: d.territoryCode, completedAt: d.completedAt ?? new Date(0), answers: byDiagnostic.get(d.id) ?? [] })),
  );
}

/** Checks that a diagnostic id belongs to the territory (for routes that need the diagnostic before acting). */
export async function requireDiagnostic(db: Db, caller: Caller | null, territoryCode: string, diagnosticId: string): Promise<Diagnostic> {
  const territory = await territoryOrNotFound(db, territoryCode);
  requirePermission(caller, 'nr.view', { territoryCode: territory.code });
  return diagnosticOf(db, territory.code, diagnosticId);
}

/** A territory's latest completed diagnostic as the module's other parts read it: its answers and its scores. */
export type CompletedDiagnostic = {
  id: string;
  completedAt: Date;
  answers: Map<string, number>;
  scores: DiagnosticScores;
  /** The answered themes' indexes (0–100). */
  themeIndexes: Map<NrThemeId, number>;
};

/**
 * The territory's latest completed diagnostic, or null: the one reader the roadmap, the strategy, the
 * public section and the jury's view share (a system read: their callers check their own rights).
 */
export async function latestCompletedDiagnostic(db: Db, territoryCode: string): Promise<CompletedDiagnostic | null> {
  const [diagnostic] = await db
    .select({ id: nrDiagnostics.id, completedAt: nrDiagnostics.completedAt })
    .from(nrDiagnostics)
    .where(and(eq(nrDiagnostics.territoryCode, territoryCode), isNotNull(nrDiagnostics.completedAt)))
    .orderBy(desc(nrDiagnostics.completedAt))
    .limit(1);
  if (!diagnostic?.completedAt) return null;
  const rows = await db.select({ questionId: nrAnswers.questionId, level: nrAnswers.level }).from(nrAnswers).where(eq(nrAnswers.diagnosticId, diagnostic.id));
  const scores = diagnosticScores(NR_MODEL, rows);
  const themeIndexes = new Map(scores.themes.flatMap((t) => (t.index === null ? [] : [[t.themeId as NrThemeId, t.index] as const])));
  return { id: diagnostic.id, completedAt: diagnostic.completedAt, answers: new Map(rows.map((r) => [r.questionId, r.level])), scores, themeIndexes };
}
