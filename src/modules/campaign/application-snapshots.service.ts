import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { Person } from '../accounts/permissions.rules.ts';
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
