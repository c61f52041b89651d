import { sql } from 'drizzle-orm';
import type { Db } from '../../src/platform/db/database.ts';
import type { Answers, Questionnaire } from '../../src/platform/questionnaire/questionnaire.schema.ts';

/** An instant `days` from now (negative: in the past). */
export const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000);

/** An edition open for applications: opened ten days ago, closing in twenty, on this referential version. */
export async function openEditionForApplications(db: Db, year: number, referentialVersion: string): Promise<void> {
  await db.execute(sql`insert into editions (year, state, opens_at, closes_at, jury_at, ceremony_at, referential_version)
    values (${year}, 'open', ${daysFromNow(-10)}, ${daysFromNow(20)}, ${daysFromNow(40)}, ${daysFromNow(90)}, ${referentialVersion})`);
}

/** A valid answer to every question, as a territory would give one. */
export function completeAnswers(def: Questionnaire): Answers {
  const answers: Answers = {};
  for (const q of def.questions) {
    if (q.kind === 'yes_no') answers[q.id] = 'yes';
    else if (q.kind === 'single_choice') answers[q.id] = q.options![0]!.value;
    else if (q.kind === 'multiple_choice') answers[q.id] = [q.options![0]!.value];
    else if (q.kind === 'number') answers[q.id] = Math.max(q.min ?? 0, 1);
    else answers[q.id] = 'Une réponse réfléchie.';
  }
  return answers;
}
