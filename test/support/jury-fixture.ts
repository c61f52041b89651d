// Dossiers, jurors and assignments for the jury's tests. Submitting hundreds of dossiers through
// the campaign's pages would take minutes; the campaign's own tests cover that path. Here a
// submitted dossier is its application row and a frozen snapshot shaped exactly as the campaign
// writes one (its self-assessment computed by the campaign's service), with a coverage chosen per
// dossier so the suggested levels differ.
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/platform/db/database.ts';
import { queryRows } from '../../src/platform/db/database.ts';
import type { ApplicationSnapshotContent, SnapshotInitiative } from '../../src/modules/campaign/application.schema.ts';
import { DEFAULT_QUESTIONNAIRES, INTERVIEW_QUESTIONS } from '../../src/modules/campaign/default-questionnaires.data.ts';
import { computeSelfAssessment } from '../../src/modules/campaign/self-assessment.service.ts';
import { getReferential } from '../../src/modules/referential/referential.service.ts';
import { getTerritoriesByCodes } from '../../src/modules/territories/search-territories.service.ts';
import { completeAnswers, daysFromNow } from './campaign-fixture.ts';
import { createActiveUser } from './accounts.ts';

/**
 * An edition whose applications have closed and whose jury works now (state `under_review`): opened
 * sixty days ago, closed ten days ago, the jury yesterday, the ceremony in thirty days.
 */
export async function editionUnderReview(db: Db, year: number, referentialVersion: string): Promise<void> {
  await db.execute(sql`insert into editions (year, state, opens_at, closes_at, jury_at, ceremony_at, referential_version)
    values (${year}, 'under_review', ${daysFromNow(-60)}, ${daysFromNow(-10)}, ${daysFromNow(-1)}, ${daysFromNow(30)}, ${referentialVersion})`);
}

export type FixtureDossier = { applicationId: string; territoryCode: string; coverage: number };

/**
 * A submitted dossier for each territory, with a snapshot: two sheets on the referential's first
 * themes, complete answers, the interview with consent, and a coverage from 0 to 90 % (by position).
 */
export async function submittedDossiers(db: Db, year: number, referentialVersion: string, territoryCodes: readonly string[]): Promise<FixtureDossier[]> {
  const referential = await getReferential(db, referentialVersion);
  if (!referential) throw new Error(`No referential ${referentialVersion}`);
  const themes = referential.axes.flatMap((a) => a.themes);
  const territories = new Map((await getTerritoriesByCodes(db, [...territoryCodes])).map((t) => [t.code, t]));
  const assessment = territoryCodes.length ? (await computeSelfAssessment(db, territoryCodes[0]!, { scope: 'all', referentialVersion, year })).result : null;
  const dossiers: FixtureDossier[] = [];
  for (const [index, code] of territoryCodes.entries()) {
    const territory = territories.get(code);
    if (!territory) throw new Error(`No territory ${code}`);
    const coverage = (index * 7) % 91;
    const initiatives: SnapshotInitiative[] = [0, 1].map((n) => {
      const theme = themes[(index + n) % themes.length]!;
      return {
        id: crypto.randomUUID(),
        title: `${n === 0 ? 'Portail citoyen' : 'Médiation numérique'} de ${territory.name}`,
        summary: 'Une action menée avec les habitants.',
        description: 'Ce qui a été fait, pour qui, avec quels moyens.',
        status: 'in_progress',
        startDate: '2025-03-01',
        endDate: null,
        serviceIds: [theme.services[0]!.id],
        themeIds: [theme.id],
        indicators: [],
        links: [],
        visibility: 'public',
        version: 1,
        eligibility: { eligible: true, counted: 'eligible', reason: 'En cours' },
      };
    });
    const questionnaire = DEFAULT_QUESTIONNAIRES[territory.category];
    const content: ApplicationSnapshotContent = {
      year,
      territory: { code, name: territory.name, category: territory.category, population: territory.population },
      referentialVersion,
      questionnaire,
      answers: completeAnswers(questionnaire),
      interview: { answers: completeAnswers(INTERVIEW_QUESTIONS), consent: true, photo: null },
      contacts: { elected: { name: 'Camille Martin', role: 'Adjointe au numérique', email: `elue@${code}.example` } },
      initiatives,
      selfAssessment: { ...assessment!, coverage, overall: coverage, score: coverage },
    };
    const [row] = await queryRows<{ id: string }>(
      db,
      sql`insert into applications (year, territory_code, state, answers, interview, contacts, submitted_at)
        values (${year}, ${code}, 'submitted', ${JSON.stringify(content.answers)}::jsonb, ${JSON.stringify({ answers: content.interview.answers, consent: true })}::jsonb,
          ${JSON.stringify(content.contacts)}::jsonb, now() - interval '20 days') returning id`,
    );
    await db.execute(sql`insert into application_snapshots (application_id, year, territory_code, content, overall_score, coverage, submitted_at)
      values (${row!.id}, ${year}, ${code}, ${JSON.stringify(content)}::jsonb, ${coverage}, ${coverage}, now() - interval '20 days')`);
    dossiers.push({ applicationId: row!.id, territoryCode: code, coverage });
  }
  return dossiers;
}

export type FixtureJuror = { jurorId: string; userId: string; email: string };

/** A juror account (platform role `juror`, password PASSWORD) sitting on the edition's jury. */
export async function addJuror(db: Db, year: number, email: string, options: { memberOf?: string; greenReviewer?: boolean } = {}): Promise<FixtureJuror> {
  const membership = options.memberOf ? { territoryCode: options.memberOf, territoryRole: 'reader' as const } : {};
  const user = await createActiveUser(db, { email, role: 'juror', displayName: email.split('@')[0]!, ...membership });
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`insert into jurors (year, user_id, green_reviewer) values (${year}, ${user.id}, ${options.greenReviewer ?? false}) returning id`,
  );
  return { jurorId: row!.id, userId: user.id, email };
}

/** Gives a dossier to a juror by hand, as an admin's manual change would (no conflict check: tests of the check do it through the service). */
export async function assignDirectly(db: Db, year: number, applicationId: string, jurorId: string): Promise<void> {
  await db.execute(sql`insert into assignments (application_id, juror_id, year, source) values (${applicationId}, ${jurorId}, ${year}, 'manual')`);
}
