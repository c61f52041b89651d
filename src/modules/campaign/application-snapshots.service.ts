import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { Person } from '../accounts/permissions.rules.ts';
import type { ApplicationSnapshotContent } from './application.schema.ts';
import { readApplication } from './applications.service.ts';
import { campaignMessages } from './messages.ts';
import { applicationSnapshots } from './schema.ts';

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
