import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { textOf, type FormFields } from '../../../test/support/http-client.ts';
import { TRELAZE, initiativesFixture } from '../../../test/support/initiatives-fixture.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { queryRows } from '../../platform/db/database.ts';

/** A sheet form as a contributor fills it in, with one actor typed in (not yet in the directory). */
const form = (overrides: FormFields): FormFields => ({
  title: 'Bornes de recharge pour vélos',
  summary: 'Des bornes de recharge en libre accès devant la mairie.',
  description: '',
  status: 'in_progress',
  startDate: '2025-03-01',
  endDate: '',
  serviceIds: ['dematerialisation-rh'],
  audiences: ['inhabitants'],
  newActorName: ['Vélos du Val Refusé'],
  newActorKind: ['company'],
  newActorWebsite: [''],
  contactName: '',
  contactEmail: '',
  ...overrides,
});

for (const driver of drivers) {
  describe(`a refused sheet form changes nothing, not even the actors typed in it (${driver})`, () => {
    const f = initiativesFixture(driver);
    const actorsNamed = async (name: string) =>
      (await queryRows<{ n: number }>(f.db(), sql`select count(*)::int as n from actors where search_normalize(name) = search_normalize(${name})`))[0]?.n;

    test('creating: an empty title with a new actor is refused, and no actor is created', async () => {
      const browser = f.browsers.contributor;
      const refused = await browser.submit(`/espace/${TRELAZE}/initiatives/nouvelle`, form({ title: '' }));
      assert.equal(refused.status, 400);
      assert.match(textOf(refused.body), /titre/i, 'the title error is named');
      assert.match(refused.body, /value="Vélos du Val Refusé"/, 'the typed actor stays in the form');
      assert.equal(await actorsNamed('Vélos du Val Refusé'), 0);
      const sheets = await queryRows<{ n: number }>(f.db(), sql`select count(*)::int as n from initiatives where title = ''`);
      assert.equal(sheets[0]?.n, 0);
    });

    test('creating: the sheet’s errors and the new actor’s are named in the same answer', async () => {
      const refused = await f.browsers.contributor.submit(`/espace/${TRELAZE}/initiatives/nouvelle`, form({ title: '', newActorWebsite: ['pas une adresse'] }));
      assert.equal(refused.status, 400);
      const summary = textOf(refused.body);
      assert.match(summary, /titre/i, 'the title error');
      assert.match(summary, /site|adresse web/i, 'the actor’s website error');
      assert.equal(await actorsNamed('Vélos du Val Refusé'), 0);
    });

    test('editing: a bad field with a new actor is refused and creates no actor; a good save creates it once', async () => {
      const browser = f.browsers.contributor;
      const created = await browser.submit(`/espace/${TRELAZE}/initiatives/nouvelle`, form({ newActorName: [''], newActorKind: [''], newActorWebsite: [''] }));
      assert.equal(created.status, 303, textOf(created.body).slice(0, 500));
      const editUrl = created.location!.split('?')[0]!;
      const refused = await browser.submit(editUrl, form({ title: '', newActorName: ['Atelier Refusé du Vélo'] }));
      assert.equal(refused.status, 400);
      assert.match(textOf(refused.body), /titre/i);
      assert.equal(await actorsNamed('Atelier Refusé du Vélo'), 0);

      const saved = await browser.submit(editUrl, form({ newActorName: ['Atelier Refusé du Vélo'] }));
      assert.equal(saved.status, 303, textOf(saved.body).slice(0, 500));
      assert.equal(await actorsNamed('Atelier Refusé du Vélo'), 1);
      const id = editUrl.split('/').pop()!;
      const api = (await f.api('contributor', 'GET', `/api/v1/initiatives/${id}`)).json();
      assert.deepEqual(
        api.actors.map((a: { name: string }) => a.name),
        ['Atelier Refusé du Vélo'],
      );
    });
  });
}
