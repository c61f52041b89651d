/**
 * The demo's open campaign, so a newcomer sees every screen of the label's year: the next edition,
 * open now, with dossiers at several stages (Trélazé's complete and ready for its referent to
 * submit, Le Trait's submitted, Aunis Atlantique's submitted then reopened by the staff, Trilport's
 * just started), and three demo people — an administrator, Trélazé's referent and a juror — whose
 * one-time links the command prints. Running it again leaves the campaign as it is and prints fresh links.
 */
import type { Db } from '../../platform/db/database.ts';
import { toParisLocal } from '../../platform/paris-time.ts';
import type { Answers, Questionnaire } from '../../platform/questionnaire/questionnaire.schema.ts';
import { type Person, type SystemCaller } from '../accounts/permissions.rules.ts';
import { createUser, findUserIdByEmail, issueUserToken, passwordLink } from '../accounts/users.service.ts';
import type { NewUserInput } from '../accounts/account-input.ts';
import { listTerritoryInitiativeRows } from '../initiatives/initiative-sheet.service.ts';
import { getEdition, listEditions, listOfferedDistinctions } from '../label/editions.service.ts';
import { prepareEdition, updateEditionSettings } from '../label/edition-settings.service.ts';
import { applyEditionCalendar } from '../label/edition-state.service.ts';
import type { ApplicationContacts } from '../campaign/application.schema.ts';
import { findTerritoryApplication, startApplication, type ApplicationView } from '../campaign/applications.service.ts';
import { INTERVIEW_QUESTIONS } from '../campaign/default-questionnaires.data.ts';
import { saveApplication } from '../campaign/save-application.service.ts';
import { reopenApplication, submitApplication } from '../campaign/submit-application.service.ts';
import { inviteJuror, jurorRecordOf } from '../jury/jurors.service.ts';
import { DEMO_INTERVIEWS, DEMO_PEOPLE, type DemoDossier, DEMO_DOSSIERS } from './demo-campaign.data.ts';

const DAY = 86_400_000;

export type DemoCampaignOutcome = {
  year: number;
  createdNow: boolean;
  dossiers: { territoryCode: string; stage: DemoDossier['stage'] }[];
  links: { who: keyof typeof DEMO_PEOPLE; email: string; link: string }[];
};

/** An answer to each question as a territory would give it (the demo's texts where it has one). */
export function demoAnswers(questionnaire: Questionnaire, texts: Readonly<Record<string, string>> = {}): Answers {
  const answers: Answers = {};
  for (const q of questionnaire.questions) {
    const options = q.options ?? [];
    const text = texts[q.id];
    if (text) answers[q.id] = text;
    else if (q.kind === 'yes_no') answers[q.id] = 'yes';
    else if (q.kind === 'single_choice') {
      const option = options[Math.min(1, options.length - 1)];
      if (option) answers[q.id] = option.value;
    } else if (q.kind === 'multiple_choice') answers[q.id] = options.slice(0, 2).map((o) => o.value);
    else if (q.kind === 'number') answers[q.id] = Math.max(q.min ?? 0, Math.min(q.max ?? 12, 12));
    else answers[q.id] = 'Voir les fiches du dossier.';
  }
  return answers;
}

export async function demoAccount(db: Db, caller: SystemCaller, person: NewUserInput): Promise<string> {
  const existing = await findUserIdByEmail(db, person.email);
  if (existing) return existing;
  return (await createUser(db, caller, person)).id;
}

export const referentOf = (id: string, territoryCode: string): Person => ({ id, role: 'member', memberships: [{ territoryCode, role: 'referent' }] });

/** The dossier filled as its referent would: its eligible sheets (else its first one), every answer, the interview and the contacts. */
export async function fillDemoDossier(db: Db, referent: Person, started: ApplicationView, contacts: ApplicationContacts): Promise<ApplicationView> {
  const territoryCode = started.territory.code;
  const sheets = await listTerritoryInitiativeRows(db, territoryCode);
  const eligible = started.sheets.filter((s) => s.eligibility.counted === 'eligible').map((s) => s.id);
  return saveApplication(db, referent, started.id, {
    version: started.version,
    initiativeIds: eligible.length ? eligible : sheets.slice(0, 1).map((s) => s.id),
    answers: demoAnswers(started.questionnaire),
    interview: { answers: demoAnswers(INTERVIEW_QUESTIONS, DEMO_INTERVIEWS[territoryCode]), consent: true },
    contacts,
  });
}

export async function seedDemoCampaign(db: Db, caller: SystemCaller, options: { baseUrl: string }): Promise<DemoCampaignOutcome> {
  const ids = {
    admin: await demoAccount(db, caller, DEMO_PEOPLE.admin),
    referent: await demoAccount(db, caller, DEMO_PEOPLE.referent),
    juror: await demoAccount(db, caller, DEMO_PEOPLE.juror),
  };
  const links = await Promise.all(
    (Object.keys(DEMO_PEOPLE) as (keyof typeof DEMO_PEOPLE)[]).map(async (who) => ({
      who,
      email: DEMO_PEOPLE[who].email,
      link: passwordLink(options.baseUrl, await issueUserToken(db, ids[who], 'invitation')),
    })),
  );

  // The edition after the last one published, opened two weeks ago, closing in six.
  const published = (await listEditions(db)).filter((e) => e.state === 'published');
  const year = (published[0]?.year ?? new Date().getUTCFullYear()) + 1;
  const createdNow = !(await getEdition(db, year));
  if (createdNow) {
    const prepared = await prepareEdition(db, caller, year);
    const now = Date.now();
    await updateEditionSettings(db, caller, year, {
      referentialVersion: prepared.referentialVersion ?? undefined,
      // The form sends the distinctions ticked: those copied from the edition before are kept.
      distinctions: (await listOfferedDistinctions(db, year)).map((d) => d.code),
      opensAt: toParisLocal(new Date(now - 14 * DAY)),
      closesAt: toParisLocal(new Date(now + 45 * DAY)),
      juryAt: toParisLocal(new Date(now + 75 * DAY)),
      ceremonyAt: toParisLocal(new Date(now + 150 * DAY)),
    });
    await applyEditionCalendar(db);
  }

  const dossiers: DemoCampaignOutcome['dossiers'] = [];
  for (const dossier of DEMO_DOSSIERS) {
    const referentId = dossier.territoryCode === DEMO_PEOPLE.referent.territoryCode ? ids.referent : await demoAccount(db, caller, dossier.referent);
    const referent = referentOf(referentId, dossier.territoryCode);
    dossiers.push({ territoryCode: dossier.territoryCode, stage: dossier.stage });
    if (!createdNow && (await findTerritoryApplication(db, referent, year, dossier.territoryCode))) continue;
    const started = await startApplication(db, referent, year, dossier.territoryCode);
    if (dossier.stage === 'started') continue;
    const filled = await fillDemoDossier(db, referent, started, dossier.contacts);
    if (dossier.stage === 'ready') continue;
    await submitApplication(db, referent, filled.id, options);
    if (dossier.stage === 'reopened') {
      await reopenApplication(db, { id: ids.admin, role: 'admin' }, filled.id, dossier.reopenReason ?? '', options);
    }
  }
  // The demo juror sits on the edition's jury, with a département declared: their page shows it.
  if (!(await jurorRecordOf(db, ids.juror, year))) {
    await inviteJuror(db, caller, options.baseUrl, year, {
      email: DEMO_PEOPLE.juror.email,
      expertise: 'Universitaire, sciences de l’information',
      greenReviewer: true,
      conflicts: [{ kind: 'department', departmentCode: '49' }],
    });
  }
  return { year, createdNow, dossiers, links };
}
