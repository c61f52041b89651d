import type { Db } from '../../platform/db/database.ts';
import { requirePermission } from '../accounts/guard.ts';
import type { Caller } from '../accounts/permissions.rules.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { isUuid } from '../../platform/validation.ts';
import { listOutbox, retryFailedEmail } from '../notifications/outbox.service.ts';
import { adminMessages } from './messages.ts';

/**
 * The latest emails of the outbox, with their recipients and bodies: personal data, for
 * administrators only (`admin.outbox.read`). The notifications module sits below accounts in the
 * module order, so it cannot check a permission itself: the administration reads through here.
 */
export async function readOutbox(db: Db, caller: Caller | null, limit?: number) {
  requirePermission(caller, 'admin.outbox.read');
  return listOutbox(db, limit);
}

/**
 * The dead letters: an administrator sends a given-up e-mail again (`admin.outbox.retry`). One that
 * carried a one-time link is refused, its link being erased: the person needs a new invitation or
 * reset link instead.
 */
export async function retryOutboxMessage(db: Db, caller: Caller | null, id: string): Promise<void> {
  requirePermission(caller, 'admin.outbox.retry');
  const m = adminMessages.outbox;
  if (!isUuid(id)) throw new NotFoundError(m.notFound);
  const outcome = await retryFailedEmail(db, id);
  if (outcome === 'secret_lost') throw new ConflictError(m.secretLost);
  if (outcome === 'not_failed') throw new NotFoundError(m.notFound);
}
