/** What the audit log records, and for how long. Pure, no I/O. */

/**
 * Every kind of entry, named by what happened. A module's event becomes one of these in
 * audit-subscribers.ts; the campaign and the jury add theirs (submissions, reviews, deliberations)
 * with their events.
 */
export const AUDIT_ACTIONS = [
  'login.succeeded',
  'login.failed',
  'account.created',
  'account.roleChanged',
  'account.deleted',
  'account.disabled',
  'account.enabled',
  'account.invitationResent',
  'account.emailChanged',
  'membership.changed',
  'password.reset',
  'password.changed',
  'personalData.exported',
  'personalData.read',
  'initiative.published',
  'initiative.unpublished',
  'initiative.deleted',
  'initiative.moderated',
  'initiative.restored',
  'results.recorded',
  'referential.published',
  'organisation.settingsChanged',
  'edition.created',
  'edition.stateChanged',
  'questionnaire.saved',
  'selfAssessment.parametersSaved',
  'application.submitted',
  'application.reopened',
  'juror.invited',
  'juror.removed',
  'conflict.declared',
  'conflict.removed',
  'assignments.generated',
  'assignment.changed',
  'review.submitted',
  'jury.parametersSaved',
  'deliberation.recorded',
  'publication.scheduled',
  'publication.cancelled',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

const DAY_MS = 24 * 60 * 60 * 1000;

/** Entries recorded before this moment are past their retention and are deleted. */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  // The setting's bounds are checked where it is read (AUDIT_RETENTION_DAYS, platform/config.ts).
  if (!Number.isInteger(retentionDays) || retentionDays < 1) throw new RangeError(`audit retention of ${retentionDays} days`);
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

/** Entries per page of the admin's log. */
export const AUDIT_PAGE_SIZE = 50;
