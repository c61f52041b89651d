import type { EventSubscribers } from '../../platform/events.ts';
import '../accounts/events.ts';
import '../campaign/events.ts';
import '../initiatives/events.ts';
import '../jury/events.ts';
import '../label/events.ts';
import '../organisation/events.ts';
import '../referential/events.ts';
import '../sso/events.ts';
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
  // The label's year: editions prepared and moved (by hand with a reason, or by the calendar), questionnaires, dossiers.
  'edition.created': (tx, { year, basedOn, by }) =>
    recordAuditEntries(tx, [{ action: 'edition.created', personId: by, subject: { kind: 'edition', id: String(year) }, details: { basedOn } }]),
  // The reasons typed stay in the edition's and the dossier's own histories: details hold no free text.
  'edition.stateChanged': (tx, { year, from, to, by }) =>
    recordAuditEntries(tx, [
      { action: 'edition.stateChanged', personId: by, subject: { kind: 'edition', id: String(year) }, details: { from, to, by: by ? 'hand' : 'calendar' } },
    ]),
  'questionnaire.saved': (tx, { year, category, version, questions, by }) =>
    recordAuditEntries(tx, [
      { action: 'questionnaire.saved', personId: by, subject: { kind: 'questionnaire', id: `${year}/${category}` }, details: { version, questions } },
    ]),
  'selfAssessment.parametersSaved': (tx, { year, statusWeights, by }) =>
    recordAuditEntries(tx, [
      { action: 'selfAssessment.parametersSaved', personId: by, subject: { kind: 'edition', id: String(year) }, details: { ...statusWeights } },
    ]),
  // A dossier's saves are in its own revisions; its submission and reopening are the label's decisions.
  'application.changed': async (tx, { applicationId, year, territoryCode, change, by }) => {
    if (change !== 'submitted' && change !== 'reopened') return;
    await recordAuditEntries(tx, [
      {
        action: change === 'submitted' ? 'application.submitted' : 'application.reopened',
        personId: by,
        subject: { kind: 'application', id: applicationId },
        territoryCode,
        details: { year },
      },
    ]);
  },
  // The jury: who sits, their declared conflicts, the sharing of dossiers (counts only).
  'juror.changed': (tx, { year, jurorId, userId, change, by }) =>
    recordAuditEntries(tx, [
      { action: change === 'invited' ? 'juror.invited' : 'juror.removed', personId: by, subject: { kind: 'juror', id: jurorId }, details: { year, userId } },
    ]),
  'juror.conflictChanged': (tx, { year, jurorId, kind, change, by }) =>
    recordAuditEntries(tx, [
      {
        action: change === 'declared' ? 'conflict.declared' : 'conflict.removed',
        personId: by,
        subject: { kind: 'juror', id: jurorId },
        details: { year, kind },
      },
    ]),
  'assignments.generated': (tx, { year, assigned, kept, shortfalls, by }) =>
    recordAuditEntries(tx, [
      { action: 'assignments.generated', personId: by, subject: { kind: 'edition', id: String(year) }, details: { assigned, kept, shortfalls } },
    ]),
  'assignment.changed': (tx, { year, applicationId, jurorId, change, by }) =>
    recordAuditEntries(tx, [
      { action: 'assignment.changed', personId: by, subject: { kind: 'application', id: applicationId }, details: { year, jurorId, change } },
    ]),
  'review.submitted': (tx, { year, applicationId, jurorId, territoryCode, by }) =>
    recordAuditEntries(tx, [
      { action: 'review.submitted', personId: by, subject: { kind: 'application', id: applicationId }, territoryCode, details: { year, jurorId } },
    ]),
  'jury.parametersSaved': (tx, { year, reviewersPerDossier, levelThresholds, reviewWeight, version, by }) =>
    recordAuditEntries(tx, [
      {
        action: 'jury.parametersSaved',
        personId: by,
        subject: { kind: 'edition', id: String(year) },
        details: { reviewersPerDossier, levelThresholds: levelThresholds.join(', '), reviewWeight, version },
      },
    ]),
  // The level only: the rationale stays in the deliberation's own history, confidential until publication.
  'deliberation.recorded': (tx, { year, applicationId, territoryCode, level, version, by }) =>
    recordAuditEntries(tx, [
      { action: 'deliberation.recorded', personId: by, subject: { kind: 'application', id: applicationId }, territoryCode, details: { year, level, version } },
    ]),
  'publication.scheduled': (tx, { year, at, laureates, by }) =>
    recordAuditEntries(tx, [
      { action: 'publication.scheduled', personId: by, subject: { kind: 'edition', id: String(year) }, details: { at: at.toISOString(), laureates } },
    ]),
  'publication.cancelled': (tx, { year, by }) =>
    recordAuditEntries(tx, [{ action: 'publication.cancelled', personId: by, subject: { kind: 'edition', id: String(year) } }]),
  'referential.published': (tx, { version, by }) =>
    recordAuditEntries(tx, [{ action: 'referential.published', personId: by, subject: { kind: 'referential', id: version } }]),
  // Which settings changed (names only: the values are on the public pages).
  'organisation.settings.changed': (tx, { fields, by }) =>
    recordAuditEntries(tx, [
      { action: 'organisation.settingsChanged', personId: by, subject: { kind: 'organisation', id: '1' }, details: { fields: fields.join(', ') } },
    ]),
  // Accounts: who signed in or failed to, who changed whose role or membership, data downloaded, accounts deleted.
  'account.login.succeeded': (tx, { userId, ip }) =>
    recordAuditEntries(tx, [{ action: 'login.succeeded', personId: userId, ip, details: { method: 'password' } }]),
  'account.login.failed': (tx, { userId, ip, reason }) =>
    recordAuditEntries(tx, [
      { action: 'login.failed', subject: userId ? { kind: 'user', id: userId } : undefined, ip, details: { method: 'password', reason } },
    ]),
  'account.created': (tx, { userId, role, byUserId }) =>
    recordAuditEntries(tx, [{ action: 'account.created', personId: byUserId, subject: { kind: 'user', id: userId }, details: { role } }]),
  'account.role.changed': (tx, { userId, role, previousRole, byUserId }) =>
    recordAuditEntries(tx, [{ action: 'account.roleChanged', personId: byUserId, subject: { kind: 'user', id: userId }, details: { role, previousRole } }]),
  'account.membership.changed': (tx, { userId, territoryCode, change, role, previousRole, byUserId }) =>
    recordAuditEntries(tx, [
      {
        action: 'membership.changed',
        personId: byUserId,
        subject: { kind: 'user', id: userId },
        territoryCode,
        details: { change, role, previousRole: previousRole ?? null },
      },
    ]),
  'account.password.changed': (tx, { userId, via, ip }) =>
    recordAuditEntries(tx, [
      { action: via === 'account_page' ? 'password.changed' : 'password.reset', personId: userId, subject: { kind: 'user', id: userId }, ip, details: { via } },
    ]),
  'account.disabled': (tx, { userId, byUserId }) =>
    recordAuditEntries(tx, [{ action: 'account.disabled', personId: byUserId, subject: { kind: 'user', id: userId } }]),
  'account.enabled': (tx, { userId, byUserId }) =>
    recordAuditEntries(tx, [{ action: 'account.enabled', personId: byUserId, subject: { kind: 'user', id: userId } }]),
  'account.invitation.resent': (tx, { userId, byUserId }) =>
    recordAuditEntries(tx, [{ action: 'account.invitationResent', personId: byUserId, subject: { kind: 'user', id: userId } }]),
  'account.email.changed': (tx, { userId, ip }) =>
    recordAuditEntries(tx, [{ action: 'account.emailChanged', personId: userId, subject: { kind: 'user', id: userId }, ip }]),
  'account.data.exported': (tx, { userId, ip }) =>
    recordAuditEntries(tx, [{ action: 'personalData.exported', personId: userId, subject: { kind: 'user', id: userId }, ip }]),
  'account.personalData.read': (tx, { byUserId, what, ip }) =>
    recordAuditEntries(tx, [{ action: 'personalData.read', personId: byUserId, subject: { kind: 'screen', id: what }, ip }]),
  'account.deleted': (tx, { userId, byUserId, ip }) =>
    recordAuditEntries(tx, [{ action: 'account.deleted', personId: byUserId, subject: { kind: 'user', id: userId }, ip }]),
  // Sign-ins through the identity provider: logins like the password's, told apart by `method`.
  'sso.login.succeeded': (tx, { userId, provider, ip, link }) =>
    recordAuditEntries(tx, [{ action: 'login.succeeded', personId: userId, ip, details: { method: 'oidc', provider, link } }]),
  'sso.login.refused': (tx, { userId, provider, ip, reason }) =>
    recordAuditEntries(tx, [{ action: 'login.failed', subject: { kind: 'user', id: userId }, ip, details: { method: 'oidc', provider, reason } }]),
};
