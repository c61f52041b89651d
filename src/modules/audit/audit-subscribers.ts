import type { EventSubscribers } from '../../platform/events.ts';
import '../initiatives/events.ts';
import '../label/events.ts';
import '../referential/events.ts';
import type { AuditAction } from './audit.rules.ts';
import { recordAuditEntries } from './record-audit.service.ts';

// What the audit log keeps of the other modules' events, in their transaction. An edit of a sheet's
// content is not an audit entry: the sheet's own revision history keeps every one.

const SHEET_CHANGES: Partial<Record<string, AuditAction>> = {
  published: 'initiative.published',
  unpublished: 'initiative.unpublished',
  deleted: 'initiative.deleted',
  moderated: 'initiative.moderated',
  restored: 'initiative.restored',
};

export const auditSubscribers: EventSubscribers = {
  'initiative.changed': async (tx, { initiativeIds, territoryCode, change, by }) => {
    const action = SHEET_CHANGES[change];
    if (!action) return;
    await recordAuditEntries(
      tx,
      initiativeIds.map((id) => ({ action, personId: by, subject: { kind: 'initiative', id }, territoryCode })),
    );
  },
  'results.changed': (tx, { territoryCodes, years, importId, by }) =>
    recordAuditEntries(tx, [
      {
        action: 'results.recorded',
        personId: by,
        subject: importId ? { kind: 'import', id: importId } : undefined,
        details: { years: years.join(', '), territories: territoryCodes.length },
      },
    ]),
  'referential.published': (tx, { version, by }) =>
    recordAuditEntries(tx, [{ action: 'referential.published', personId: by, subject: { kind: 'referential', id: version } }]),
};
