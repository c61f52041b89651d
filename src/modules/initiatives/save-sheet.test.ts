import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { csrfTokenOf, textOf, type FormFields } from '../../../test/support/http-client.ts';
import { LEAVE_REQUESTS, TRELAZE, initiativesFixture } from '../../../test/support/initiatives-fixture.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { countStatements } from '../../../test/support/query-counter.ts';
import type { Person } from '../accounts/permissions.rules.ts';
import { actors } from '../actors/schema.ts';
import { getCurrentReferential } from '../referential/referential.service.ts';
import { createInitiative, updateInitiative } from './save-initiative.service.ts';

/** Asserts a page holds this (without printing the whole page when it does not). */
const shows = (html: string, pattern: RegExp, what: string) =>
  assert.ok(pattern.test(html), `${what}: ${pattern} not found in « ${textOf(html.slice(html.indexOf('<main'))).slice(0, 300)}… »`);

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
    const actorNamed = async (name: string) =>
      (
        await f
          .db()
          .select()
          .from(actors)
          .where(sql`${actors.searchName} = search_normalize(${name})`)
      )[0];

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
        shows(res.body, new RegExp(`href="#champ-${field.replaceAll('.', '\\.')}"`), `${field} is reported`);
      }
      assert.equal(await actorNamed(name), undefined);
    });

    test('a stale edit in conflict with a new actor creates no actor, keeps the row typed, and saves it once resolved', async () => {
      const created = await f.api('contributor', 'POST', '/api/v1/initiatives', { ...LEAVE_REQUESTS, title: 'Fiche en conflit' });
      assert.equal(created.status, 201, created.body);
      const { id, version } = created.json() as { id: string; version: number };
      const editUrl = `/espace/${TRELAZE}/initiatives/${id}`;
      const page = await f.browsers.contributor.get(editUrl);
      const theirs = await f.api('contributor2', 'PATCH', `/api/v1/initiatives/${id}`, { description: 'Leur description.', version });
      assert.equal(theirs.status, 200, theirs.body);
      const name = 'Fablab du Conflit';
      const mine = { ...form, title: 'Fiche en conflit', description: 'Ma description.', newActorName: [name, ''], _csrf: csrfTokenOf(page.body) };
      const conflict = await f.browsers.contributor.post(editUrl, { ...mine, version: String(version) });
      assert.equal(conflict.status, 409, textOf(conflict.body).slice(0, 400));
      shows(conflict.body, new RegExp(`name="newActorName"[^>]* value="${name}"`), 'the typed actor row is kept');
      assert.equal(await actorNamed(name), undefined, 'no actor was created');
      assert.deepEqual((await f.api('contributor', 'GET', `/api/v1/initiatives/${id}`)).json().actorIds, []);

      const current = /name="version" value="(\d+)"/.exec(conflict.body)![1]!;
      const resolved = await f.browsers.contributor.post(editUrl, { ...mine, version: current, _csrf: csrfTokenOf(conflict.body) });
      assert.equal(resolved.status, 303, textOf(resolved.body).slice(0, 400));
      const actor = await actorNamed(name);
      assert.ok(actor);
      const saved = (await f.api('contributor', 'GET', `/api/v1/initiatives/${id}`)).json();
      assert.deepEqual(saved.actorIds, [actor.id]);
      assert.equal(saved.description, 'Ma description.');
    });

    /*
     * Statements sent to the database by one save of a sheet with two services and one new actor
     * (BEGIN/COMMIT left out), measured on PGlite. Before (2026-12-01, commit 3bfc16c): create 25,
     * update 26; through the form 27 and 37 (the territory read 3 times, the sheet rebuilt with its
     * content read again, the referential read again inside the transaction). After: create 13,
     * update 14, form 14 and 16 (the form’s two are the session’s). Of those, 2 are the
     * observatory’s index keeping in step (the sheets are drafts). The form’s update has one more
     * (17): the person’s working copy, kept by autosave, is removed once the sheet is saved (ADR 0014).
     * Each has one more since 2026-12-03: the notification that empties the page caches (ADR 0018).
     */
    test('a save costs a bounded number of statements', async () => {
      const person: Person = { id: f.ids.contributor, role: 'member', memberships: [{ territoryCode: TRELAZE, role: 'contributor' }] };
      const db = f.db();
      await getCurrentReferential(db); // kept in memory afterwards, as in a running server
      const twoServices = ['dematerialisation-rh', 'parapheur-signature-electronique'];
      const create = await countStatements(db, () =>
        createInitiative(db, person, { ...LEAVE_REQUESTS, serviceIds: twoServices }, [{ name: 'Compteur Création', kind: 'company' }]),
      );
      assert.ok(create.count <= 14, `create: ${create.count} statements\n${create.statements.join('\n')}`);

      const sheet = create.result;
      const update = await countStatements(db, () =>
        updateInitiative(
          db,
          person,
          sheet.id,
          { title: 'Congés en ligne', serviceIds: ['coffre-fort-numerique', ...twoServices] },
          { baseVersion: sheet.version, onStale: 'merge', newActors: [{ name: 'Compteur Mise à jour', kind: 'association' }] },
        ),
      );
      assert.equal(update.result.kind, 'saved');
      assert.ok(update.count <= 15, `update: ${update.count} statements\n${update.statements.join('\n')}`);
      const saved = update.result.kind === 'saved' ? update.result.sheet : sheet;
      assert.deepEqual(
        saved.actors.map((a) => a.name),
        ['Compteur Création', 'Compteur Mise à jour'],
      );
      assert.deepEqual(saved.services.map((s) => s.id).sort(), [...twoServices, 'coffre-fort-numerique'].sort());

      const newPage = await f.browsers.contributor.get(`/espace/${TRELAZE}/initiatives/nouvelle`);
      const formCreate = await countStatements(db, () =>
        f.browsers.contributor.post(`/espace/${TRELAZE}/initiatives`, {
          ...form,
          serviceIds: twoServices,
          newActorName: ['Compteur Formulaire', ''],
          _csrf: csrfTokenOf(newPage.body),
        }),
      );
      assert.equal(formCreate.result.status, 303);
      assert.ok(formCreate.count <= 15, `form create: ${formCreate.count} statements\n${formCreate.statements.join('\n')}`);

      const editUrl = `/espace/${TRELAZE}/initiatives/${sheet.id}`;
      const editPage = await f.browsers.contributor.get(editUrl);
      const formUpdate = await countStatements(db, () =>
        f.browsers.contributor.post(editUrl, {
          ...form,
          serviceIds: twoServices,
          newActorName: ['Compteur Formulaire 2', ''],
          version: String(saved.version),
          _csrf: csrfTokenOf(editPage.body),
        }),
      );
      assert.equal(formUpdate.result.status, 303, textOf(formUpdate.result.body).slice(0, 400));
      assert.ok(formUpdate.count <= 18, `form update: ${formUpdate.count} statements\n${formUpdate.statements.join('\n')}`);
    });
  });
}
