/**
 * `seed-demo --jury`: after the default seeding, the demo's edition goes on to the jury's work, through
 * the services the pages use. Its four dossiers are submitted (the demo territories with sheets are
 * those four: there is no other to add; Trilport's referent first brings a sheet up to date, so one
 * counts), the edition closed and put under review by the administrator, two more jurors invited and
 * every juror's declaration of conflicts confirmed, the automatic assignment run, the reviews written as each juror (the demo
 * juror: one handed in, one in progress; Le Trait's two reviews two levels apart) and one decision
 * recorded. Each step runs only when it has not been done: running it again changes nothing.
 */
import type { Db } from '../../platform/db/database.ts';
import { frenchTypography } from '../../platform/views/typography.ts';
import type { Person, SystemCaller } from '../accounts/permissions.rules.ts';
import { findUserIdByEmail } from '../accounts/users.service.ts';
import { findTerritoryApplication, startApplication } from '../campaign/applications.service.ts';
import { submitApplication } from '../campaign/submit-application.service.ts';
import { listTerritoryInitiativeRows } from '../initiatives/initiative-sheet.service.ts';
import { updateInitiative } from '../initiatives/save-initiative.service.ts';
import { listAssignments, runAutomaticAssignment } from '../jury/assignment.service.ts';
import { deliberationAgenda, recordDeliberation } from '../jury/deliberation.service.ts';
import { confirmOwnDeclaration, conflictsView, declareConflict } from '../jury/juror-conflicts.service.ts';
import { inviteJuror, jurorRecordOf, listJurors } from '../jury/jurors.service.ts';
import { readDossierForReview, saveReview } from '../jury/review.service.ts';
import { getEdition, listOfferedDistinctions } from '../label/editions.service.ts';
import { changeEditionState } from '../label/edition-state.service.ts';
import { DEMO_DOSSIERS, DEMO_PEOPLE } from './demo-campaign.data.ts';
import {
  DEMO_DECISION,
  DEMO_JUROR_EXTRA_CONFLICT,
  DEMO_JURY_CONTACTS,
  DEMO_JURY_JURORS,
  DEMO_JURY_REASONS,
  DEMO_JURY_SHEET_UPDATES,
  DEMO_REVIEWS,
  type DemoReview,
} from './demo-jury.data.ts';
import { demoAccount, fillDemoDossier, referentOf } from './seed-demo-campaign.service.ts';

export type DemoJuryOutcome = {
  year: number;
  /** False when a previous `--jury` had done it all: nothing changed. */
  changedNow: boolean;
  state: string;
  dossiers: number;
  jurors: number;
  assignments: number;
  reviews: { submitted: number; draft: number };
  /** Territory names of the dossiers whose reviews diverge (the agenda flags them). */
  diverging: string[];
  decided: string[];
  toDecide: number;
  pages: { jury: string; deliberation: string };
};

const juror = (id: string): Person => ({ id, role: 'juror', memberships: [] });

async function personId(db: Db, email: string): Promise<string> {
  const id = await findUserIdByEmail(db, email);
  if (!id) throw new Error(`seed-demo --jury: ${email} missing (the default seeding creates it)`);
  return id;
}

/** The four dossiers submitted by their referents while the edition is open (filled first when only started). */
async function submitDossiers(db: Db, caller: SystemCaller, year: number, options: { baseUrl: string }): Promise<boolean> {
  let changed = false;
  for (const dossier of DEMO_DOSSIERS) {
    const referent = referentOf(await demoAccount(db, caller, dossier.referent), dossier.territoryCode);
    let view =
      (await findTerritoryApplication(db, referent, year, dossier.territoryCode)) ?? (await startApplication(db, referent, year, dossier.territoryCode));
    if (view.state === 'submitted') continue;
    if (!view.sheets.some((sheet) => sheet.eligibility.counted === 'eligible')) {
      const rows = await listTerritoryInitiativeRows(db, dossier.territoryCode);
      for (const update of DEMO_JURY_SHEET_UPDATES[dossier.territoryCode] ?? []) {
        const row = rows.find((r) => r.title === update.title);
        if (row) await updateInitiative(db, referent, row.id, update.patch, { baseVersion: row.version, onStale: 'conflict' });
      }
      view = (await findTerritoryApplication(db, referent, year, dossier.territoryCode)) ?? view;
    }
    if (view.content.initiativeIds.length === 0) {
      view = await fillDemoDossier(db, referent, view, DEMO_JURY_CONTACTS[dossier.territoryCode] ?? dossier.contacts);
    }
    await submitApplication(db, referent, view.id, options);
    changed = true;
  }
  return changed;
}

/**
 * Scores around the proposed level (0 to 3 per theme), varied by theme and juror: the themes the
 * dossier's sheets cover score higher than the others. A draft scores its first third only.
 */
function themeScores(themeIds: readonly string[], covered: ReadonlySet<string>, review: DemoReview, seed: number): Record<string, number> {
  const target = ((review.level - 1) * 3) / 4;
  const wobble = [-1, 0, 0.5];
  const scored = review.submitted ? themeIds : themeIds.slice(0, Math.ceil(themeIds.length / 3));
  return Object.fromEntries(
    scored.map((id, i) => {
      const score = target + (wobble[(i + seed) % wobble.length] ?? 0) - (covered.has(id) ? 0 : 1.5);
      return [id, Math.max(0, Math.min(3, Math.round(score)))];
    }),
  );
}

const greenCode = (offered: readonly { code: string; name: string }[]) => offered.find((d) => /verte/i.test(`${d.code} ${d.name}`))?.code;

/** Writes each planned review not started yet, as its juror. True when one was written. */
async function writeReviews(db: Db, admin: Person, year: number): Promise<boolean> {
  const [rows, jurors] = await Promise.all([listAssignments(db, admin, year), listJurors(db, admin, year)]);
  const jurorById = new Map(jurors.map((j) => [j.id, j]));
  let changed = false;
  for (const [territoryCode, plan] of Object.entries(DEMO_REVIEWS)) {
    const reviewers = rows
      .filter((r) => r.territoryCode === territoryCode)
      .flatMap((r) => {
        const j = jurorById.get(r.jurorId);
        return j ? [{ applicationId: r.applicationId, userId: j.userId, email: j.email, greenReviewer: j.greenReviewer }] : [];
      })
      .sort((a, b) => a.email.localeCompare(b.email));
    const others = reviewers.filter((r) => r.email !== DEMO_PEOPLE.juror.email);
    const planned = [
      ...reviewers.filter((r) => r.email === DEMO_PEOPLE.juror.email).map((r) => ({ ...r, review: plan.demoJuror })),
      ...others.map((r, i) => ({ ...r, review: plan.others[i] })),
    ];
    for (const [seed, { applicationId, userId, greenReviewer, review }] of planned.entries()) {
      if (!review) continue;
      const person = juror(userId);
      const dossier = await readDossierForReview(db, person, applicationId);
      if (dossier.own) continue;
      // The « @ verte » is proposed by the jurors who review for it.
      const green = review.green && greenReviewer ? greenCode(dossier.offeredDistinctions) : undefined;
      const covered = new Set(dossier.snapshot.content.initiatives.flatMap((sheet) => sheet.themeIds));
      await saveReview(db, person, applicationId, {
        themeScores: themeScores(
          dossier.themes.map((t) => t.id),
          covered,
          review,
          seed,
        ),
        proposedLevel: review.submitted ? review.level : null,
        distinctions: green ? [green] : [],
        comment: frenchTypography(review.juryComment),
        publicComment: frenchTypography(review.publicComment),
        submit: review.submitted,
      });
      changed = true;
    }
  }
  return changed;
}

export async function seedDemoJury(db: Db, caller: SystemCaller, year: number, options: { baseUrl: string }): Promise<DemoJuryOutcome> {
  const admin: Person = { id: await personId(db, DEMO_PEOPLE.admin.email), role: 'admin' };
  const demoJuror = juror(await personId(db, DEMO_PEOPLE.juror.email));
  let changed = false;

  // Applications: every dossier submitted, then the edition closed early and put under the jury's review.
  if ((await getEdition(db, year))?.state === 'open') {
    changed = (await submitDossiers(db, caller, year, options)) || changed;
    await changeEditionState(db, admin, year, { event: 'close', reason: frenchTypography(DEMO_JURY_REASONS.close) });
    changed = true;
  }
  if ((await getEdition(db, year))?.state === 'closed') {
    await changeEditionState(db, admin, year, { event: 'startReview', reason: frenchTypography(DEMO_JURY_REASONS.startReview) });
    changed = true;
  }
  const state = (await getEdition(db, year))?.state ?? 'draft';

  if (state === 'under_review') {
    // The jury: the demo juror's further declaration, two more jurors, then the automatic assignment (once).
    const declared = (await conflictsView(db, demoJuror, year, null)).declared;
    if (!declared.some((d) => d.kind === DEMO_JUROR_EXTRA_CONFLICT.kind && d.code === DEMO_JUROR_EXTRA_CONFLICT.territoryCode)) {
      await declareConflict(db, demoJuror, year, null, { ...DEMO_JUROR_EXTRA_CONFLICT, reason: frenchTypography(DEMO_JUROR_EXTRA_CONFLICT.reason) });
      changed = true;
    }
    for (const invited of DEMO_JURY_JURORS) {
      const existing = await findUserIdByEmail(db, invited.email);
      if (existing && (await jurorRecordOf(db, existing, year))) continue;
      await inviteJuror(db, admin, options.baseUrl, year, { ...invited, expertise: frenchTypography(invited.expertise) });
      changed = true;
    }
    // Each demo juror confirms their declaration, as the conflicts page asks before the work begins.
    const demoEmails = new Set<string>([DEMO_PEOPLE.juror.email, ...DEMO_JURY_JURORS.map((j) => j.email)]);
    for (const sitting of await listJurors(db, admin, year)) {
      if (!demoEmails.has(sitting.email) || sitting.conflictsConfirmedAt) continue;
      await confirmOwnDeclaration(db, juror(sitting.userId), year);
      changed = true;
    }
    if ((await listAssignments(db, admin, year)).length === 0) {
      await runAutomaticAssignment(db, admin, year);
      changed = true;
    }
    changed = (await writeReviews(db, admin, year)) || changed;

    // The deliberation: one decision recorded by the administrator, the others left to decide.
    const item = (await deliberationAgenda(db, admin, year)).items.find((i) => i.territoryCode === DEMO_DECISION.territoryCode);
    if (item && !item.decision) {
      const green = DEMO_DECISION.green ? greenCode(await listOfferedDistinctions(db, year)) : undefined;
      await recordDeliberation(db, admin, item.applicationId, {
        level: DEMO_DECISION.level,
        distinctions: green ? [green] : [],
        rationale: frenchTypography(DEMO_DECISION.rationale),
        publicComment: frenchTypography(DEMO_DECISION.publicComment),
        version: 0,
      });
      changed = true;
    }
  }

  const agenda = await deliberationAgenda(db, admin, year);
  const reviews = agenda.items.flatMap((i) => i.reviews);
  return {
    year,
    changedNow: changed,
    state,
    dossiers: agenda.items.length,
    jurors: (await listJurors(db, admin, year)).length,
    assignments: reviews.length,
    reviews: { submitted: reviews.filter((r) => r.state === 'submitted').length, draft: reviews.filter((r) => r.state === 'draft').length },
    diverging: agenda.items.filter((i) => i.diverging).map((i) => i.territoryName),
    decided: agenda.items.filter((i) => i.decision).map((i) => i.territoryName),
    toDecide: agenda.toDecide,
    pages: { jury: `${options.baseUrl}/jury`, deliberation: `${options.baseUrl}/admin/editions/${year}/deliberation` },
  };
}
