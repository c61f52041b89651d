// Autosave keeps a private working copy (ADR 0014): a published sheet never shows half-typed text,
// a new actor typed in survives, "Enregistrer" saves once (one history version), and the history
// says what each version changed.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { csrfTokenOf, textOf, type FormFields } from '../../../test/support/http-client.ts';
import { LEAVE_REQUESTS, TRELAZE, initiativesFixture, type Person } from '../../../test/support/initiatives-fixture.ts';
import { drivers } from '../../../test/support/test-database.ts';

type SheetJson = typeof LEAVE_REQUESTS & { id: string; version: number; visibility: string; description: string; title: string; actors: { name: string }[] };

/** The edit form’s fields as the page sends them for a sheet, with `changes` typed over. */
function formOf(sheet: SheetJson, changes: FormFields = {}): FormFields {
  return {
    title: sheet.title,
    summary: sheet.summary,
    description: sheet.description,
    status: sheet.status,
    startDate: sheet.startDate,
    endDate: sheet.endDate,
    serviceIds: sheet.serviceIds,
    audiences: sheet.audiences,
    indicatorLabel: sheet.indicators.map((i) => i.label),
    indicatorValue: sheet.indicators.map((i) => String(i.value)),
    indicatorUnit: sheet.indicators.map((i) => i.unit),
    indicatorDate: sheet.indicators.map((i) => i.date),
    responsibleDigital: sheet.responsibleDigital ? 'on' : '',
    linkLabel: sheet.links.map((l) => l.label),
    linkUrl: sheet.links.map((l) => l.url),
    version: String(sheet.version),
    ...changes,
  };
}

for (const driver of drivers) {
  describe(`working copy, history and addresses of a sheet (${driver})`, () => {
    const f = initiativesFixture(driver);
    const read = async (id: string) => (await f.api('contributor', 'GET', `/api/v1/initiatives/${id}`)).json() as SheetJson;
    const newSheet = async (visibility: 'draft' | 'public') => {
      const res = await f.api('contributor', 'POST', '/api/v1/initiatives', { ...LEAVE_REQUESTS, visibility });
      assert.equal(res.status, 201, res.body);
      return res.json() as SheetJson;
    };
    const editUrl = (id: string) => `/espace/${TRELAZE}/initiatives/${id}`;
    async function autosave(who: Person, id: string, fields: FormFields) {
      const page = await f.browsers[who].get(editUrl(id));
      return f.browsers[who].post(`${editUrl(id)}/brouillon`, { ...fields, _csrf: csrfTokenOf(page.body) }, { accept: 'application/json' });
    }
    async function save(who: Person, id: string, fields: FormFields) {
      const page = await f.browsers[who].get(editUrl(id));
      return f.browsers[who].post(editUrl(id), { ...fields, _csrf: csrfTokenOf(page.body) });
    }

    test('autosave of a published sheet keeps the text private until “Enregistrer” publishes it', async () => {
      const sheet = await newSheet('public');
      const halfTyped = `${sheet.description}\n\nNouvelle phra`;
      const kept = await autosave('contributor', sheet.id, formOf(sheet, { description: halfTyped, newActorName: 'Emmaüs Conn', newActorKind: 'association' }));
      assert.equal(kept.status, 200, kept.body);
      assert.match(kept.json().time, /^\d{2}:\d{2}$/, 'the time of the save, on the French clock');

      // Nothing half-typed reaches the public page, the API or the history.
      assert.equal((await read(sheet.id)).description, sheet.description);
      assert.equal((await read(sheet.id)).version, sheet.version);
      assert.doesNotMatch((await f.browsers.anonymous.get(`/initiatives/${sheet.id}`)).body, /Nouvelle phra/);
      // Nor the colleague’s form: the copy is the person’s own.
      assert.doesNotMatch((await f.browsers.contributor2.get(editUrl(sheet.id))).body, /Nouvelle phra/);

      // Reopened, the form shows what was typed, the new actor’s name included, and says why.
      const again = await f.browsers.contributor.get(editUrl(sheet.id));
      assert.match(again.body, /Nouvelle phra<\/textarea>/);
      assert.match(again.body, /value="Emmaüs Conn"/);
      assert.match(textOf(again.body), /pas encore enregistrées dans la fiche/);
      assert.match(textOf(again.body), /ne seront visibles de tous que lorsque vous cliquerez sur « Enregistrer »/);

      const saved = await save(
        'contributor',
        sheet.id,
        formOf(sheet, { description: `${sheet.description}\n\nNouvelle phrase.`, newActorName: 'Emmaüs Connect', newActorKind: 'association' }),
      );
      assert.equal(saved.status, 303, textOf(saved.body).slice(0, 400));
      const after = await read(sheet.id);
      assert.match(after.description, /Nouvelle phrase\.$/);
      assert.deepEqual(
        after.actors.map((a) => a.name),
        ['Emmaüs Connect'],
      );
      assert.equal(after.version, sheet.version + 1, 'one version for the whole editing session');
      assert.doesNotMatch(textOf((await f.browsers.contributor.get(editUrl(sheet.id))).body), /pas encore enregistrées/, 'the copy is gone once saved');
    });

    test('several autosaves and one save make one history version, which shows what changed', async () => {
      const sheet = await newSheet('draft');
      for (const title of ['Congés', 'Congés en lig', 'Congés en ligne']) {
        assert.equal((await autosave('contributor', sheet.id, formOf(sheet, { title }))).status, 200);
      }
      assert.equal((await read(sheet.id)).version, sheet.version, 'autosaves make no version');
      const saved = await save('contributor', sheet.id, formOf(sheet, { title: 'Congés en ligne', audiences: ['agents', 'elected_officials'] }));
      assert.equal(saved.status, 303);
      const page = await f.browsers.contributor.get(editUrl(sheet.id));
      const history = textOf(page.body.slice(page.body.indexOf('id="titre-historique"')));
      assert.match(history, /Voir les 2 dernières versions/);
      assert.match(history, /Version 2 .* Modification Titre Avant : « Dématérialisation des demandes de congés » Après : « Congés en ligne »/);
      assert.match(history, /Publics visés Ajouté : Élus\./);
      assert.match(history, /Version 1 .* Création/);
    });

    test('“Abandonner mes modifications” removes the copy; the sheet is as saved', async () => {
      const sheet = await newSheet('draft');
      await autosave('contributor', sheet.id, formOf(sheet, { title: 'Titre à abandonner' }));
      const page = await f.browsers.contributor.get(editUrl(sheet.id));
      assert.match(page.body, /value="Titre à abandonner"/);
      const discarded = await f.browsers.contributor.submit(editUrl(sheet.id), {}, { action: `${editUrl(sheet.id)}/abandon` });
      assert.equal(discarded.status, 303);
      const after = await f.browsers.contributor.follow(discarded);
      assert.match(textOf(after.body), /Modifications abandonnées/);
      assert.match(after.body, /value="Dématérialisation des demandes de congés"/);
    });

    test('autosave refuses a version the sheet never had, naming the field; nothing is kept', async () => {
      const sheet = await newSheet('draft');
      const res = await autosave('contributor', sheet.id, formOf(sheet, { title: 'Intrus', version: '99' }));
      assert.equal(res.status, 400);
      assert.match(res.body, /version/);
      assert.doesNotMatch((await f.browsers.contributor.get(editUrl(sheet.id))).body, /Intrus/);
    });

    test('an address typed without https:// is taken, and stored with it', async () => {
      const sheet = await newSheet('draft');
      const saved = await save(
        'contributor',
        sheet.id,
        formOf(sheet, {
          linkLabel: ['Site'],
          linkUrl: ['www.trelaze.fr/conges'],
          newActorName: 'Numérique 49',
          newActorKind: 'association',
          newActorWebsite: 'numerique49.fr',
        }),
      );
      assert.equal(saved.status, 303, textOf(saved.body).slice(0, 400));
      const after = (await f.api('contributor', 'GET', `/api/v1/initiatives/${sheet.id}`)).json();
      assert.deepEqual(after.links, [{ label: 'Site', url: 'https://www.trelaze.fr/conges' }]);
      assert.equal(after.actors[0].website, 'https://numerique49.fr');
      // The form does not make the browser refuse it either.
      const form = (await f.browsers.contributor.get(editUrl(sheet.id))).body;
      assert.doesNotMatch(form, /type="url"/);
      const wrong = await save('contributor', sheet.id, formOf(after, { linkLabel: ['Site'], linkUrl: ['javascript:alert(1)'] }));
      assert.equal(wrong.status, 400);
      assert.match(textOf(wrong.body), /Lien 1 : adresse : Adresse web invalide/);
    });
  });
}
