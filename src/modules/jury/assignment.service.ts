import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import { requirePermission } from '../accounts/guard.ts';
import { personIdOf, type Caller } from '../accounts/permissions.rules.ts';
import { submittedDossiersOf, type SubmittedDossier } from '../campaign/applications-admin.service.ts';
import { getEdition } from '../label/editions.service.ts';
import { assignReviewers, jurorRegions, type AssignmentSource } from './assignment.rules.ts';
import { conflictsWith } from './conflicts.rules.ts';
import './events.ts';
import { loadJurorFacts, territoryPlaces, type JurorFacts } from './jury-access.service.ts';
import { juryMessages } from './jury.messages.ts';
import { juryParametersOf } from './jury-parameters.service.ts';
import { assignments, reviews } from './schema.ts';

const e = juryMessages.errors;

/**
 * Whether the review of an assignment exists, written with qualified names: drizzle writes a column
 * of a subquery without its table, which inside `reviews` would name the review's own column.
 */
const REVIEW_STARTED = sql<boolean>`exists (select 1 from reviews r where r.application_id = assignments.application_id and r.juror_id = assignments.juror_id)`;

/** The automatic and manual assignment happen once applications are closed, until the deliberation. */
const ASSIGNABLE_STATES = new Set(['closed', 'under_review']);

async function assignableEdition(db: Db, year: number) {
  const edition = await getEdition(db, year);
  if (!edition) throw new NotFoundError(e.editionNotFound);
  if (!ASSIGNABLE_STATES.has(edition.state)) throw new ConflictError(e.assignmentClosed);
  return edition;
}

export type AssignmentRow = {
  applicationId: string;
  territoryCode: string;
  territoryName: string;
  jurorId: string;
  source: AssignmentSource;
  started: boolean;
};

export type AssignmentRun = {
  items: AssignmentRow[];
  total: number;
  kept: number;
  shortfalls: { applicationId: string; territoryName: string; missing: number }[];
};

/**
 * Shares the edition's submitted dossiers among its jurors (`jury.manage`), by the pure rule:
 * conflict-free, loads within one, reviewers preferably from another région. Started reviews stay;
 * every unstarted assignment is replaced by the new plan, in one transaction.
 */
export async function runAutomaticAssignment(db: Db, caller: Caller | null, year: number, options: { preview?: boolean } = {}): Promise<AssignmentRun> {
  requirePermission(caller, 'jury.manage');
  await assignableEdition(db, year);
  const [dossiers, facts, parameters] = await Promise.all([submittedDossiersOf(db, caller, year), loadJurorFacts(db, year), juryParametersOf(db, year)]);
  const places = await territoryPlaces(
    db,
    dossiers.map((d) => d.territoryCode),
  );
  return db.transaction(async (tx) => {
    const existing = await currentAssignments(tx, year);
    const plan = assignReviewers({
      dossiers: dossiers.flatMap((d) => {
        const territory = places.get(d.territoryCode);
        return territory ? [{ id: d.applicationId, territory }] : [];
      }),
      jurors: facts.map((j) => ({ id: j.jurorId, facts: j.facts, regions: jurorRegions(j.facts) })),
      existing: existing.map((a) => ({ dossierId: a.applicationId, jurorId: a.jurorId, started: a.started })),
      reviewersPerDossier: parameters.reviewersPerDossier,
    });
    const names = new Map(dossiers.map((d) => [d.applicationId, d.territoryName]));
    const shortfalls = plan.shortfalls.map((s) => ({ applicationId: s.dossierId, territoryName: names.get(s.dossierId) ?? '', missing: s.missing }));
    if (options.preview) {
      // What a run would do, written nowhere: the staff see the shortfalls before they commit.
      const byId = new Map(dossiers.map((d) => [d.applicationId, d]));
      const items = plan.assignments.flatMap((a) => {
        const d = byId.get(a.dossierId);
        return d
          ? [
              {
                applicationId: a.dossierId,
                territoryCode: d.territoryCode,
                territoryName: d.territoryName,
                jurorId: a.jurorId,
                source: a.kept
                  ? (existing.find((e) => e.applicationId === a.dossierId && e.jurorId === a.jurorId)?.source ?? ('automatic' as const))
                  : ('automatic' as const),
                started: a.kept,
              },
            ]
          : [];
      });
      return { items, total: items.length, kept: plan.assignments.filter((a) => a.kept).length, shortfalls };
    }
    // Unstarted assignments go; the plan's new ones come (a started review's assignment is never deleted: the foreign key refuses).
    await tx.delete(assignments).where(and(eq(assignments.year, year), sql`not ${REVIEW_STARTED}`));
    const fresh = plan.assignments.filter((a) => !a.kept);
    for (let i = 0; i < fresh.length; i += 500) {
      await tx
        .insert(assignments)
        .values(
          fresh
            .slice(i, i + 500)
            .map((a) => ({ applicationId: a.dossierId, jurorId: a.jurorId, year, source: 'automatic' as const, assignedBy: personIdOf(caller) })),
        );
    }
    const kept = plan.assignments.length - fresh.length;
    await emit(tx, 'assignments.generated', { year, assigned: fresh.length, kept, shortfalls: plan.shortfalls.length, by: personIdOf(caller) });
    const items = await listAssignmentRows(tx, year, dossiers);
    return { items, total: items.length, kept, shortfalls };
  });
}

async function currentAssignments(db: Db, year: number) {
  return db
    .select({
      applicationId: assignments.applicationId,
      jurorId: assignments.jurorId,
      source: assignments.source,
      started: REVIEW_STARTED,
    })
    .from(assignments)
    .where(eq(assignments.year, year));
}

async function listAssignmentRows(db: Db, year: number, dossiers: readonly SubmittedDossier[]): Promise<AssignmentRow[]> {
  const byId = new Map(dossiers.map((d) => [d.applicationId, d]));
  return (await currentAssignments(db, year))
    .flatMap((a) => {
      const dossier = byId.get(a.applicationId);
      return dossier ? [{ ...a, territoryCode: dossier.territoryCode, territoryName: dossier.territoryName }] : [];
    })
    .sort((a, b) => a.territoryName.localeCompare(b.territoryName, 'fr') || a.jurorId.localeCompare(b.jurorId));
}

/** Every assignment of the edition, by territory name (`jury.manage`). */
export async function listAssignments(db: Db, caller: Caller | null, year: number): Promise<AssignmentRow[]> {
  requirePermission(caller, 'jury.manage');
  if (!(await getEdition(db, year))) throw new NotFoundError(e.editionNotFound);
  return listAssignmentRows(db, year, await submittedDossiersOf(db, caller, year));
}

const ids = z.object({ applicationId: z.uuid({ message: e.dossierNotFound }), jurorId: z.uuid({ message: e.jurorNotFound }) });

/** The staff give a dossier to a juror by hand: refused (409) when the juror is in conflict with its territory. */
export async function addAssignment(db: Db, caller: Caller | null, year: number, input: { applicationId: string; jurorId: string }): Promise<void> {
  requirePermission(caller, 'jury.manage');
  await assignableEdition(db, year);
  const parsed = ids.safeParse(input);
  if (!parsed.success) throw new NotFoundError(e.dossierNotFound);
  const { applicationId, jurorId } = parsed.data;
  const dossier = (await submittedDossiersOf(db, caller, year)).find((d) => d.applicationId === applicationId);
  if (!dossier) throw new NotFoundError(e.dossierNotFound);
  const [juror] = await loadJurorFacts(db, year, [jurorId]);
  if (!juror) throw new NotFoundError(e.jurorNotFound);
  const place = (await territoryPlaces(db, [dossier.territoryCode])).get(dossier.territoryCode);
  const found = place ? conflictsWith(juror.facts, place) : [];
  if (found.length) throw new ConflictError(e.conflicted([...new Set(found.map((c) => juryMessages.conflictKinds[c.kind].toLowerCase()))].join(', ')));
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(assignments)
      .values({ applicationId, jurorId, year, source: 'manual', assignedBy: personIdOf(caller) })
      .onConflictDoNothing()
      .returning({ jurorId: assignments.jurorId });
    if (!row) throw new ConflictError(e.alreadyAssigned);
    await emit(tx, 'assignment.changed', { year, applicationId, jurorId, change: 'added', by: personIdOf(caller) });
  });
}

/** The staff take a dossier back from a juror: refused (409) once the review is started. */
export async function removeAssignment(db: Db, caller: Caller | null, year: number, input: { applicationId: string; jurorId: string }): Promise<void> {
  requirePermission(caller, 'jury.manage');
  await assignableEdition(db, year);
  const parsed = ids.safeParse(input);
  if (!parsed.success) throw new NotFoundError(e.dossierNotFound);
  const { applicationId, jurorId } = parsed.data;
  await db.transaction(async (tx) => {
    const [started] = await tx
      .select({ jurorId: reviews.jurorId })
      .from(reviews)
      .where(and(eq(reviews.applicationId, applicationId), eq(reviews.jurorId, jurorId)));
    if (started) throw new ConflictError(e.reviewStarted);
    const removed = await tx
      .delete(assignments)
      .where(and(eq(assignments.applicationId, applicationId), eq(assignments.jurorId, jurorId), eq(assignments.year, year)))
      .returning({ jurorId: assignments.jurorId });
    if (!removed.length) throw new NotFoundError(e.dossierNotFound);
    await emit(tx, 'assignment.changed', { year, applicationId, jurorId, change: 'removed', by: personIdOf(caller) });
  });
}

/** Conflict-free jurors for each dossier, for the admin's « add a reviewer » choices. */
export async function conflictFreeJurors(db: Db, caller: Caller | null, year: number): Promise<Map<string, string[]>> {
  requirePermission(caller, 'jury.manage');
  const [dossiers, facts] = await Promise.all([submittedDossiersOf(db, caller, year), loadJurorFacts(db, year)]);
  const places = await territoryPlaces(
    db,
    dossiers.map((d) => d.territoryCode),
  );
  return new Map(
    dossiers.map((d) => {
      const place = places.get(d.territoryCode);
      return [d.applicationId, facts.filter((j: JurorFacts) => !place || conflictsWith(j.facts, place).length === 0).map((j) => j.jurorId)];
    }),
  );
}
