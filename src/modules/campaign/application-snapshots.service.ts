import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { requirePermission } from '../accounts/guard.ts';
import type { Caller, Person } from '../accounts/permissions.rules.ts';
import { getTerritoriesByCodes } from '../territories/search-territories.service.ts';
import type { TerritoryCategory } from '../territories/territory.rules.ts';
import type { ApplicationSnapshotContent } from './application.schema.ts';
import { readApplication } from './applications.service.ts';
import { campaignMessages } from './messages.ts';
import { applications, applicationSnapshots } from './schema.ts';

export type ApplicationSnapshot = { id: string; submittedAt: Date; content: ApplicationSnapshotContent };

/**
 * The latest snapshot of a dossier (what its last submission froze), for whoever may read the
 * dossier; not found before the first submission.
 */
export async function latestSnapshot(db: Db, person: Person | null, applicationId: string): Promise<ApplicationSnapshot> {
  const view = await readApplication(db, person, applicationId);
  const [snapshot] = await db
    .select({ id: applicationSnapshots.id, submittedAt: applicationSnapshots.submittedAt, content: applicationSnapshots.content })
    .from(applicationSnapshots)
    .where(eq(applicationSnapshots.applicationId, view.id))
    .orderBy(desc(applicationSnapshots.submittedAt))
    .limit(1);
  if (!snapshot) throw new NotFoundError(campaignMessages.api.noSnapshot);
  return snapshot;
}

/** A submitted dossier as the jury knows it: its edition and territory. */
export type SubmittedDossierRef = { applicationId: string; year: number; territoryCode: string };

/** The dossier if it is submitted, else null (drafts and reopened dossiers are not the jury's). */
export async function submittedDossierRef(db: Db, applicationId: string): Promise<SubmittedDossierRef | null> {
  const [row] = await db
    .select({ applicationId: applications.id, year: applications.year, territoryCode: applications.territoryCode })
    .from(applications)
    .where(and(eq(applications.id, applicationId), eq(applications.state, 'submitted')));
  return row ?? null;
}

/**
 * The latest snapshot of a submitted dossier for the jury. The caller has checked the jury's own
 * permission (`review.view`: assigned and not in conflict), which the territory's rule cannot express.
 */
export async function snapshotForJury(db: Db, dossier: SubmittedDossierRef): Promise<ApplicationSnapshot> {
  const [snapshot] = await db
    .select({ id: applicationSnapshots.id, submittedAt: applicationSnapshots.submittedAt, content: applicationSnapshots.content })
    .from(applicationSnapshots)
    .where(eq(applicationSnapshots.applicationId, dossier.applicationId))
    .orderBy(desc(applicationSnapshots.submittedAt))
    .limit(1);
  if (!snapshot) throw new NotFoundError(campaignMessages.api.noSnapshot);
  return snapshot;
}

/** A submitted dossier's figures at its latest submission, for the jury's deliberation. */
export type SubmittedDossierFigures = SubmittedDossierRef & {
  territoryName: string;
  category: TerritoryCategory;
  /** The self-assessment frozen at submission, 0 to 100. */
  coverage: number;
  overallScore: number;
  submittedAt: Date;
};

/**
 * Every submitted dossier of an edition with its latest snapshot's figures (`applications.list`),
 * by territory name. Named apart from the jury's `submittedDossiersOf`, which the assignment reads.
 */
export async function submittedDossierFigures(db: Db, caller: Caller | null, year: number): Promise<SubmittedDossierFigures[]> {
  requirePermission(caller, 'applications.list');
  const rows = await db
    .selectDistinctOn([applicationSnapshots.applicationId], {
      applicationId: applicationSnapshots.applicationId,
      year: applications.year,
      territoryCode: applications.territoryCode,
      category: sql<TerritoryCategory>`${applicationSnapshots.content}->'territory'->>'category'`,
      coverage: applicationSnapshots.coverage,
      overallScore: applicationSnapshots.overallScore,
      submittedAt: applicationSnapshots.submittedAt,
    })
    .from(applicationSnapshots)
    .innerJoin(applications, eq(applications.id, applicationSnapshots.applicationId))
    .where(and(eq(applications.year, year), eq(applications.state, 'submitted')))
    .orderBy(applicationSnapshots.applicationId, desc(applicationSnapshots.submittedAt));
  const names = new Map((await getTerritoriesByCodes(db, [...new Set(rows.map((r) => r.territoryCode))])).map((t) => [t.code, t.name]));
  const collator = new Intl.Collator('fr', { sensitivity: 'base' });
  return rows
    .map((r) => ({ ...r, territoryName: names.get(r.territoryCode) ?? r.territoryCode }))
    .sort((a, b) => collator.compare(a.territoryName, b.territoryName) || a.territoryCode.localeCompare(b.territoryCode));
}
