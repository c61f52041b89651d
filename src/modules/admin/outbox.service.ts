import type { Db } from '../../platform/db/database.ts';
import { requirePermission } from '../accounts/guard.ts';
import type { Caller } from '../accounts/permissions.rules.ts';
import { listOutbox } from '../notifications/outbox.service.ts';

/**
 * The latest emails of the outbox, with their recipients and bodies: personal data, for
 * administrators only (`admin.outbox.read`). The notifications module sits below accounts in the
 * module order, so it cannot check a permission itself: the administration reads through here.
 */
export async function readOutbox(db: Db, caller: Caller | null, limit?: number) {
  requirePermission(caller, 'admin.outbox.read');
  return listOutbox(db, limit);
}
