/**
 * The laureates' interviews, public with the results (issue 14, « publication »): for each dossier
 * the jury decided, where the territory agreed, the three questions' answers its latest submission
 * froze, the level it obtained, the jury's short public comment and the frozen photo.
 *
 * Public reads, no permission: everything goes through the label's embargo (getPublishedEdition,
 * `publicEditionSql`), so that before the ceremony's instant nothing of them is read, and all of it
 * at the instant. The confidential rationale is never read here.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { interviewAnswers, latestInterviewPhoto, latestInterviewsOf, type InterviewAnswer } from '../campaign/application-interviews.service.ts';
import { getPublishedEdition, listPublishedEditionYears, listPublishedResults } from '../label/results.service.ts';
import { getTerritoriesByCodes } from '../territories/search-territories.service.ts';
import { deliberations } from './schema.ts';

/** A laureate's interview as the public reads it. */
export type PublicInterview = {
  year: number;
  territory: { code: string; name: string };
  /** The level obtained, as published (the jury's decision). */
  level: number;
  /** The questions answered, in order, with their labels. */
  answers: InterviewAnswer[];
  /** The jury's short public comment; null when it wrote none. */
  publicComment: string | null;
  photo: { alt: string; width: number; height: number } | null;
};

export type InterviewsTarget = { year: number } | { territoryCode: string };

const collator = new Intl.Collator('fr', { sensitivity: 'base' });

/**
 * The public interviews: of an edition (`{ year }`, by territory name; null when the edition is
 * unknown or its results not yet public), or of a territory (`{ territoryCode }`, every public
 * edition where it has one, newest first). Only the territories that agreed, only decided dossiers,
 * only answered questions.
 */
export async function publicInterviews(db: Db, target: { year: number }): Promise<PublicInterview[] | null>;
export async function publicInterviews(db: Db, target: { territoryCode: string }): Promise<PublicInterview[]>;
export async function publicInterviews(db: Db, target: InterviewsTarget): Promise<PublicInterview[] | null> {
  if ('year' in target) {
    if (!(await getPublishedEdition(db, target.year))) return null;
    return interviewsOf(db, [target.year]);
  }
  // The editions whose results are public, then each checked by the one embargo predicate.
  const candidates = await listPublishedEditionYears(db);
  const found = await interviewsOf(db, candidates, target.territoryCode);
  const years = [...new Set(found.map((i) => i.year))];
  const publicYears = new Set<number>();
  for (const year of years) if (await getPublishedEdition(db, year)) publicYears.add(year);
  return found.filter((i) => publicYears.has(i.year)).sort((a, b) => b.year - a.year);
}

/** The consenting, decided interviews of these public editions (of one territory when given), by territory name. */
async function interviewsOf(db: Db, years: readonly number[], territoryCode?: string): Promise<PublicInterview[]> {
  if (years.length === 0) return [];
  const consenting = (await latestInterviewsOf(db, years, territoryCode)).filter((i) => i.consent);
  if (consenting.length === 0) return [];
  const decisionConditions = [inArray(deliberations.year, [...years])];
  if (territoryCode !== undefined) decisionConditions.push(eq(deliberations.territoryCode, territoryCode));
  const [decisionRows, publishedRows, territories] = await Promise.all([
    db
      .select({ applicationId: deliberations.applicationId, level: deliberations.level, publicComment: deliberations.publicComment })
      .from(deliberations)
      .where(and(...decisionConditions)),
    // One read: the territory's results of every edition, or the results of each edition asked for (one, from a page).
    territoryCode === undefined ? Promise.all(years.map((year) => listPublishedResults(db, { year }))) : listPublishedResults(db, { territoryCode }),
    getTerritoriesByCodes(db, [...new Set(consenting.map((i) => i.territory.code))]),
  ]);
  const decisions = new Map(decisionRows.map((d) => [d.applicationId, d]));
  const published = new Map(publishedRows.flat().map((r) => [`${r.year}:${r.territoryCode}`, r.level]));
  const names = new Map(territories.map((t) => [t.code, t.name]));
  const items: PublicInterview[] = [];
  for (const interview of consenting) {
    const decision = decisions.get(interview.applicationId);
    if (!decision) continue;
    const answers = interviewAnswers(interview.answers);
    if (answers.length === 0) continue;
    const code = interview.territory.code;
    const comment = decision.publicComment.trim();
    items.push({
      year: interview.year,
      territory: { code, name: names.get(code) ?? interview.territory.name },
      level: published.get(`${interview.year}:${code}`) ?? decision.level,
      answers,
      publicComment: comment ? comment : null,
      photo: interview.photo ? { alt: interview.photo.alt, width: interview.photo.width, height: interview.photo.height } : null,
    });
  }
  return items.sort((a, b) => collator.compare(a.territory.name, b.territory.name) || a.territory.code.localeCompare(b.territory.code));
}

/**
 * The photo of a territory's public interview for an edition: its bytes and content type, or null
 * when the edition is not public, the territory did not agree, no decision was recorded or no photo
 * was frozen.
 */
export async function publicInterviewPhoto(db: Db, year: number, territoryCode: string): Promise<{ contentType: string; data: Buffer } | null> {
  if (!(await getPublishedEdition(db, year))) return null;
  const [interview] = await interviewsOf(db, [year], territoryCode);
  if (!interview?.photo) return null;
  return latestInterviewPhoto(db, year, territoryCode);
}
