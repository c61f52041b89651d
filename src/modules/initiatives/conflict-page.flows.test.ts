// The conflict page (two people saved the same sheet): the conflicting fields listed at the top with
// links, a button per field to take the saved version (no JavaScript needed), and the second editor
// told when their save was merged with someone else’s.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { csrfTokenOf, findForms, textOf, type FormFields } from '../../../test/support/http-client.ts';
import { LEAVE_REQUESTS, TRELAZE, initiativesFixture } from '../../../test/support/initiatives-fixture.ts';
import { drivers } from '../../../test/support/test-database.ts';

const base: FormFields = {
  title: LEAVE_REQUESTS.title,
  summary: LEAVE_REQUESTS.summary,
  description: LEAVE_REQUESTS.description,
  status: LEAVE_REQUESTS.status,
  startDate: LEAVE_REQUESTS.startDate,
  endDate: LEAVE_REQUESTS.endDate,
  serviceIds: LEAVE_REQUESTS.serviceIds,
  audiences: LEAVE_REQUESTS.audiences,
  indicatorLabel: 'Demandes traitées en ligne',
  indicatorValue: '1200',
  indicatorUnit: 'demandes',
  indicatorDate: '2022-12-31',
  responsibleDigital: 'on',
  linkLabel: 'Ville de Trélazé',
  linkUrl: 'https://www.trelaze.fr',
  version: '1',
};

/** The hidden fields of the sheet’s form on a page (the conflict’s state travels in them). */
const findForm = (html: string, action: string) => findForms(html).find((form) => form.action === action);

for (const driver of drivers) {
  describe(`the conflict page (${driver})`, () => {
    const f = initiativesFixture(driver);

    async function sheetOpenedByBoth() {
      const created = await f.api('contributor', 'POST', '/api/v1/initiatives', LEAVE_REQUESTS);
      assert.equal(created.status, 201, created.body);
      const url = `/espace/${TRELAZE}/initiatives/${created.json().id}`;
      const [mine, theirs] = await Promise.all([f.browsers.contributor.get(url), f.browsers.contributor2.get(url)]);
      return { url, mine: csrfTokenOf(mine.body), theirs: csrfTokenOf(theirs.body) };
    }

    test('lists the conflicting fields with links, and takes the saved version of one field on request', async () => {
      const { url, mine, theirs } = await sheetOpenedByBoth();
      const first = await f.browsers.contributor2.post(url, { ...base, title: 'Congés : leur titre', summary: 'Leur résumé.', _csrf: theirs });
      assert.equal(first.status, 303);

      const conflict = await f.browsers.contributor.post(url, { ...base, title: 'Congés : mon titre', description: 'Ma description.', _csrf: mine });
      assert.equal(conflict.status, 409);
      const top = conflict.body.slice(conflict.body.indexOf('id="conflit"'), conflict.body.indexOf('id="fiche"'));
      assert.match(top, /Un champ a été modifié des deux côtés/);
      assert.match(top, /<a href="#conflit-title">Titre<\/a>/, 'a link to the conflicting field');
      assert.match(textOf(top), /Réunis sans conflit : Description/, 'my one-sided change, merged');
      assert.match(conflict.body, /id="conflit-title"/, 'the link has a target');
      assert.match(conflict.body, /value="Congés : mon titre"/, 'my text stays in the field');

      // "Reprendre la version enregistrée": the same form sent with that button.
      const form = findForm(conflict.body, url)!;
      assert.match(conflict.body, /name="intent" value="theirs:title"/);
      const taken = await f.browsers.contributor.post(url, {
        ...form.hidden,
        ...base,
        title: 'Congés : mon titre',
        summary: 'Leur résumé.',
        description: 'Ma description.',
        version: form.hidden.version!,
        intent: 'theirs:title',
      });
      assert.equal(taken.status, 200);
      assert.match(taken.body, /value="Congés : leur titre"/, 'the field now holds their version');
      assert.match(textOf(taken.body), /Plus aucun champ en conflit/);
      assert.match(textOf(taken.body), /Version enregistrée reprise pour : Titre/);
      assert.equal((await f.api('contributor', 'GET', `/api/v1/initiatives/${url.split('/').pop()}`)).json().version, 2, 'nothing saved yet');

      const saved = await f.browsers.contributor.post(url, {
        ...findForm(taken.body, url)!.hidden,
        ...base,
        title: 'Congés : leur titre',
        summary: 'Leur résumé.',
        description: 'Ma description.',
        version: findForm(taken.body, url)!.hidden.version!,
      });
      assert.equal(saved.status, 303, textOf(saved.body).slice(0, 300));
      const sheet = (await f.api('contributor', 'GET', `/api/v1/initiatives/${url.split('/').pop()}`)).json();
      assert.deepEqual([sheet.title, sheet.summary, sheet.description], ['Congés : leur titre', 'Leur résumé.', 'Ma description.']);
    });

    test('a save merged with someone else’s says so, naming them and what they changed', async () => {
      const { url, mine, theirs } = await sheetOpenedByBoth();
      assert.equal((await f.browsers.contributor2.post(url, { ...base, summary: 'Leur résumé.', _csrf: theirs })).status, 303);
      const saved = await f.browsers.contributor.post(url, { ...base, title: 'Mon titre', _csrf: mine });
      assert.equal(saved.status, 303);
      assert.match(saved.location!, /notice=merged&base=1/);
      const page = textOf((await f.browsers.contributor.follow(saved)).body);
      assert.match(page, /Entre-temps, contributeur2@trelaze\.example\.fr avait modifié la fiche \(Résumé\) : vos modifications ont été réunies aux siennes/);
      // A plain save says only that it saved.
      const plain = await f.browsers.contributor.submit(url, { ...base, title: 'Mon titre 2', summary: 'Leur résumé.', version: '3' });
      assert.equal(plain.status, 303);
      assert.doesNotMatch(textOf((await f.browsers.contributor.follow(plain)).body), /Entre-temps/);
    });
  });
}
