import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { asc, eq, sql } from 'drizzle-orm';
import { createActiveUser } from '../../../test/support/accounts.ts';
import { seedLabelHistory } from '../../../test/support/results-fixture.ts';
import { drivers, openTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { ConflictError, ForbiddenError, InvalidInputError } from '../../platform/errors.ts';
import { toParisLocal } from '../../platform/paris-time.ts';
import type { Person } from '../accounts/permissions.rules.ts';
import { getCurrentReferentialVersion } from '../referential/referential.service.ts';
import { prepareEdition, updateEditionSettings } from './edition-settings.service.ts';
import { applyEditionCalendar, changeEditionState, listEditionStateChanges } from './edition-state.service.ts';
import { getEdition, listOfferedDistinctions } from './editions.service.ts';
import { distinctions, editions, editionStateChanges } from './schema.ts';

const local = (d: Date | null) => (d ? toParisLocal(d) : null);
/** The four moments around the database's clock, in hours from now (opening, closing; jury and ceremony after). */
const around = (opensIn: number, closesIn: number) => ({
  opensAt: sql`now() + make_interval(hours => ${opensIn})`,
  closesAt: sql`now() + make_interval(hours => ${closesIn})`,
  juryAt: sql`now() + make_interval(hours => ${closesIn + 24})`,
  ceremonyAt: sql`now() + make_interval(hours => ${closesIn + 48})`,
});

for (const driver of drivers) {
  describe(`editions’ administration (${driver})`, () => {
    let database: TestDatabase;
    let admin: Person;
    let member: Person;
    before(async () => {
      database = await openTestDatabase(driver);
      await seedLabelHistory(database.db);
      // The history's 2024 edition under review is an old-style row: it becomes a published import here.
      await database.db.update(editions).set({ state: 'published' }).where(eq(editions.year, 2024));
      const a = await createActiveUser(database.db, { email: 'admin@label.example.fr', role: 'admin', displayName: 'Claire Admin' });
      const u = await createActiveUser(database.db, { email: 'agent@mairie.example.fr', role: 'member' });
      admin = { id: a.id, role: 'admin' };
      member = { id: u.id, role: 'member' };
    });
    after(() => database.dispose());
    const db = () => database.db;

    test('the first edition after imported ones: the referential in force, every mention, the default calendar', async () => {
      await assert.rejects(prepareEdition(db(), member, 2025), ForbiddenError);
      const edition = await prepareEdition(db(), admin, 2025);
      assert.equal(edition.state, 'draft');
      assert.equal(edition.basedOn, 2024);
      assert.equal(edition.referentialVersion, await getCurrentReferentialVersion(db()));
      assert.deepEqual([edition.opensAt, edition.closesAt, edition.juryAt, edition.ceremonyAt].map(local), [
        '2025-03-01T09:00',
        '2025-04-30T23:59',
        '2025-06-15T09:00',
        '2025-10-01T18:00',
      ]);
      const mentions = await db()
        .select({ code: distinctions.code })
        .from(distinctions)
        .where(eq(distinctions.kind, 'mention'))
        .orderBy(asc(distinctions.position));
      assert.ok(mentions.length > 0);
      assert.deepEqual(
        (await listOfferedDistinctions(db(), 2025)).map((d) => d.code),
        mentions.map((d) => d.code),
      );
      const [creation] = await listEditionStateChanges(db(), admin, 2025);
      assert.deepEqual({ from: creation?.fromState, to: creation?.toState, by: creation?.by?.name }, { from: null, to: 'draft', by: 'Claire Admin' });
    });

    test('the next one copies the previous: referential, chosen distinctions, calendar a year later; an existing year is a 409', async () => {
      await updateEditionSettings(db(), admin, 2025, {
        opensAt: '2025-02-03T09:00',
        closesAt: '2025-05-16T18:00',
        juryAt: '2025-06-20T10:00',
        ceremonyAt: '2025-11-20T18:30',
        referentialVersion: (await getEdition(db(), 2025))!.referentialVersion!,
        distinctions: ['verte'],
      });
      const next = await prepareEdition(db(), admin, 2026);
      assert.equal(next.basedOn, 2025);
      assert.deepEqual([next.opensAt, next.closesAt, next.juryAt, next.ceremonyAt].map(local), [
        '2026-02-03T09:00',
        '2026-05-16T18:00',
        '2026-06-20T10:00',
        '2026-11-20T18:30',
      ]);
      assert.deepEqual(
        (await listOfferedDistinctions(db(), 2026)).map((d) => d.code),
        ['verte'],
      );
      await assert.rejects(prepareEdition(db(), admin, 2026), (e: unknown) => e instanceof ConflictError && /L’édition 2026 existe déjà/.test(e.message));
    });

    test('a bad calendar is refused naming the field, and changes nothing', async () => {
      const before = await db().select().from(editions).where(eq(editions.year, 2026));
      const offered = await listOfferedDistinctions(db(), 2026);
      const good = {
        opensAt: '2026-03-01T09:00',
        closesAt: '2026-04-30T23:59',
        juryAt: '2026-06-15T09:00',
        ceremonyAt: '2026-10-01T18:00',
        referentialVersion: before[0]!.referentialVersion!,
        distinctions: [] as string[],
      };
      const refusal = async (form: Partial<typeof good>) => {
        try {
          await updateEditionSettings(db(), admin, 2026, { ...good, ...form });
        } catch (error) {
          assert.ok(error instanceof InvalidInputError, String(error));
          return error.fields;
        }
        assert.fail('accepted');
      };
      assert.deepEqual(await refusal({ closesAt: '2026-02-28T09:00' }), { closesAt: 'La date de clôture doit suivre l’ouverture.' });
      assert.deepEqual(await refusal({ juryAt: '2026-02-30T09:00' }), { juryAt: 'Date et heure invalides (jury).' });
      assert.deepEqual(await refusal({ ceremonyAt: '2026-06-15T09:00' }), { ceremonyAt: 'La date de la cérémonie doit suivre la réunion du jury.' });
      const many = await refusal({ referentialVersion: 'v-inconnue', distinctions: ['inconnue'], opensAt: '' });
      assert.deepEqual(Object.keys(many!).sort(), ['distinctions', 'opensAt', 'referentialVersion']);
      assert.deepEqual(await db().select().from(editions).where(eq(editions.year, 2026)), before);
      assert.deepEqual(await listOfferedDistinctions(db(), 2026), offered);
    });

    test('hand transitions need a reason, are logged with the person, and reopening needs a later closing', async () => {
      await assert.rejects(
        changeEditionState(db(), admin, 2026, { event: 'open', reason: '  ' }),
        (e: unknown) => e instanceof InvalidInputError && 'reason' in e.fields,
      );
      await assert.rejects(changeEditionState(db(), admin, 2026, { event: 'close', reason: 'trop tôt' }), ConflictError, 'not from a draft');
      await assert.rejects(changeEditionState(db(), member, 2026, { event: 'open', reason: 'essai' }), ForbiddenError);
      assert.equal((await getEdition(db(), 2026))!.state, 'draft', 'refusals changed nothing');

      assert.deepEqual(await changeEditionState(db(), admin, 2026, { event: 'open', reason: 'Ouverture anticipée pour les villages' }), {
        year: 2026,
        from: 'draft',
        to: 'open',
      });
      await changeEditionState(db(), admin, 2026, { event: 'close', reason: 'Clôture pour test' });
      // The closing date is past on the database's clock: reopening is refused, saying what to do.
      await db()
        .update(editions)
        .set(around(-30 * 24, -24))
        .where(eq(editions.year, 2026));
      await assert.rejects(
        changeEditionState(db(), admin, 2026, { event: 'reopen', reason: 'Un dossier perdu' }),
        (e: unknown) => e instanceof ConflictError && /Changez d’abord la date de clôture/.test(e.message),
      );
      await db()
        .update(editions)
        .set(around(-30 * 24, 48))
        .where(eq(editions.year, 2026));
      await changeEditionState(db(), admin, 2026, { event: 'reopen', reason: 'Un dossier perdu' });
      await assert.rejects(changeEditionState(db(), admin, 2026, { event: 'publish', reason: 'trop tôt' }), ConflictError);

      const history = await listEditionStateChanges(db(), admin, 2026);
      assert.deepEqual(
        history.map((h) => [h.fromState, h.toState, h.reason, h.by?.name ?? null]),
        [
          ['closed', 'open', 'Un dossier perdu', 'Claire Admin'],
          ['open', 'closed', 'Clôture pour test', 'Claire Admin'],
          ['draft', 'open', 'Ouverture anticipée pour les villages', 'Claire Admin'],
          [null, 'draft', null, 'Claire Admin'],
        ],
      );
    });

    test('the scheduler opens and closes on the database’s clock, once even when two runs race', async () => {
      // 2026 is open, its closing two days ahead: nothing to do yet.
      assert.deepEqual(await applyEditionCalendar(db()), []);
      await db()
        .update(editions)
        .set(around(-30 * 24, -1))
        .where(eq(editions.year, 2026));
      const changesBefore = (await db().select().from(editionStateChanges).where(eq(editionStateChanges.year, 2026))).length;
      const [first, second] = await Promise.all([applyEditionCalendar(db()), applyEditionCalendar(db())]);
      assert.deepEqual([...first!, ...second!], [{ year: 2026, from: 'open', to: 'closed' }], 'one move between the two runs');
      const rows = await db().select().from(editionStateChanges).where(eq(editionStateChanges.year, 2026)).orderBy(asc(editionStateChanges.id));
      assert.equal(rows.length, changesBefore + 1, 'one state change row');
      assert.deepEqual(
        { from: rows.at(-1)!.fromState, to: rows.at(-1)!.toState, reason: rows.at(-1)!.reason, by: rows.at(-1)!.changedBy },
        {
          from: 'open',
          to: 'closed',
          reason: 'calendrier',
          by: null,
        },
      );
      assert.deepEqual(await applyEditionCalendar(db()), [], 'closed by hand or by the clock, never reopened by it');

      // A draft whose opening has come is opened; one forgotten past its closing waits for a person.
      const draft = await prepareEdition(db(), admin, 2027);
      assert.equal(draft.state, 'draft');
      await db().update(editions).set(around(-1, 24)).where(eq(editions.year, 2027));
      const [a, b] = await Promise.all([applyEditionCalendar(db()), applyEditionCalendar(db())]);
      assert.deepEqual([...a!, ...b!], [{ year: 2027, from: 'draft', to: 'open' }]);
      assert.equal((await getEdition(db(), 2027))!.state, 'open');
      const history = await listEditionStateChanges(db(), admin, 2027);
      assert.deepEqual(
        history.map((h) => [h.toState, h.by]),
        [
          ['open', null],
          ['draft', { id: admin.id, name: 'Claire Admin' }],
        ],
      );
    });
  });
}
