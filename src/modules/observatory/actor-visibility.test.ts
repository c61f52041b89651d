import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { initiativesFixture, LE_TRAIT, LEAVE_REQUESTS, TRELAZE, type Person as Who } from '../../../test/support/initiatives-fixture.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { systemCaller, type Person, type SystemCaller } from '../accounts/permissions.rules.ts';
import { findOrCreateActor } from '../actors/actors.service.ts';
import { deleteInitiative, setVisibility } from '../initiatives/publication.service.ts';
import { createInitiative } from '../initiatives/save-initiative.service.ts';

type Caller = Who | 'anonymous';
const EVERYONE: Caller[] = ['anonymous', 'member', 'juror', 'leTrait', 'reader', 'contributor', 'referent', 'contributor2', 'admin'];
const TRELAZE_MEMBERS: Caller[] = ['reader', 'contributor', 'referent', 'contributor2'];

for (const driver of drivers) {
  describe(`an actor is public once a public sheet names it (${driver})`, () => {
    const f = initiativesFixture(driver);
    const actors = { draftOnly: '', published: '', unnamed: '', deletedOnly: '' };
    let draftId = '';
    let trelaze: Person;

    before(async () => {
      const db = f.db();
      trelaze = { id: f.ids.contributor, role: 'member', memberships: [{ territoryCode: TRELAZE, role: 'contributor' }] };
      const leTrait: Person = { id: f.ids.leTrait, role: 'member', memberships: [{ territoryCode: LE_TRAIT, role: 'contributor' }] };
      const actor = async (who: Person | SystemCaller, name: string) => (await findOrCreateActor(db, who, { name, kind: 'company' })).actor.id;
      actors.draftOnly = await actor(trelaze, 'Prestataire du brouillon');
      actors.published = await actor(trelaze, 'Prestataire public');
      // Created by the system: no creator who would see it anyway.
      actors.deletedOnly = await actor(systemCaller('test fixture'), 'Prestataire de la fiche supprimée');
      actors.unnamed = await actor(leTrait, 'Prestataire jamais nommé');
      const sheet = (title: string, actorIds: string[], visibility: 'draft' | 'public') =>
        createInitiative(db, trelaze, { ...LEAVE_REQUESTS, title, actorIds, visibility });
      draftId = (await sheet('Brouillon avec prestataire', [actors.draftOnly], 'draft')).id;
      await sheet('Fiche publiée avec prestataire', [actors.published], 'public');
      const deleted = await sheet('Fiche publiée puis supprimée', [actors.deletedOnly], 'public');
      await deleteInitiative(db, trelaze, deleted.id);
    });

    /** The status of the actor’s API answer and page for each caller, both the same. */
    async function statuses(id: string, callers: Caller[]): Promise<Record<string, number>> {
      const seen: Record<string, number> = {};
      for (const who of callers) {
        const api = await f.api(who, 'GET', `/api/v1/actors/${id}`);
        const page = await f.browsers[who].get(`/acteurs/${id}`);
        assert.equal(page.status, api.status, `${who}: the page answers as the API does`);
        seen[who] = api.status;
      }
      return seen;
    }
    const expect = (visible: Caller[]) => Object.fromEntries(EVERYONE.map((who) => [who, visible.includes(who) ? 200 : 404]));

    test('named only in a draft: 404 for anyone outside the territory (its name never shows), 200 for its members and admins', async () => {
      assert.deepEqual(await statuses(actors.draftOnly, EVERYONE), expect([...TRELAZE_MEMBERS, 'admin']));
      const refused = await f.api('anonymous', 'GET', `/api/v1/actors/${actors.draftOnly}`);
      assert.equal(refused.json<{ error: string }>().error, 'not_found');
      assert.doesNotMatch(refused.body, /Prestataire du brouillon/);
      const page = await f.browsers.anonymous.get(`/acteurs/${actors.draftOnly}`);
      assert.doesNotMatch(page.body, /Prestataire du brouillon/);
      const member = await f.browsers.reader.get(`/acteurs/${actors.draftOnly}`);
      assert.match(member.body, /Prestataire du brouillon/);
    });

    test('named by a public sheet: everyone sees it', async () => {
      assert.deepEqual(await statuses(actors.published, EVERYONE), expect(EVERYONE));
    });

    test('named only by a deleted sheet: as if named by none, for admins only', async () => {
      assert.deepEqual(await statuses(actors.deletedOnly, EVERYONE), expect(['admin']));
    });

    test('named by no sheet: only the person who created it and admins', async () => {
      assert.deepEqual(await statuses(actors.unnamed, EVERYONE), expect(['leTrait', 'admin']));
    });

    test('once its draft is published, the actor is public', async () => {
      await setVisibility(f.db(), trelaze, draftId, 'public');
      assert.deepEqual(await statuses(actors.draftOnly, ['anonymous', 'leTrait', 'juror']), { anonymous: 200, leTrait: 200, juror: 200 });
    });
  });
}
