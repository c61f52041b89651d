/**
 * Starting a territory's dossier for an edition (pre-filled from last year's) and reading it. A
 * dossier of another territory is "not found", never "forbidden": its existence is not told.
 */
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import { validateAnswers } from '../../platform/questionnaire/questionnaire.rules.ts';
import type { Answers, Questionnaire } from '../../platform/questionnaire/questionnaire.schema.ts';
import { requirePermission } from '../accounts/guard.ts';
import { can, type Person } from '../accounts/permissions.rules.ts';
import { getEdition, type Edition } from '../label/editions.service.ts';
import { getTerritory } from '../territories/search-territories.service.ts';
import { takesPart, type TerritoryCategory } from '../territories/territory.rules.ts';
import type { ApplicationContent, ApplicationEventKind } from './application.schema.ts';
import { missingItems, type ChecklistItem } from './application-checklist.rules.ts';
import {
  candidateSheets,
  contentOf,
  findApplicationRow,
  findApplicationRowFor,
  questionnaireFor,
  writeSelection,
  type ApplicationRow,
  type CandidateSheet,
} from './application-store.ts';
import { INTERVIEW_QUESTIONS } from './default-questionnaires.data.ts';
import './events.ts';
import { campaignMessages } from './messages.ts';
import { applicationEvents, applicationPhotos, applicationRevisions, applications } from './schema.ts';

const m = campaignMessages.application;

/** A dossier as its page and the API show it. */
export type ApplicationView = {
  id: string;
  year: number;
  territory: { code: string; name: string; category: TerritoryCategory };
  state: ApplicationRow['state'];
  version: number;
  content: ApplicationContent;
  edition: Edition;
  questionnaire: Questionnaire;
  /** The territory's sheets, selected or not, each with its eligibility. */
  sheets: CandidateSheet[];
  checklist: ChecklistItem[];
  history: { kind: ApplicationEventKind; reason: string | null; at: Date }[];
  photo: { alt: string; width: number; height: number } | null;
  submittedAt: Date | null;
  updatedAt: Date;
  basedOn: string | null;
};

/** The answers of last year that the new questionnaire still asks, as they were. */
function keptAnswers(questionnaire: Questionnaire, previous: Answers): Answers {
  const asked = new Set(questionnaire.questions.map((q) => q.id));
  const kept = Object.fromEntries(Object.entries(previous).filter(([id]) => asked.has(id)));
  const checked = validateAnswers(questionnaire, kept, { complete: false });
  if (checked.ok) return checked.answers;
  // Options changed since: keep each answer the new questionnaire still takes on its own.
  const wrong = new Set(checked.errors.map((e) => e.questionId));
  const rest = validateAnswers(questionnaire, Object.fromEntries(Object.entries(kept).filter(([id]) => !wrong.has(id))), { complete: false });
  return rest.ok ? rest.answers : {};
}

async function participatingTerritory(db: Db, code: string) {
  const territory = await getTerritory(db, code);
  if (!territory) throw new NotFoundError(m.territoryUnknown(code));
  if (!takesPart(territory)) throw new ConflictError(m.territoryDoesNotTakePart(territory.name));
  return territory;
}

/**
 * Starts the territory's dossier for an open edition, as a draft pre-filled from its most recent
 * earlier dossier: the sheets still eligible, the answers the questionnaire still asks, the
 * interview and the contacts — to review. A second start answers the dossier already there (409).
 */
export async function startApplication(db: Db, person: Person | null, year: number, territoryCode: string): Promise<ApplicationView> {
  // Which editions take applications is public: a missing one is a 404 for anybody, before the rights.
  const edition = await getEdition(db, year);
  if (!edition || edition.state === 'draft') throw new NotFoundError(m.editionUnknown(year));
  requirePermission(person, 'application.edit', { territoryCode });
  const territory = await participatingTerritory(db, territoryCode);
  if (edition.state !== 'open') throw new ConflictError(m.editionNotOpen(year));
  const existing = await findApplicationRowFor(db, year, territoryCode);
  if (existing) throw new ConflictError(m.alreadyStarted(year), 'territoryCode');

  const questionnaire = await questionnaireFor(db, year, territory.category);
  const [previous] = await db
    .select()
    .from(applications)
    .where(and(eq(applications.territoryCode, territoryCode), lt(applications.year, year)))
    .orderBy(desc(applications.year))
    .limit(1);
  const previousContent = previous ? await contentOf(db, previous) : null;
  const sheets = await candidateSheets(db, territoryCode, edition);
  const eligible = new Set(sheets.filter((s) => s.eligibility.counted === 'eligible').map((s) => s.id));
  const content: ApplicationContent = previousContent
    ? {
        initiativeIds: previousContent.initiativeIds.filter((id) => eligible.has(id)),
        answers: keptAnswers(questionnaire, previousContent.answers),
        interview: { answers: keptAnswers(INTERVIEW_QUESTIONS, previousContent.interview.answers), consent: previousContent.interview.consent },
        contacts: previousContent.contacts,
      }
    : { initiativeIds: [], answers: {}, interview: { answers: {}, consent: false }, contacts: {} };

  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(applications)
      .values({
        year,
        territoryCode,
        answers: content.answers,
        interview: content.interview,
        contacts: content.contacts,
        basedOn: previous?.id ?? null,
        createdBy: person.id,
        updatedBy: person.id,
      })
      // Two people starting it at once: the second finds it there.
      .onConflictDoNothing({ target: [applications.year, applications.territoryCode] })
      .returning({ id: applications.id });
    if (!row) return null;
    await writeSelection(tx, row.id, content.initiativeIds);
    await tx.insert(applicationRevisions).values({ applicationId: row.id, version: 1, content, savedBy: person.id });
    await tx.insert(applicationEvents).values({ applicationId: row.id, kind: 'created', personId: person.id });
    await emit(tx, 'application.changed', { applicationId: row.id, year, territoryCode, change: 'created', by: person.id });
    return row.id;
  });
  if (!id) throw new ConflictError(m.alreadyStarted(year), 'territoryCode');
  return readApplication(db, person, id);
}

/** The dossier, for a member of its territory or the label's staff; anyone else: not found. */
export async function readApplication(db: Db, person: Person | null, id: string): Promise<ApplicationView> {
  const row = await findApplicationRow(db, id);
  if (!row || !can(person, 'application.view', { territoryCode: row.territoryCode })) {
    if (!person) requirePermission(person, 'application.view');
    throw new NotFoundError(m.notFound);
  }
  return viewOf(db, row);
}

/** The territory's dossier for an edition, or null when it has not been started. */
export async function findTerritoryApplication(db: Db, person: Person | null, year: number, territoryCode: string): Promise<ApplicationView | null> {
  requirePermission(person, 'application.view', { territoryCode });
  const row = await findApplicationRowFor(db, year, territoryCode);
  return row ? viewOf(db, row) : null;
}

export async function viewOf(db: Db, row: ApplicationRow): Promise<ApplicationView> {
  const [territory, edition, content, history, [photo]] = await Promise.all([
    getTerritory(db, row.territoryCode),
    getEdition(db, row.year),
    contentOf(db, row),
    db
      .select({ kind: applicationEvents.kind, reason: applicationEvents.reason, at: applicationEvents.at })
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, row.id))
      .orderBy(desc(applicationEvents.at), desc(applicationEvents.id)),
    db
      .select({ alt: applicationPhotos.alt, width: applicationPhotos.width, height: applicationPhotos.height })
      .from(applicationPhotos)
      .where(eq(applicationPhotos.applicationId, row.id)),
  ]);
  if (!territory || !edition) throw new Error(`application ${row.id} without its territory or edition`);
  const [questionnaire, sheets] = await Promise.all([questionnaireFor(db, row.year, territory.category), candidateSheets(db, row.territoryCode, edition)]);
  const byId = new Map(sheets.map((s) => [s.id, s.eligibility]));
  return {
    id: row.id,
    year: row.year,
    territory: { code: territory.code, name: territory.name, category: territory.category },
    state: row.state,
    version: row.version,
    content,
    edition,
    questionnaire,
    sheets,
    checklist: missingItems(questionnaire, content, (sheetId) => byId.get(sheetId)),
    history,
    photo: photo ?? null,
    submittedAt: row.submittedAt,
    updatedAt: row.updatedAt,
    basedOn: row.basedOn,
  };
}
