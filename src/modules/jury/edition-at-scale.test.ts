// The simulated edition at the label's size, from open to published, on a real database: 300
// dossiers from every région (submitted as the fixture writes them: the campaign's own tests submit
// through its pages) and 20 jurors, some members of territories, some with declared départements.
// The calendar closes the edition, the staff start the review, the service shares the dossiers out
// (at least two reviewers each, none in conflict, loads within one), every juror hands in every
// review through the review service, the staff record each decision at its suggested level and
// schedule the publication; a second after its instant the 300 results are public.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { setTimeout as sleep } from 'node:timers/promises';
import { daysFromNow } from '../../../test/support/campaign-fixture.ts';
import { addJuror, submittedDossiers, type FixtureDossier } from '../../../test/support/jury-fixture.ts';
import { openTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { queryRows } from '../../platform/db/database.ts';
import { systemCaller } from '../accounts/permissions.rules.ts';
import { getCurrentReferentialVersion } from '../referential/referential.service.ts';
import { territoryPlacesByCodes } from '../territories/search-territories.service.ts';
import type { Person } from '../accounts/permissions.rules.ts';
import { applyEditionCalendar, changeEditionState } from '../label/edition-state.service.ts';
import { publishDueEditions } from '../label/publish-results.service.ts';
import { listPublishedResults } from '../label/results.service.ts';
import { getReferential } from '../referential/referential.service.ts';
import { runAutomaticAssignment } from './assignment.service.ts';
import { deliberationAgenda, recordDeliberation } from './deliberation.service.ts';
import { schedulePublication } from './publication.service.ts';
import { listOwnAssignments, saveReview } from './review.service.ts';
import { conflictsWith } from './conflicts.rules.ts';
import { declareConflict } from './juror-conflicts.service.ts';
import { loadJurorFacts } from './jury-access.service.ts';

const YEAR = 2027;
const staff = systemCaller('test: the label’s staff');

describe('an edition of 300 dossiers and 20 jurors, from open to published (pglite)', () => {
  let database: TestDatabase;
  let dossiers: FixtureDossier[];
  let version: string;

  before(async () => {
    database = await openTestDatabase('pglite');
    const db = database.db;
    version = await getCurrentReferentialVersion(db);
    // Open, its closing passed a minute ago: the calendar's next run closes it.
    await db.execute(sql`insert into editions (year, state, opens_at, closes_at, jury_at, ceremony_at, referential_version)
      values (${YEAR}, 'open', ${daysFromNow(-60)}, now() - interval '1 minute', ${daysFromNow(1)}, ${daysFromNow(30)}, ${version})`);
    // The 25 most populated communes of each of the 12 régions of mainland France but Corsica, by code.
    const communes = await queryRows<{ code: string }>(
      db,
      sql`select code from (select code, region_code, row_number() over (partition by region_code order by population desc nulls last, code) as rank
            from territories where kind = 'commune' and region_code in ('11', '24', '27', '28', '32', '44', '52', '53', '75', '76', '84', '93')) ranked
          where rank <= 25 order by code`,
    );
    assert.equal(communes.length, 300);
    dossiers = await submittedDossiers(
      db,
      YEAR,
      version,
      communes.map((c) => c.code),
    );
    for (let i = 0; i < 20; i++) {
      // Every third juror is a member of a territory that applied; every fourth declares the département of another.
      const memberOf = i % 3 === 0 ? dossiers[(i * 37) % dossiers.length]!.territoryCode : undefined;
      const juror = await addJuror(db, YEAR, `jure${i}@label.test`, { memberOf });
      if (i % 4 === 0) {
        const department = (await territoryPlacesByCodes(db, [dossiers[(i * 53 + 11) % dossiers.length]!.territoryCode]))[0]!.departmentCode!;
        await declareConflict(db, staff, YEAR, juror.jurorId, { kind: 'department', departmentCode: department });
      }
    }
  });
  after(() => database.dispose());

  test('the calendar closes the edition and the staff start the review', async () => {
    const db = database.db;
    assert.deepEqual(await applyEditionCalendar(db), [{ year: YEAR, from: 'open', to: 'closed' }]);
    await changeEditionState(db, staff, YEAR, { event: 'startReview', reason: 'Le jury commence' });
  });

  test('every dossier has two conflict-free reviewers and the loads are within one', async () => {
    const db = database.db;
    const run = await runAutomaticAssignment(db, staff, YEAR);
    assert.deepEqual(run.shortfalls, []);
    assert.equal(run.total, 600);
    const facts = new Map((await loadJurorFacts(db, YEAR)).map((j) => [j.jurorId, j.facts]));
    const places = new Map(
      (
        await territoryPlacesByCodes(
          db,
          dossiers.map((d) => d.territoryCode),
        )
      ).map((p) => [p.code, p]),
    );
    // Read back from the database, not from the service's answer.
    const stored = await queryRows<{ application_id: string; juror_id: string; territory_code: string }>(
      db,
      sql`select a.application_id, a.juror_id, ap.territory_code from assignments a join applications ap on ap.id = a.application_id where a.year = ${YEAR}`,
    );
    let conflictsAvoided = 0;
    for (const d of dossiers) {
      const reviewers = stored.filter((s) => s.application_id === d.applicationId).map((s) => s.juror_id);
      assert.ok(new Set(reviewers).size >= 2, `${d.territoryCode}: ${reviewers.length} reviewer(s)`);
      for (const r of reviewers) assert.deepEqual(conflictsWith(facts.get(r)!, places.get(d.territoryCode)!), [], `${r} reviews ${d.territoryCode}`);
      conflictsAvoided += [...facts.values()].filter((f) => conflictsWith(f, places.get(d.territoryCode)!).length > 0).length;
    }
    assert.ok(conflictsAvoided > 20, `the case has conflicts to avoid (${conflictsAvoided})`);
    const loads = [...facts.keys()].map((id) => stored.filter((s) => s.juror_id === id).length);
    assert.ok(Math.max(...loads) - Math.min(...loads) <= 1, `loads ${loads.join(' ')}`);
  });

  test('every juror hands in every review through the review service; no review by a conflicted juror', async () => {
    const db = database.db;
    const themeIds = (await getReferential(db, version))!.axes.flatMap((a) => a.themes.map((t) => t.id));
    const jurors = await queryRows<{ user_id: string }>(db, sql`select user_id from jurors where year = ${YEAR} order by id`);
    let handedIn = 0;
    for (const juror of jurors) {
      const memberships = await queryRows<{ territory_code: string; role: 'reader' }>(
        db,
        sql`select territory_code, role from memberships where user_id = ${juror.user_id}`,
      );
      const person: Person = { id: juror.user_id, role: 'juror', memberships: memberships.map((m) => ({ territoryCode: m.territory_code, role: m.role })) };
      const own = (await listOwnAssignments(db, person)).filter((a) => a.year === YEAR);
      for (const [i, item] of own.entries()) {
        const level = 1 + ((i + handedIn) % 5);
        await saveReview(db, person, item.applicationId, {
          themeScores: Object.fromEntries(themeIds.map((id, t) => [id, (t + level) % 4])),
          proposedLevel: level,
          publicComment: 'Une démarche suivie.',
          submit: true,
        });
        handedIn += 1;
      }
    }
    assert.equal(handedIn, 600);
    const perDossier = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from reviews where year = ${YEAR} and state = 'submitted' group by application_id`,
    );
    assert.equal(perDossier.length, 300);
    assert.ok(
      perDossier.every((d) => d.n >= 2),
      'every dossier reviewed at least twice',
    );
    // No review by a conflicted juror: each handed-in review read back and checked against the conflicts' rule.
    const facts = new Map((await loadJurorFacts(db, YEAR)).map((j) => [j.jurorId, j.facts]));
    const reviewed = await queryRows<{ juror_id: string; territory_code: string }>(
      db,
      sql`select r.juror_id, ap.territory_code from reviews r join applications ap on ap.id = r.application_id where r.year = ${YEAR} and r.state = 'submitted'`,
    );
    const places = new Map((await territoryPlacesByCodes(db, [...new Set(reviewed.map((r) => r.territory_code))])).map((p) => [p.code, p]));
    for (const r of reviewed)
      assert.deepEqual(conflictsWith(facts.get(r.juror_id)!, places.get(r.territory_code)!), [], `${r.juror_id} reviewed ${r.territory_code}`);
  });

  test('the staff decide every dossier at its suggested level and schedule the publication; a second after, the 300 results are public', async () => {
    const db = database.db;
    const agenda = await deliberationAgenda(db, staff, YEAR);
    assert.equal(agenda.items.length, 300);
    for (const item of agenda.items) {
      await recordDeliberation(db, staff, item.applicationId, {
        level: item.suggestion.level,
        distinctions: [],
        rationale: 'Le niveau suggéré, discuté en séance.',
      });
    }
    const at = new Date(Date.now() + 1_000);
    const scheduled = await schedulePublication(db, staff, YEAR, { at: at.toISOString() });
    assert.equal(scheduled.laureates, 300);
    assert.equal((await listPublishedResults(db, { year: YEAR })).length, 0, 'nothing public before the instant');
    await sleep(Math.max(0, at.getTime() + 1_000 - Date.now()));
    const published = await listPublishedResults(db, { year: YEAR });
    assert.equal(published.length, 300);
    const levels = new Map(agenda.items.map((i) => [i.territoryCode, i.suggestion.level]));
    for (const r of published) assert.equal(r.level, levels.get(r.territoryCode), r.territoryCode);
    assert.ok(new Set(published.map((r) => r.level)).size >= 3, 'the levels differ');
    assert.deepEqual(await publishDueEditions(db, { baseUrl: 'http://localhost' }), [YEAR]);
    const [edition] = await queryRows<{ state: string }>(db, sql`select state from editions where year = ${YEAR}`);
    assert.equal(edition!.state, 'published');
  });
});
