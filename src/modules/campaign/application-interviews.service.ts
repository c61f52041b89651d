/**
 * The interviews of the submitted dossiers, as their latest submission froze them: the three
 * questions' answers, the territory's consent to publish them, and the frozen photo.
 *
 * System reads: no permission is checked here. They are meant for the jury module, which publishes
 * the consenting laureates' interviews with the results and gates every read by the edition's
 * embargo (jury/interviews.service.ts); no route may call them without such a gate.
 */
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { Answers } from '../../platform/questionnaire/questionnaire.schema.ts';
import { INTERVIEW_QUESTIONS } from './default-questionnaires.data.ts';
import { answerText } from './dossier-text.ts';
import { applications, applicationSnapshotPhotos, applicationSnapshots } from './schema.ts';

/** A submitted dossier's interview, from its latest snapshot. */
export type LatestInterview = {
  applicationId: string;
  year: number;
  /** The territory as the snapshot named it. */
  territory: { code: string; name: string };
  answers: Answers;
  /** The territory agreed to publish the interview with its results. */
  consent: boolean;
  /** The photo the submission froze (its bytes read apart, by latestInterviewPhoto), or null. */
  photo: { snapshotId: string; alt: string; width: number; height: number } | null;
  submittedAt: Date;
};

/** One answered question of the interview: its label and the answer as text. */
export type InterviewAnswer = { questionId: string; question: string; answer: string };

/** The condition on the submitted dossiers of the edition(s), and of one territory when given. */
function submittedOf(years: number | readonly number[], territoryCode?: string): SQL | undefined {
  const list = typeof years === 'number' ? [years] : [...years];
  const conditions: SQL[] = [inArray(applications.year, list), eq(applications.state, 'submitted')];
  if (territoryCode !== undefined) conditions.push(eq(applications.territoryCode, territoryCode));
  return and(...conditions);
}

/**
 * For each submitted dossier of the edition (or editions), of one territory when `territoryCode` is
 * given: its latest snapshot's territory, interview and consent, and whether a photo was frozen with
 * it (without its bytes). In no particular order. A system read (see the file's comment).
 */
export async function latestInterviewsOf(db: Db, years: number | readonly number[], territoryCode?: string): Promise<LatestInterview[]> {
  if (typeof years !== 'number' && years.length === 0) return [];
  const rows = await db
    .selectDistinctOn([applicationSnapshots.applicationId], {
      applicationId: applicationSnapshots.applicationId,
      year: applications.year,
      snapshotId: applicationSnapshots.id,
      submittedAt: applicationSnapshots.submittedAt,
      territory: sql<{ code: string; name: string } | null>`${applicationSnapshots.content}->'territory'`,
      interview: sql<{ answers?: Answers; consent?: boolean } | null>`${applicationSnapshots.content}->'interview'`,
      photoSnapshotId: applicationSnapshotPhotos.snapshotId,
      photoAlt: applicationSnapshotPhotos.alt,
      photoWidth: applicationSnapshotPhotos.width,
      photoHeight: applicationSnapshotPhotos.height,
    })
    .from(applicationSnapshots)
    .innerJoin(applications, eq(applications.id, applicationSnapshots.applicationId))
    .leftJoin(applicationSnapshotPhotos, eq(applicationSnapshotPhotos.snapshotId, applicationSnapshots.id))
    .where(submittedOf(years, territoryCode))
    .orderBy(applicationSnapshots.applicationId, desc(applicationSnapshots.submittedAt));
  return rows.map((row) => ({
    applicationId: row.applicationId,
    year: row.year,
    territory: { code: row.territory?.code ?? '', name: row.territory?.name ?? row.territory?.code ?? '' },
    answers: row.interview?.answers ?? {},
    consent: row.interview?.consent === true,
    photo:
      row.photoSnapshotId !== null && row.photoWidth !== null && row.photoHeight !== null
        ? { snapshotId: row.photoSnapshotId, alt: row.photoAlt ?? '', width: row.photoWidth, height: row.photoHeight }
        : null,
    submittedAt: row.submittedAt,
  }));
}

/**
 * The photo frozen with the latest snapshot of a territory's submitted dossier for the edition: its
 * bytes and content type, or null (no submitted dossier, or no photo). A system read (see the file's
 * comment): the caller has checked that it may be shown.
 */
export async function latestInterviewPhoto(db: Db, year: number, territoryCode: string): Promise<{ contentType: string; data: Buffer } | null> {
  const [latest] = await db
    .select({ snapshotId: applicationSnapshots.id })
    .from(applicationSnapshots)
    .innerJoin(applications, eq(applications.id, applicationSnapshots.applicationId))
    .where(submittedOf(year, territoryCode))
    .orderBy(desc(applicationSnapshots.submittedAt))
    .limit(1);
  if (!latest) return null;
  const [photo] = await db
    .select({ contentType: applicationSnapshotPhotos.contentType, data: applicationSnapshotPhotos.data })
    .from(applicationSnapshotPhotos)
    .where(eq(applicationSnapshotPhotos.snapshotId, latest.snapshotId));
  return photo ?? null;
}

/** The interview's answered questions, in the questionnaire's order, with their labels; unanswered ones left out. */
export function interviewAnswers(answers: Answers): InterviewAnswer[] {
  const answered: InterviewAnswer[] = [];
  for (const question of INTERVIEW_QUESTIONS.questions) {
    const text = answerText(question, answers[question.id])?.trim();
    if (text) answered.push({ questionId: question.id, question: question.label, answer: text });
  }
  return answered;
}
