/**
 * The publication under embargo (ADR 0016): the staff schedule it once every dossier has its
 * decision; the results are written at once through the label, with the certificates' codes, and
 * stay invisible until the instant; then the label's job marks the edition published and this
 * module e-mails the laureates' referents, once.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import { parseOrThrow } from '../../platform/validation.ts';
import { formatDateTime } from '../../platform/views/format.ts';
import { requirePermission } from '../accounts/guard.ts';
import { listMembers } from '../accounts/members.service.ts';
import { enqueueEmail } from '../notifications/outbox.service.ts';
import { personIdOf, systemCaller, type Caller } from '../accounts/permissions.rules.ts';
import { submittedDossierFigures, type SubmittedDossierFigures } from '../campaign/application-snapshots.service.ts';
import { getEdition, lockEditionWithClock, type Edition } from '../label/editions.service.ts';
import { isPublicEdition } from '../label/edition-lifecycle.rules.ts';
import { cancelResultsPublication, scheduleResultsPublication } from '../label/publish-results.service.ts';
import { listDistinctions } from '../label/results.service.ts';
import { getTerritoriesByCodes } from '../territories/search-territories.service.ts';
import './events.ts';
import { publicationMessages as m } from './publication.messages.ts';
import { certificateCode, missingDecisions, publicationInput, publicationRefusal } from './publication.rules.ts';
import { certificates, deliberations } from './schema.ts';

export type PublicationStatus = 'notYet' | 'ready' | 'scheduled' | 'public';

export type PublicationView = {
  edition: Edition;
  status: PublicationStatus;
  dossiers: number;
  decided: number;
  missing: SubmittedDossierFigures[];
};

async function editionOrNotFound(db: Db, year: number): Promise<Edition> {
  const edition = await getEdition(db, year);
  if (!edition) throw new NotFoundError(m.errors.editionNotFound(year));
  return edition;
}

/** Where an edition's publication stands, for the staff's page (`publication.schedule`). */
export async function publicationOf(db: Db, caller: Caller | null, year: number): Promise<PublicationView> {
  requirePermission(caller, 'publication.schedule');
  const edition = await editionOrNotFound(db, year);
  const [dossiers, decided] = await Promise.all([
    submittedDossierFigures(db, caller, year),
    db.select({ applicationId: deliberations.applicationId }).from(deliberations).where(eq(deliberations.year, year)),
  ]);
  const missing = missingDecisions(dossiers, new Set(decided.map((d) => d.applicationId)));
  const now = new Date();
  const status: PublicationStatus = isPublicEdition(edition, now)
    ? 'public'
    : edition.publishedAt
      ? 'scheduled'
      : edition.state === 'under_review' || edition.state === 'deliberated'
        ? 'ready'
        : 'notYet';
  return { edition, status, dossiers: dossiers.length, decided: dossiers.length - missing.length, missing };
}

/**
 * Schedules an edition's publication at `at` (`publication.schedule`): refused with the field named
 * while a submitted dossier has no decision or when the instant is not to come; else, with the
 * edition locked, the decisions become the edition's results under embargo (label), each laureate
 * gets a certificate code, and 'publication.scheduled' is emitted. Scheduling again moves the instant.
 */
export async function schedulePublication(db: Db, caller: Caller | null, year: number, input: unknown): Promise<{ at: Date; laureates: number }> {
  requirePermission(caller, 'publication.schedule');
  const { at } = parseOrThrow(publicationInput, input);
  await editionOrNotFound(db, year);
  return db.transaction(async (tx) => {
    const locked = await lockEditionWithClock(tx, year);
    if (!locked) throw new NotFoundError(m.errors.editionNotFound(year));
    const [dossiers, decisions] = await Promise.all([
      submittedDossierFigures(tx, caller, year),
      tx
        .select({
          applicationId: deliberations.applicationId,
          territoryCode: deliberations.territoryCode,
          level: deliberations.level,
          distinctions: deliberations.distinctions,
        })
        .from(deliberations)
        .where(eq(deliberations.year, year)),
    ]);
    const byDossier = new Map(decisions.map((d) => [d.applicationId, d]));
    const refusal = publicationRefusal({
      dossiers: dossiers.length,
      missing: missingDecisions(dossiers, new Set(byDossier.keys())).length,
      at,
      now: locked.now,
    });
    if (refusal) throw new ConflictError(refusal.message, refusal.field);
    // Only the submitted dossiers' decisions: one reopened since keeps its decision out of the results.
    const rows = dossiers.flatMap((d) => {
      const decision = byDossier.get(d.applicationId);
      return decision ? [{ territoryCode: decision.territoryCode, level: decision.level, distinctions: decision.distinctions }] : [];
    });
    await scheduleResultsPublication(tx, caller, year, at, rows);
    await tx.delete(certificates).where(eq(certificates.year, year));
    await tx.insert(certificates).values(rows.map((r) => ({ code: certificateCode(year), year, territoryCode: r.territoryCode })));
    await emit(tx, 'publication.scheduled', { year, at, laureates: rows.length, by: personIdOf(caller) });
    return { at, laureates: rows.length };
  });
}

/** Cancels a scheduled publication before its instant (`publication.schedule`): results and certificates go; decisions may change again. */
export async function cancelPublication(db: Db, caller: Caller | null, year: number): Promise<void> {
  requirePermission(caller, 'publication.schedule');
  await editionOrNotFound(db, year);
  await db.transaction(async (tx) => {
    await cancelResultsPublication(tx, caller, year);
    await tx.delete(certificates).where(eq(certificates.year, year));
    await emit(tx, 'publication.cancelled', { year, by: personIdOf(caller) });
  });
}

/**
 * On 'edition.published' (in the job's transaction, once): each laureate's referents who can read
 * an e-mail get the result, the certificate and the sign.
 */
export async function emailLaureates(tx: Db, payload: { year: number; territoryCodes: readonly string[]; baseUrl: string }): Promise<void> {
  const { year, baseUrl } = payload;
  const [decisions, territories, catalogue] = await Promise.all([
    tx.select().from(deliberations).where(eq(deliberations.year, year)),
    getTerritoriesByCodes(tx, [...payload.territoryCodes]),
    listDistinctions(tx),
  ]);
  const names = new Map(catalogue.map((d) => [d.code, d.name]));
  const byTerritory = new Map(decisions.map((d) => [d.territoryCode, d]));
  const caller = systemCaller('jury: the laureates’ e-mails');
  for (const territory of territories) {
    const decision = byTerritory.get(territory.code);
    if (!decision) continue;
    const referents = (await listMembers(tx, caller, territory.code)).filter((member) => member.role === 'referent' && member.hasPassword);
    const body = m.email.body({
      territory: territory.name,
      year,
      level: `${decision.level} @`,
      distinctions: m.email.distinctions(decision.distinctions.map((code) => names.get(code) ?? code)),
      certificate: `${baseUrl}/territoires/${territory.code}/attestations/${year}.pdf`,
      sign: `${baseUrl}/territoires/${territory.code}/panneau/${year}.pdf`,
      page: `${baseUrl}/territoires/${territory.code}`,
    });
    for (const referent of referents) await enqueueEmail(tx, { to: referent.email, subject: m.email.subject(year, territory.name), body });
  }
}

/** For the staff's page: the instant as the French read it. */
export const publicationInstant = (edition: Edition): string | null => (edition.publishedAt ? formatDateTime(edition.publishedAt) : null);
