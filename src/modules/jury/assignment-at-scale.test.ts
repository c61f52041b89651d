// The measure of fairness at the label's size: 300 submitted dossiers from every région and
// 20 jurors, some members of territories among them, some with declared départements, shared out by
// the service on a real database: at least two reviewers each, none in conflict, loads within one.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { addJuror, editionUnderReview, submittedDossiers, type FixtureDossier } from '../../../test/support/jury-fixture.ts';
import { openTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { queryRows } from '../../platform/db/database.ts';
import { systemCaller } from '../accounts/permissions.rules.ts';
import { getCurrentReferentialVersion } from '../referential/referential.service.ts';
import { territoryPlacesByCodes } from '../territories/search-territories.service.ts';
import { runAutomaticAssignment } from './assignment.service.ts';
import { conflictsWith } from './conflicts.rules.ts';
import { declareConflict } from './juror-conflicts.service.ts';
import { loadJurorFacts } from './jury-access.service.ts';

const YEAR = 2027;
const staff = systemCaller('test: the label’s staff');

describe('assignment of 300 dossiers to 20 jurors (pglite)', () => {
  let database: TestDatabase;
  let dossiers: FixtureDossier[];

  before(async () => {
    database = await openTestDatabase('pglite');
    const db = database.db;
    const version = await getCurrentReferentialVersion(db);
    await editionUnderReview(db, YEAR, version);
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
});
