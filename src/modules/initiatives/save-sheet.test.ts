import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { csrfTokenOf, textOf, type FormFields } from '../../../test/support/http-client.ts';
import { LEAVE_REQUESTS, TRELAZE, initiativesFixture } from '../../../test/support/initiatives-fixture.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { actors } from '../actors/schema.ts';

/** A sheet as a contributor types it in the form, with one actor to add. */
const form: FormFields = {
  title: 'Ateliers numériques à la médiathèque',
  summary: 'Des ateliers pour prendre en main tablettes et démarches en ligne.',
  status: 'in_progress',
  serviceIds: ['dematerialisation-rh'],
  newActorName: ['', ''],
  newActorKind: ['association', 'company'],
  newActorWebsite: ['', ''],
};

for (const driver of drivers) {
  describe(`saving a sheet with its new actors (${driver})`, () => {
    const f = initiativesFixture(driver);
    const actorNamed = async (name: string) => (await f.db().select().from(actors).where(sql`${actors.searchName} = search_normalize(${name})`))[0];

    test('a new sheet refused for its title creates none of the actors typed in the form, and keeps them', async () => {
      const name = 'Association Clic Trélazé';
      const res = await f.browsers.contributor.submit(`/espace/${TRELAZE}/initiatives/nouvelle`, { ...form, title: '', newActorName: [name, ''] });
      assert.equal(res.status, 400, textOf(res.body).slice(0, 400));
      assert.match(res.body, /id="champ-title-erreur"/, 'the title error is shown');
      assert.match(res.body, new RegExp(`name="newActorName" value="${name}"`), 'the typed actor row is kept');
      assert.equal(await actorNamed(name), undefined, 'no actor was created');
    });

    test('every error comes at once: the sheet’s fields, each new actor and the references', async () => {
      const name = 'Régie des écrans';
      const res = await f.browsers.contributor.submit(`/espace/${TRELAZE}/initiatives/nouvelle`, {
        ...form,
        title: '',
        serviceIds: ['service-qui-n-existe-pas'],
        newActorName: [name, 'X'],
        newActorKind: ['association', 'company'],
        newActorWebsite: ['pas un site', ''],
      });
      assert.equal(res.status, 400);
      for (const field of ['title', 'serviceIds', 'newActors.0.website', 'newActors.1.name']) {
        assert.match(res.body, new RegExp(`href="#champ-${field.replaceAll('.', '\\.')}"`), `${field} is reported`);
      }
      assert.equal(await actorNamed(name), undefined);
    });

    test('an edit refused for one field creates none of the actors typed in the form, and changes nothing', async () => {
      const created = await f.api('contributor', 'POST', '/api/v1/initiatives', LEAVE_REQUESTS);
      assert.equal(created.status, 201, created.body);
      const id = created.json().id as string;
      const editUrl = `/espace/${TRELAZE}/initiatives/${id}`;
      const before = (await f.api('contributor', 'GET', `/api/v1/initiatives/${id}`)).json();
      const name = 'Collectif Réparons Trélazé';
      const res = await f.browsers.contributor.submit(editUrl, { ...form, contactEmail: 'pas-une-adresse', newActorName: [name, ''] }, { action: editUrl });
      assert.equal(res.status, 400, textOf(res.body).slice(0, 400));
      assert.match(res.body, /id="champ-contactEmail-erreur"/);
      assert.match(res.body, new RegExp(`name="newActorName" value="${name}"`), 'the typed actor row is kept');
      assert.equal(await actorNamed(name), undefined, 'no actor was created');
      assert.deepEqual((await f.api('contributor', 'GET', `/api/v1/initiatives/${id}`)).json(), before);

      // Corrected, the same form saves the sheet and its new actor together.
      const page = await f.browsers.contributor.get(editUrl);
      const saved = await f.browsers.contributor.post(editUrl, { ...form, newActorName: [name, ''], version: String(before.version), _csrf: csrfTokenOf(page.body) });
      assert.equal(saved.status, 303, textOf(saved.body).slice(0, 400));
      const actor = await actorNamed(name);
      assert.ok(actor, 'the actor exists once the sheet is saved');
      assert.deepEqual((await f.api('contributor', 'GET', `/api/v1/initiatives/${id}`)).json().actorIds, [actor.id]);
    });
  });
}
