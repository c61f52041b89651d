import { and, asc, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { ConflictError, InvalidInputError, NotFoundError, type FieldErrors } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import { fromParisLocal } from '../../platform/paris-time.ts';
import { requirePermission } from '../accounts/guard.ts';
import { personIdOf, type Caller } from '../accounts/permissions.rules.ts';
import { getCurrentReferentialVersion, listReferentialVersions } from '../referential/referential.service.ts';
import { EDITABLE_IN_STATE, isImportedEdition, nextEditionCalendar } from './edition-admin.rules.ts';
import { EDITION_CALENDAR_FIELDS, editionCalendarRefusal, type EditionCalendar } from './edition-calendar.rules.ts';
import { getEdition, lockEditionWithClock, type Edition } from './editions.service.ts';
import './events.ts';
import { editionAdminMessages, editionCalendarMessages } from './messages.ts';
import { FIRST_EDITION_YEAR } from './results.rules.ts';
import { distinctions, editionDistinctions, editions, editionStateChanges } from './schema.ts';

const m = editionAdminMessages;
const LAST_EDITION_YEAR = 9999;

/** The year the list's « Préparer l’édition N+1 » proposes: the one after the latest edition, else next year. */
export async function nextEditionYear(db: Db): Promise<number> {
  const [latest] = await db.select({ year: editions.year }).from(editions).orderBy(desc(editions.year)).limit(1);
  return latest ? latest.year + 1 : new Date().getUTCFullYear() + 1;
}

/**
 * Prepares edition `year` as a draft from the latest edition before it (`based_on`): its referential
 * version (else the one in force), its distinctions (for an imported edition, or none: every mention
 * of the catalogue), its calendar on the same Paris clock times shifted by the years between (else
 * the default). Emits 'edition.created' in the transaction, so the campaign copies its questionnaires.
 * A year that exists is refused (ConflictError); so is a second click of the same form.
 */
export async function prepareEdition(db: Db, caller: Caller | null, year: number): Promise<Edition> {
  requirePermission(caller, 'editions.manage');
  if (!Number.isInteger(year) || year < FIRST_EDITION_YEAR || year > LAST_EDITION_YEAR) throw new InvalidInputError({ year: m.prepare.yearInvalid });
  if (await getEdition(db, year)) throw new ConflictError(m.prepare.exists(year), 'year');
  await db.transaction(async (tx) => {
    const [previous] = await tx.select().from(editions).where(lt(editions.year, year)).orderBy(desc(editions.year)).limit(1);
    const imported = !previous || isImportedEdition(previous);
    const calendar = nextEditionCalendar(imported ? null : previous, year, previous ? year - previous.year : 1);
    const referentialVersion = previous?.referentialVersion ?? (await getCurrentReferentialVersion(tx));
    const created = await tx
      .insert(editions)
      .values({ year, state: 'draft', ...calendar, referentialVersion, basedOn: previous?.year ?? null })
      .onConflictDoNothing()
      .returning({ year: editions.year });
    if (created.length === 0) throw new ConflictError(m.prepare.exists(year), 'year');
    const offered = imported
      ? await tx.select({ code: distinctions.code }).from(distinctions).where(eq(distinctions.kind, 'mention'))
      : await tx.select({ code: editionDistinctions.distinctionCode }).from(editionDistinctions).where(eq(editionDistinctions.year, previous.year));
    if (offered.length > 0) await tx.insert(editionDistinctions).values(offered.map((d) => ({ year, distinctionCode: d.code })));
    await tx.insert(editionStateChanges).values({ year, fromState: null, toState: 'draft', reason: null, changedBy: personIdOf(caller) });
    await emit(tx, 'edition.created', { year, basedOn: previous?.year ?? null, by: personIdOf(caller) });
  });
  return editionOrNotFound(db, year);
}

async function editionOrNotFound(db: Db, year: number): Promise<Edition> {
  const edition = await getEdition(db, year);
  if (!edition) throw new NotFoundError(m.edition.notFound(String(year)));
  return edition;
}

/** What the edition's form sends: the four moments on the Paris clock (« YYYY-MM-DDTHH:mm »), the version, the distinctions' codes. */
export type EditionSettingsForm = Partial<Record<keyof EditionCalendar, string>> & { referentialVersion?: string; distinctions?: readonly string[] };

/** The choices the edition's form offers: the published versions of the referential, the catalogue of distinctions. */
export async function editionSettingsChoices(db: Db) {
  const [versions, catalogue] = await Promise.all([
    listReferentialVersions(db),
    db.select({ code: distinctions.code, name: distinctions.name, kind: distinctions.kind }).from(distinctions).orderBy(asc(distinctions.position)),
  ]);
  return { referentialVersions: versions.filter((v) => v.state === 'published').map((v) => v.version), distinctions: catalogue };
}

/**
 * Saves what the edition's state lets change (label/edition-admin.rules.ts EDITABLE_IN_STATE), the
 * rest of the form being ignored: every field is checked first (InvalidInputError naming each wrong
 * one: a date that is not one, moments out of order, a version not published, an unknown
 * distinction), and nothing is written unless all are right. ConflictError once nothing is editable.
 */
export async function updateEditionSettings(db: Db, caller: Caller | null, year: number, form: EditionSettingsForm): Promise<Edition> {
  requirePermission(caller, 'editions.manage');
  const choices = await editionSettingsChoices(db);
  await db.transaction(async (tx) => {
    const locked = await lockEditionWithClock(tx, year);
    if (!locked) throw new NotFoundError(m.edition.notFound(String(year)));
    const parts = EDITABLE_IN_STATE[locked.edition.state];
    if (parts.length === 0) throw new ConflictError(m.edition.notEditable(m.states[locked.edition.state]));
    const errors: FieldErrors = {};
    const set: Partial<typeof editions.$inferInsert> = {};

    if (parts.includes('calendar')) {
      const calendar: Partial<EditionCalendar> = {};
      for (const field of EDITION_CALENDAR_FIELDS) {
        const instant = fromParisLocal(form[field] ?? '');
        if (instant) calendar[field] = instant;
        else errors[field] = editionCalendarMessages.dateInvalid(editionCalendarMessages.fields[field]);
      }
      if (Object.keys(calendar).length === EDITION_CALENDAR_FIELDS.length) {
        const refusal = editionCalendarRefusal(calendar as EditionCalendar);
        if (refusal) errors[refusal.field] = refusal.message;
        else Object.assign(set, calendar);
      }
    }
    if (parts.includes('referential')) {
      const version = form.referentialVersion ?? '';
      if (choices.referentialVersions.includes(version)) set.referentialVersion = version;
      else errors.referentialVersion = m.edition.referentialUnknown;
    }
    const codes = [...new Set(form.distinctions ?? [])];
    if (parts.includes('distinctions')) {
      const known = new Set(choices.distinctions.map((d) => d.code));
      if (codes.some((code) => !known.has(code))) errors.distinctions = m.edition.distinctionUnknown;
    }
    if (Object.keys(errors).length > 0) throw new InvalidInputError(errors);

    await tx
      .update(editions)
      .set({ ...set, updatedAt: locked.now })
      .where(and(eq(editions.year, year), eq(editions.state, locked.edition.state)));
    if (parts.includes('distinctions')) {
      await tx.delete(editionDistinctions).where(eq(editionDistinctions.year, year));
      if (codes.length > 0) await tx.insert(editionDistinctions).values(codes.map((code) => ({ year, distinctionCode: code })));
    }
  });
  return editionOrNotFound(db, year);
}
