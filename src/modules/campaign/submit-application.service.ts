/**
 * Submitting a dossier freezes it: one transaction locks the dossier and the edition, checks with
 * the database's clock that the edition is open and not past its closing, that a referent submits
 * and that nothing is missing, then writes an immutable snapshot (the selected sheets as they are
 * now, the answers, the interview, the contacts, the self-assessment) and queues the receipt. Two
 * submissions at the same instant give one: the second finds the dossier submitted. Reopening (the
 * label's staff, with a reason) turns it back into a draft; its snapshot stays, the next one is new.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import { formatDateTime } from '../../platform/views/format.ts';
import { requirePermission } from '../accounts/guard.ts';
import { listMembers } from '../accounts/members.service.ts';
import { displayNamesOf } from '../accounts/users.service.ts';
import { can, systemCaller, type Person } from '../accounts/permissions.rules.ts';
import { findRowWithContent } from '../initiatives/initiative-sheet.service.ts';
import { lockEditionWithClock } from '../label/editions.service.ts';
import { enqueueEmail } from '../notifications/outbox.service.ts';
import { getCurrentReferentialVersion, getReferential, serviceIndex } from '../referential/referential.service.ts';
import { getTerritory } from '../territories/search-territories.service.ts';
import type { ApplicationSnapshotContent, SnapshotInitiative } from './application.schema.ts';
import { missingItems } from './application-checklist.rules.ts';
import { submissionRefusal, reopenRefusal } from './application-lifecycle.rules.ts';
import { freezePhoto } from './application-photo.service.ts';
import { candidateSheets, contentOf, findApplicationRow, questionnaireFor } from './application-store.ts';
import { viewOf, type ApplicationView } from './applications.service.ts';
import './events.ts';
import { campaignMessages } from './messages.ts';
import { applicationEvents, applicationPhotos, applications, applicationSnapshots } from './schema.ts';
import { computeSelfAssessment } from './self-assessment.service.ts';

const m = campaignMessages.application;

/** The dossier of a territory the person belongs to (or any, for the staff); else not found. */
async function visibleRow(db: Db, person: Person | null, id: string) {
  const row = await findApplicationRow(db, id);
  if (!row || !can(person, 'application.view', { territoryCode: row.territoryCode })) {
    if (!person) requirePermission(person, 'application.view');
    throw new NotFoundError(m.notFound);
  }
  return row;
}

export async function submitApplication(
  db: Db,
  person: Person | null,
  id: string,
  options: { baseUrl: string; /** The version the referent read: a dossier changed since is not submitted unseen. */ version?: number },
): Promise<ApplicationView> {
  const visible = await visibleRow(db, person, id);
  const isReferent = can(person, 'application.submit', { territoryCode: visible.territoryCode });
  if (!person || !isReferent) throw new ForbiddenError(campaignMessages.submission.not_referent);
  const territory = await getTerritory(db, visible.territoryCode);
  if (!territory) throw new Error(`application ${id} without its territory`);

  await db.transaction(async (tx) => {
    const row = await findApplicationRow(tx, id, { forUpdate: true });
    const locked = await lockEditionWithClock(tx, visible.year);
    if (!row || !locked) throw new NotFoundError(m.notFound);
    const { edition, now } = locked;
    // An edition without a calendar has no closing time: it cannot be open to submissions.
    const closesAt = edition.closesAt ?? now;
    const refusal = submissionRefusal({ applicationState: row.state, editionState: edition.state, closesAt, now, isReferent });
    if (refusal) throw refusal.code === 'not_referent' ? new ForbiddenError(refusal.message) : new ConflictError(refusal.message);
    if (options.version !== undefined && options.version !== row.version) throw new ConflictError(m.changedSinceRead(row.version), 'version');

    const content = await contentOf(tx, row);
    const questionnaire = await questionnaireFor(tx, row.year, territory.category);
    const sheets = new Map((await candidateSheets(tx, row.territoryCode, edition)).map((s) => [s.id, s]));
    const missing = missingItems(questionnaire, content, (sheetId) => sheets.get(sheetId)?.eligibility);
    if (missing.length) throw new InvalidInputError(Object.fromEntries(missing.map((item) => [item.field, item.message])), m.incomplete(missing.length));

    const referentialVersion = edition.referentialVersion ?? (await getCurrentReferentialVersion(tx));
    const referential = await getReferential(tx, referentialVersion);
    const index = referential ? serviceIndex(referential) : new Map();
    const initiatives: SnapshotInitiative[] = [];
    for (const sheetId of content.initiativeIds) {
      const found = await findRowWithContent(tx, sheetId);
      const sheet = sheets.get(sheetId);
      if (!found || !sheet) continue;
      const c = found.content;
      initiatives.push({
        id: sheetId,
        title: c.title,
        summary: c.summary,
        description: c.description,
        status: c.status,
        startDate: c.startDate,
        endDate: c.endDate,
        serviceIds: c.serviceIds,
        themeIds: [...new Set(c.serviceIds.map((s) => index.get(s)?.theme.id).filter((t): t is string => t !== undefined))],
        indicators: c.indicators,
        links: c.links,
        visibility: found.row.visibility,
        version: found.row.version,
        eligibility: sheet.eligibility,
      });
    }
    const assessment = await computeSelfAssessment(tx, row.territoryCode, { scope: 'all', referentialVersion, year: row.year });
    const [photo] = await tx
      .select({ alt: applicationPhotos.alt, width: applicationPhotos.width, height: applicationPhotos.height })
      .from(applicationPhotos)
      .where(eq(applicationPhotos.applicationId, id));
    const snapshot: ApplicationSnapshotContent = {
      year: row.year,
      territory: { code: territory.code, name: territory.name, category: territory.category, population: territory.population },
      referentialVersion,
      questionnaire,
      answers: content.answers,
      interview: { ...content.interview, photo: photo ?? null },
      contacts: content.contacts,
      initiatives,
      selfAssessment: assessment.result,
    };
    const [frozen] = await tx
      .insert(applicationSnapshots)
      .values({
        applicationId: id,
        year: row.year,
        territoryCode: row.territoryCode,
        content: snapshot,
        overallScore: assessment.result.overall ?? 0,
        coverage: assessment.result.coverage ?? 0,
        submittedBy: person.id,
        submittedAt: now,
      })
      .returning({ id: applicationSnapshots.id });
    if (!frozen) throw new Error('snapshot insert returned no row');
    // The photo's bytes beside the snapshot: a photo replaced once the dossier is reopened leaves this one.
    await freezePhoto(tx, id, frozen.id);
    await tx
      .update(applications)
      .set({ state: 'submitted', submittedAt: now, submittedBy: person.id, version: sql`${applications.version} + 1`, updatedAt: now })
      .where(eq(applications.id, id));
    await tx.insert(applicationEvents).values({ applicationId: id, kind: 'submitted', personId: person.id, at: now });
    await emit(tx, 'application.changed', { applicationId: id, year: row.year, territoryCode: row.territoryCode, change: 'submitted', by: person.id });

    const link = `${options.baseUrl}/espace/${territory.code}/candidature/${row.year}`;
    const submitter = (await displayNamesOf(tx, [person.id])).get(person.id) ?? m.receipt.aReferent;
    for (const referent of await referentsOf(tx, territory.code)) {
      await enqueueEmail(tx, {
        to: referent.email,
        subject: m.receipt.subject(row.year, territory.name),
        body: m.receipt.body({
          territory: territory.name,
          year: row.year,
          submittedAt: formatDateTime(now),
          by: submitter,
          sheets: initiatives.length,
          link,
        }),
      });
    }
  });
  const saved = await findApplicationRow(db, id);
  if (!saved) throw new NotFoundError(m.notFound);
  return viewOf(db, saved);
}

/** The territory's referents who can read an e-mail (an invitation not yet accepted has no password). */
async function referentsOf(tx: Db, territoryCode: string) {
  const members = await listMembers(tx, systemCaller('campaign: e-mails to the referents'), territoryCode);
  return members.filter((member) => member.role === 'referent' && member.hasPassword);
}

/** The label's staff turn a submitted dossier back into a draft, with a reason the territory is shown and sent. */
export async function reopenApplication(db: Db, person: Person | null, id: string, reason: unknown, options: { baseUrl: string }): Promise<ApplicationView> {
  requirePermission(person, 'application.reopen');
  const text = typeof reason === 'string' ? reason.trim() : '';
  const territoryOf = await findApplicationRow(db, id);
  if (!territoryOf) throw new NotFoundError(m.notFound);
  const territory = await getTerritory(db, territoryOf.territoryCode);
  if (!territory) throw new Error(`application ${id} without its territory`);
  await db.transaction(async (tx) => {
    const row = await findApplicationRow(tx, id, { forUpdate: true });
    if (!row) throw new NotFoundError(m.notFound);
    const refusal = reopenRefusal({ applicationState: row.state, reason: text });
    if (refusal) throw refusal.code === 'reason_required' ? new InvalidInputError({ reason: refusal.message }) : new ConflictError(refusal.message);
    await tx
      .update(applications)
      .set({ state: 'draft', submittedAt: null, submittedBy: null, version: sql`${applications.version} + 1`, updatedAt: sql`now()` })
      .where(eq(applications.id, id));
    await tx.insert(applicationEvents).values({ applicationId: id, kind: 'reopened', reason: text, personId: person.id });
    await emit(tx, 'application.changed', {
      applicationId: id,
      year: row.year,
      territoryCode: row.territoryCode,
      change: 'reopened',
      by: person.id,
      reason: text,
    });
    const link = `${options.baseUrl}/espace/${territory.code}/candidature/${row.year}`;
    for (const referent of await referentsOf(tx, territory.code)) {
      await enqueueEmail(tx, {
        to: referent.email,
        subject: m.reopened.subject(row.year, territory.name),
        body: m.reopened.body(territory.name, row.year, text, link),
      });
    }
  });
  const saved = await findApplicationRow(db, id);
  if (!saved) throw new NotFoundError(m.notFound);
  return viewOf(db, saved);
}
