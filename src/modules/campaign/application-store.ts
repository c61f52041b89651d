/**
 * The reads every use case of a dossier shares: its row and content, its questionnaire, its sheets
 * and their eligibility for the edition. Internal to the campaign module; permissions are the use
 * cases' to check.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { Questionnaire } from '../../platform/questionnaire/questionnaire.schema.ts';
import { listTerritoryInitiativeRows } from '../initiatives/initiative-sheet.service.ts';
import type { InitiativeStatus } from '../initiatives/initiative.rules.ts';
import type { Edition } from '../label/editions.service.ts';
import type { TerritoryCategory } from '../territories/territory.rules.ts';
import type { ApplicationContent } from './application.schema.ts';
import { DEFAULT_QUESTIONNAIRES } from './default-questionnaires.data.ts';
import { initiativeEligibility, type Eligibility } from './eligibility.rules.ts';
import { applicationInitiatives, applications, questionnaires } from './schema.ts';

export type ApplicationRow = typeof applications.$inferSelect;

/** A dossier's row, locked for the caller's transaction when asked. */
export async function findApplicationRow(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<ApplicationRow | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const query = db.select().from(applications).where(eq(applications.id, id));
  const [row] = await (options.forUpdate ? query.for('update') : query);
  return row ?? null;
}

export async function findApplicationRowFor(db: Db, year: number, territoryCode: string): Promise<ApplicationRow | null> {
  const [row] = await db
    .select()
    .from(applications)
    .where(and(eq(applications.year, year), eq(applications.territoryCode, territoryCode)));
  return row ?? null;
}

/** The sheets a dossier selects, in their order. */
export async function selectedInitiativeIds(db: Db, applicationId: string): Promise<string[]> {
  const rows = await db
    .select({ id: applicationInitiatives.initiativeId })
    .from(applicationInitiatives)
    .where(eq(applicationInitiatives.applicationId, applicationId))
    .orderBy(asc(applicationInitiatives.position));
  return rows.map((r) => r.id);
}

/** What a person edits in a dossier, as one value (the unit of revisions and merges). */
export async function contentOf(db: Db, row: ApplicationRow): Promise<ApplicationContent> {
  return { initiativeIds: await selectedInitiativeIds(db, row.id), answers: row.answers, interview: row.interview, contacts: row.contacts };
}

/** Replaces the dossier's selection, in the given order. */
export async function writeSelection(tx: Db, applicationId: string, initiativeIds: readonly string[]): Promise<void> {
  await tx.delete(applicationInitiatives).where(eq(applicationInitiatives.applicationId, applicationId));
  if (initiativeIds.length) {
    await tx.insert(applicationInitiatives).values(initiativeIds.map((initiativeId, position) => ({ applicationId, initiativeId, position })));
  }
}

/**
 * The questionnaire of a category for an edition: the one the admin prepared, or the default one
 * for an edition created before questionnaires were stored.
 */
export async function questionnaireFor(db: Db, year: number, category: TerritoryCategory): Promise<Questionnaire> {
  const [row] = await db
    .select({ definition: questionnaires.definition })
    .from(questionnaires)
    .where(and(eq(questionnaires.year, year), eq(questionnaires.category, category)));
  return row?.definition ?? DEFAULT_QUESTIONNAIRES[category];
}

/** A sheet of the territory as the dossier lists it: what the eligibility rule reads, and why. */
export type CandidateSheet = {
  id: string;
  title: string;
  status: InitiativeStatus;
  startDate: string | null;
  endDate: string | null;
  visibility: 'draft' | 'public';
  eligibility: Eligibility;
};

/**
 * Every sheet of the territory (deleted ones left out) with its eligibility for the edition: the
 * closing date decides; an edition without a calendar yet is judged on today.
 */
export async function candidateSheets(db: Db, territoryCode: string, edition: Pick<Edition, 'closesAt'>): Promise<CandidateSheet[]> {
  const rows = await listTerritoryInitiativeRows(db, territoryCode);
  const closesAt = edition.closesAt ?? new Date();
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    status: row.status,
    startDate: row.startDate,
    endDate: row.endDate,
    visibility: row.visibility,
    eligibility: initiativeEligibility({ status: row.status, startDate: row.startDate, endDate: row.endDate }, closesAt),
  }));
}

/** Rows of several dossiers' selections, for lists (the admin's). */
export async function selectionCounts(db: Db, applicationIds: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (!applicationIds.length) return counts;
  const rows = await db
    .select({ id: applicationInitiatives.applicationId })
    .from(applicationInitiatives)
    .where(inArray(applicationInitiatives.applicationId, applicationIds));
  for (const row of rows) counts.set(row.id, (counts.get(row.id) ?? 0) + 1);
  return counts;
}
