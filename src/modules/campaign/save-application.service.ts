/**
 * Saving a dossier (the form, its autosave and the API's PATCH): every part checked at once — the
 * sheets (the territory's, eligible, with the reason when not), the answers against the
 * questionnaire, the interview, the contacts — and every error reported together, naming its field;
 * then a save based on an older version is merged part by part with what was saved since (a
 * conflict only where both changed the same part). A refused save changes nothing.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { ConflictError, InvalidInputError, NotFoundError, type FieldErrors } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import { validateAnswers } from '../../platform/questionnaire/questionnaire.rules.ts';
import { fieldErrorsOf } from '../../platform/validation.ts';
import { requirePermission } from '../accounts/guard.ts';
import { can, type Person } from '../accounts/permissions.rules.ts';
import { getEdition } from '../label/editions.service.ts';
import { getTerritory } from '../territories/search-territories.service.ts';
import { applicationPatchSchema, type ApplicationContent } from './application.schema.ts';
import { mergeApplication, type ApplicationChange } from './application-merge.rules.ts';
import { candidateSheets, contentOf, findApplicationRow, questionnaireFor, writeSelection } from './application-store.ts';
import { viewOf, type ApplicationView } from './applications.service.ts';
import { INTERVIEW_QUESTIONS } from './default-questionnaires.data.ts';
import './events.ts';
import { campaignMessages } from './messages.ts';
import { applicationRevisions, applications } from './schema.ts';

const m = campaignMessages.application;

/** French names of the parts, for the conflict message. */
function partNames(conflicts: readonly string[], questionLabel: (id: string) => string | undefined): string {
  const names = conflicts.map((c) => {
    const [head, ...rest] = c.split('.');
    if (head === 'answers') return `« ${questionLabel(rest.join('.')) ?? rest.join('.')} »`;
    if (head === 'interview') return rest[0] === 'consent' ? m.parts.consent : `${m.parts.interview} « ${questionLabel(rest.slice(1).join('.')) ?? ''} »`;
    if (head === 'contacts') return rest[0] === 'elected' ? m.parts.elected : m.parts.agent;
    return m.parts.initiatives;
  });
  return [...new Set(names)].join(', ');
}

/**
 * Saves the parts the patch carries. Answers the dossier as saved: merged with others' saves for the
 * page and its autosave (`onStale: 'merge'`), refused when stale for the API (`'conflict'`, as sheets).
 */
export async function saveApplication(
  db: Db,
  person: Person | null,
  id: string,
  patch: unknown,
  options: { onStale: 'merge' | 'conflict' } = { onStale: 'merge' },
): Promise<ApplicationView> {
  const found = await findApplicationRow(db, id);
  if (!found || !can(person, 'application.view', { territoryCode: found.territoryCode })) {
    if (!person) requirePermission(person, 'application.edit');
    throw new NotFoundError(m.notFound);
  }
  requirePermission(person, 'application.edit', { territoryCode: found.territoryCode });

  const parsed = applicationPatchSchema.safeParse(patch);
  if (!parsed.success) throw new InvalidInputError(fieldErrorsOf(parsed.error));
  const { version, ...parts } = parsed.data;
  const errors: FieldErrors = {};
  const change: ApplicationChange = {};

  const territory = await getTerritory(db, found.territoryCode);
  const edition = await getEdition(db, found.year);
  if (!territory || !edition) throw new Error(`application ${id} without its territory or edition`);
  const questionnaire = await questionnaireFor(db, found.year, territory.category);

  if (parts.initiativeIds !== undefined) {
    const sheets = new Map((await candidateSheets(db, found.territoryCode, edition)).map((s) => [s.id, s]));
    parts.initiativeIds.forEach((sheetId, i) => {
      const sheet = sheets.get(sheetId);
      if (!sheet) errors[`initiativeIds.${i}`] = m.sheetNotOfTerritory;
      else if (sheet.eligibility.counted !== 'eligible') errors[`initiativeIds.${i}`] = m.sheetNotEligible(sheet.eligibility.reason);
    });
    change.initiativeIds = [...new Set(parts.initiativeIds)];
  }
  if (parts.answers !== undefined) {
    const checked = validateAnswers(questionnaire, parts.answers, { complete: false });
    if (checked.ok) change.answers = checked.answers;
    else for (const e of checked.errors) errors[`answers.${e.questionId}`] = e.message;
  }
  if (parts.interview !== undefined) {
    const current = found.interview;
    const checked = validateAnswers(INTERVIEW_QUESTIONS, parts.interview.answers ?? current.answers, { complete: false });
    if (checked.ok) change.interview = { answers: checked.answers, consent: parts.interview.consent ?? current.consent };
    else for (const e of checked.errors) errors[`interview.answers.${e.questionId}`] = e.message;
  }
  if (parts.contacts !== undefined) change.contacts = parts.contacts;
  if (Object.keys(errors).length) throw new InvalidInputError(errors);

  await db.transaction(async (tx) => {
    const row = await findApplicationRow(tx, id, { forUpdate: true });
    if (!row) throw new NotFoundError(m.notFound);
    if (row.state !== 'draft') throw new ConflictError(m.notDraft);
    const theirs = await contentOf(tx, row);
    let base = theirs;
    if (version !== row.version && options.onStale === 'conflict') throw new ConflictError(m.staleVersion(row.version), 'version');
    if (version !== row.version) {
      const [revision] = await tx
        .select({ content: applicationRevisions.content })
        .from(applicationRevisions)
        .where(and(eq(applicationRevisions.applicationId, id), eq(applicationRevisions.version, version)));
      if (!revision || version > row.version) throw new ConflictError(m.stale(m.parts.dossier), 'version');
      base = revision.content as ApplicationContent;
    }
    const merged = mergeApplication(base, theirs, change);
    if (merged.conflicts.length) {
      const label = (qid: string) => [...questionnaire.questions, ...INTERVIEW_QUESTIONS.questions].find((q) => q.id === qid)?.label;
      throw new ConflictError(m.stale(partNames(merged.conflicts, label)), merged.conflicts[0]);
    }
    const next = row.version + 1;
    await tx
      .update(applications)
      .set({
        answers: merged.content.answers,
        interview: merged.content.interview,
        contacts: merged.content.contacts,
        version: next,
        updatedBy: person.id,
        updatedAt: sql`now()`,
      })
      .where(eq(applications.id, id));
    await writeSelection(tx, id, merged.content.initiativeIds);
    await tx.insert(applicationRevisions).values({ applicationId: id, version: next, content: merged.content, savedBy: person.id });
    await emit(tx, 'application.changed', { applicationId: id, year: row.year, territoryCode: row.territoryCode, change: 'saved', by: person.id });
  });
  const saved = await findApplicationRow(db, id);
  if (!saved) throw new NotFoundError(m.notFound);
  return viewOf(db, saved);
}
