import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { createActiveUser } from '../../../test/support/accounts.ts';
import { everyDriver, openTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { queryRows, type Db } from '../../platform/db/database.ts';
import { memberships } from '../accounts/schema.ts';
import type { Person } from '../accounts/permissions.rules.ts';
import { deleteInitiative, setVisibility } from '../initiatives/publication.service.ts';
import { createInitiative, updateInitiative } from '../initiatives/save-initiative.service.ts';
import { rebuildIndex } from './index-sync.service.ts';
import { FACETS } from './facets.ts';
import { searchInitiatives } from './search-initiatives.service.ts';

// The search counts facets in a copy of the index kept in memory per process (ADR 0008). Another
// process writes, this one must see it at its next search: two database handles on one database
// play the two processes, and a fresh handle (which loads everything) is the reference.
for (const driver of everyDriver) {
  describe(`observatory search copy in memory (${driver})`, () => {
    let database: TestDatabase;
    let person: Person;
    let reader: Db;
    const handle = (): Db => (database.pglite ? drizzlePglite(database.pglite) : drizzlePg(database.pool!)) as unknown as Db;
    before(async () => {
      database = await openTestDatabase(driver);
      reader = handle();
      const user = await createActiveUser(database.db, { email: 'copie@example.fr', role: 'member' });
      await database.db.insert(memberships).values([{ userId: user.id, territoryCode: '49007', role: 'contributor' }]);
      person = { id: user.id, role: 'member', memberships: [{ territoryCode: '49007', role: 'contributor' }] };
    });
    after(() => database.dispose());

    const generation = async () => Number((await queryRows<{ g: string }>(database.db, sql`select generation as g from search_index_state`))[0]!.g);
    const search = (db: Db, words: string[] = [], filters = {}) => searchInitiatives(db, { words, filters, page: 1 });
    /** What the long-lived reader answers equals what a fresh copy answers, and what SQL counts. */
    const assertInStep = async (when: string, words: string[] = []) => {
      const [caughtUp, fresh] = [await search(reader, words), await search(handle(), words)];
      assert.deepEqual(caughtUp, fresh, when);
      const statuses = await queryRows<{ value: string; count: number }>(
        database.db,
        sql`select status as value, count(*)::int as count from initiative_search_entries group by 1 order by 2 desc, 1`,
      );
      if (!words.length) assert.deepEqual(caughtUp.facets.status, statuses, when);
      return caughtUp;
    };

    test('a search sees every change committed before it: publishing, editing, unpublishing, deleting, a cascade, a reload', async () => {
      const db = database.db;
      await assertInStep('empty');
      const one = await createInitiative(db, person, {
        territoryCode: '49007',
        title: 'Wifi public au marché',
        status: 'done',
        serviceIds: ['wifi-public'],
        audiences: ['inhabitants'],
        visibility: 'public',
      });
      const two = await createInitiative(db, person, {
        territoryCode: '49007',
        title: 'Ateliers tablette',
        status: 'planned',
        serviceIds: ['inclusion-numerique-seniors', 'wifi-public'],
        audiences: ['seniors'],
        startDate: '2024-02-01',
        visibility: 'public',
      });
      let found = await assertInStep('after publishing');
      assert.equal(found.total, 2);
      assert.deepEqual(
        found.facets.service.find((v) => v.value === 'wifi-public'),
        { value: 'wifi-public', count: 2 },
      );
      assert.equal((await search(reader, ['tablette'])).total, 1);

      // A draft saved changes nothing in the index, and does not move the generation.
      const before = await generation();
      const draft = await createInitiative(db, person, { territoryCode: '49007', title: 'Brouillon', status: 'planned', serviceIds: ['fablab'] });
      assert.equal(await generation(), before);

      // An edit of a public sheet (its entry rewritten in place): counts and words follow at once.
      const saved = await updateInitiative(
        db,
        person,
        two.id,
        { title: 'Ateliers robots', status: 'done', serviceIds: ['robots-programmation'], audiences: ['youth'] },
        { baseVersion: two.version, onStale: 'conflict' },
      );
      assert.equal(saved.kind, 'saved');
      assert.ok((await generation()) > before);
      found = await assertInStep('after an edit');
      assert.deepEqual(found.facets.status, [{ value: 'done', count: 2 }]);
      assert.deepEqual(found.facets.audience.map((v) => v.value).sort(), ['inhabitants', 'youth']);
      assert.equal((await search(reader, ['tablette'])).total, 0);
      assert.equal((await search(reader, ['robots'])).total, 1);
      await assertInStep('words after an edit', ['ateliers']);

      // Every facet count equals what a filtered search finds.
      for (const facet of FACETS) {
        for (const value of found.facets[facet])
          assert.equal((await search(reader, [], { [facet]: value.value })).total, value.count, `${facet}=${value.value}`);
      }

      await setVisibility(db, person, one.id, 'draft');
      assert.equal((await assertInStep('after unpublishing')).total, 1);
      await deleteInitiative(db, person, two.id);
      found = await assertInStep('after a deletion');
      assert.equal(found.total, 0);
      assert.ok(FACETS.every((f) => found.facets[f].length === 0));

      // A sheet removed from the database takes its entry with it (a cascade).
      await setVisibility(db, person, one.id, 'public');
      assert.equal((await assertInStep('published again', ['wifi'])).total, 1);
      await db.execute(sql`delete from initiatives where id in (${one.id}, ${draft.id})`);
      assert.equal((await assertInStep('after a cascade', ['wifi'])).total, 0);

      // An emptied index makes every copy reload; rebuilt, it is caught up again.
      const three = await createInitiative(db, person, {
        territoryCode: '49007',
        title: 'Conseil municipal retransmis',
        status: 'in_progress',
        serviceIds: ['retransmission-conseil-municipal'],
        visibility: 'public',
      });
      assert.equal((await assertInStep('before truncating', ['conseil'])).total, 1);
      await db.execute(sql`truncate initiative_search_entries`);
      assert.equal((await assertInStep('truncated', ['conseil'])).total, 0);
      await db.transaction((tx) => rebuildIndex(tx));
      assert.deepEqual(
        (await assertInStep('rebuilt', ['conseil'])).items.map((i) => i.id),
        [three.id],
      );
    });
  });
}
