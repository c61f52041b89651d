import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql, type SQL } from 'drizzle-orm';
import sharp from 'sharp';
import { csrfTokenOf, latestEmailTo, textOf, type FormFields } from '../../../test/support/http-client.ts';
import { LEAVE_REQUESTS, PEOPLE, TRELAZE, initiativesFixture, type Person } from '../../../test/support/initiatives-fixture.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { queryRows } from '../../platform/db/database.ts';

/** The creation form’s fields for the seed 000 sheet, as a person fills them in. */
const leaveRequestForm: FormFields = {
  title: LEAVE_REQUESTS.title,
  summary: LEAVE_REQUESTS.summary,
  description: LEAVE_REQUESTS.description,
  status: 'done',
  startDate: '2021-01-04',
  endDate: '2021-06-30',
  serviceIds: ['dematerialisation-rh', 'parapheur-electronique'].filter(Boolean),
  audiences: ['agents'],
  newActorName: ['Berger-Levrault', 'Association des DRH des collectivités'],
  newActorKind: ['company', 'association'],
  newActorWebsite: ['https://www.berger-levrault.com', ''],
  indicatorLabel: ['Demandes de congés traitées en ligne', ''],
  indicatorValue: ['1 200', ''],
  indicatorUnit: ['demandes', ''],
  indicatorDate: ['2022-12-31', ''],
  linkLabel: ['', ''],
  linkUrl: ['', ''],
  contactName: 'Service des ressources humaines',
  contactEmail: 'rh@trelaze.example.fr',
};

for (const driver of drivers) {
  describe(`initiative pages (${driver})`, () => {
    const f = initiativesFixture(driver);
    let editUrl: string;
    let id: string;

    test('a contributor of Trélazé creates the leave-request sheet with services, two actors and an indicator', async () => {
      const browser = f.browsers.contributor;
      const space = await browser.get('/espace');
      assert.equal(space.status, 303, 'one territory: straight to its workspace');
      assert.equal(space.location, `/espace/${TRELAZE}`);
      const form = await browser.get(`/espace/${TRELAZE}/initiatives/nouvelle`);
      assert.equal(form.status, 200);
      assert.match(form.body, /name="serviceIds" value="dematerialisation-rh"/);
      const services = (form.body.match(/name="serviceIds"/g) ?? []).length;
      assert.ok(services >= 100, `${services} services offered`);
      const fields = { ...leaveRequestForm, serviceIds: ['dematerialisation-rh'] };
      const created = await browser.submit(`/espace/${TRELAZE}/initiatives/nouvelle`, fields);
      assert.equal(created.status, 303, textOf(created.body).slice(0, 800));
      editUrl = created.location!.split('?')[0]!;
      id = editUrl.split('/').pop()!;
      const edit = await browser.follow(created);
      assert.equal(edit.status, 200);
      const text = textOf(edit.body);
      assert.match(text, /Fiche créée/);
      assert.match(edit.body, /Berger-Levrault/);
      assert.match(edit.body, /Association des DRH des collectivités/);
      assert.match(edit.body, /value="1200"|value="1 200"/);
      const api = (await f.api('contributor', 'GET', `/api/v1/initiatives/${id}`)).json();
      assert.equal(api.actors.length, 2);
      assert.deepEqual(api.indicators, [{ label: 'Demandes de congés traitées en ligne', value: 1200, unit: 'demandes', date: '2022-12-31' }]);
      assert.equal(api.visibility, 'draft');
    });

    test('typing an actor already known links it instead of creating a duplicate', async () => {
      const before = (await f.api('contributor', 'GET', `/api/v1/initiatives/${id}`)).json();
      const page = await f.browsers.contributor.get(editUrl);
      const res = await f.browsers.contributor.post(editUrl, {
        ...leaveRequestForm,
        serviceIds: ['dematerialisation-rh'],
        actorIds: before.actorIds,
        newActorName: ['  BERGER-LEVRAULT ', ''],
        newActorKind: ['company', 'company'],
        newActorWebsite: ['', ''],
        _csrf: csrfTokenOf(page.body),
        version: String(before.version),
      });
      assert.equal(res.status, 303, textOf(res.body).slice(0, 600));
      const after = (await f.api('contributor', 'GET', `/api/v1/initiatives/${id}`)).json();
      assert.deepEqual([...after.actorIds].sort(), [...before.actorIds].sort());
    });

    test('a photo is added through the form; a fake image is refused next to the field', async () => {
      const page = await f.browsers.contributor.get(editUrl);
      const csrf = csrfTokenOf(page.body);
      const png = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#336699' } })
        .png()
        .toBuffer();
      const ok = await f.browsers.contributor.upload(
        `${editUrl}/photos`,
        { _csrf: csrf, alt: 'Le formulaire de demande de congés' },
        { field: 'photo', filename: 'capture.png', contentType: 'image/png', data: png },
      );
      assert.equal(ok.status, 303, textOf(ok.body).slice(0, 400));
      const fake = await f.browsers.contributor.upload(
        `${editUrl}/photos`,
        { _csrf: csrf, alt: 'x' },
        { field: 'photo', filename: 'photo.png', contentType: 'image/png', data: Buffer.from('GIF89a pas une image') },
      );
      assert.equal(fake.status, 415);
      assert.match(textOf(fake.body), /JPEG, PNG ou WebP/);
      assert.match(fake.body, /id="champ-photo-erreur"/);
      const noCsrf = await f.browsers.contributor.upload(
        `${editUrl}/photos`,
        { alt: 'x' },
        { field: 'photo', filename: 'c.png', contentType: 'image/png', data: png },
      );
      assert.equal(noCsrf.status, 403);
      assert.equal((await f.api('contributor', 'GET', `/api/v1/initiatives/${id}`)).json().photos.length, 1);
    });

    test('a sheet is created with its photo in one form; a refused form stores nothing and asks for the photo again', async () => {
      const browser = f.browsers.contributor;
      const newUrl = `/espace/${TRELAZE}/initiatives/nouvelle`;
      const form = await browser.get(newUrl);
      assert.match(
        form.body,
        /<form[^>]*action="\/espace\/49353\/initiatives"[^>]*enctype="multipart\/form-data"|<form[^>]*enctype="multipart\/form-data"[^>]*action="\/espace\/49353\/initiatives"/,
      );
      assert.match(form.body, /name="photo"/);
      const csrf = csrfTokenOf(form.body);
      const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#884422' } })
        .png()
        .toBuffer();
      const fields = { ...leaveRequestForm, title: 'Atelier photo du conseil', serviceIds: ['dematerialisation-rh'], newActorName: ['', ''], _csrf: csrf };
      const count = async (query: SQL) => Number((await queryRows<{ n: number }>(f.db(), query))[0]!.n);
      const countSheets = () => count(sql`select count(*)::int as n from initiatives where territory_code = ${TRELAZE}`);
      const countActors = () => count(sql`select count(*)::int as n from actors`);
      const before = { sheets: await countSheets(), actors: await countActors() };

      // A refused form (no title, a new actor typed) with a good photo: nothing stored, the photo asked again.
      const refused = await browser.upload(
        '/espace/49353/initiatives',
        { ...fields, title: '', newActorName: ['Imprimerie du Val', ''], photoAlt: 'Les élus autour de la table' },
        { field: 'photo', filename: 'conseil.png', contentType: 'image/png', data: png },
      );
      assert.equal(refused.status, 400, textOf(refused.body).slice(0, 400));
      assert.match(textOf(refused.body), /choisissez-la à nouveau/);
      assert.match(refused.body, /name="photoAlt"[^>]*value="Les élus autour de la table"/);
      // A fake image, the rest right: refused beside the photo field, nothing stored.
      const fake = await browser.upload(
        '/espace/49353/initiatives',
        { ...fields, newActorName: ['Imprimerie du Val', ''], photoAlt: 'x' },
        { field: 'photo', filename: 'conseil.png', contentType: 'image/png', data: Buffer.from('GIF89a pas une image') },
      );
      assert.equal(fake.status, 400, textOf(fake.body).slice(0, 400));
      assert.match(fake.body, /id="champ-photo-erreur"/);
      assert.match(textOf(fake.body), /JPEG, PNG ou WebP/);
      assert.deepEqual({ sheets: await countSheets(), actors: await countActors() }, before);

      const created = await browser.upload(
        '/espace/49353/initiatives',
        { ...fields, photoAlt: 'Les élus autour de la table' },
        { field: 'photo', filename: 'conseil.png', contentType: 'image/png', data: png },
      );
      assert.equal(created.status, 303, textOf(created.body).slice(0, 400));
      const newId = created.location!.split('?')[0]!.split('/').pop()!;
      const sheet = (await f.api('contributor', 'GET', `/api/v1/initiatives/${newId}`)).json();
      assert.equal(sheet.title, 'Atelier photo du conseil');
      assert.equal(sheet.photos.length, 1);
      assert.equal(sheet.photos[0].alt, 'Les élus autour de la table');
      // Without a photo the same form creates the sheet too (the field is optional).
      const plain = await browser.upload(
        '/espace/49353/initiatives',
        { ...fields, title: 'Sans photo', photoAlt: '' },
        { field: 'photo', filename: '', contentType: 'application/octet-stream', data: Buffer.alloc(0) },
      );
      assert.equal(plain.status, 303, textOf(plain.body).slice(0, 400));
      assert.equal(await countSheets(), before.sheets + 2);
    });

    test('the draft is not public yet; publishing shows it on /initiatives/:id and /territoires/49353', async () => {
      assert.equal((await f.browsers.anonymous.get(`/initiatives/${id}`)).status, 404);
      assert.doesNotMatch((await f.browsers.anonymous.get(`/territoires/${TRELAZE}`)).body, /demandes de congés/);
      const form = await f.browsers.contributor.get(editUrl);
      const current = (await f.api('contributor', 'GET', `/api/v1/initiatives/${id}`)).json();
      const published = await f.browsers.contributor.post(editUrl, {
        ...leaveRequestForm,
        serviceIds: ['dematerialisation-rh'],
        newActorName: ['', ''],
        actorIds: current.actorIds,
        intent: 'publish',
        version: String(current.version),
        _csrf: csrfTokenOf(form.body),
      });
      assert.equal(published.status, 303, textOf(published.body).slice(0, 600));
      assert.match(published.location!, /notice=published/);
      const page = await f.browsers.anonymous.get(`/initiatives/${id}`);
      assert.equal(page.status, 200);
      const text = textOf(page.body);
      for (const expected of [
        'Dématérialisation des demandes de congés',
        'Trélazé',
        'Réalisée',
        'Berger-Levrault',
        'Services publics',
        'Dématérialisation des procédures RH des agents',
        '1 200 demandes',
        'Agents',
      ]) {
        assert.ok(text.includes(expected), `missing "${expected}"`);
      }
      assert.match(page.body, /<strong>dématérialisé<\/strong>/, 'the description is rendered Markdown');
      assert.match(page.body, /<img src="\/photos\/[0-9a-f-]+\/vignette" alt="Le formulaire de demande de congés"/);
      const territory = await f.browsers.anonymous.get(`/territoires/${TRELAZE}`);
      assert.match(territory.body, new RegExp(`href="/initiatives/${id}">Dématérialisation des demandes de congés</a>`));
    });

    test('who may open the edit page: the territory’s contributors and referents; others 403, anonymous to the login', async () => {
      const expected: Record<Person, number> = {
        referent: 200,
        contributor: 200,
        contributor2: 200,
        reader: 403,
        leTrait: 403,
        member: 403,
        juror: 403,
        admin: 403,
      };
      for (const [who, status] of Object.entries(expected) as [Person, number][]) {
        assert.equal((await f.browsers[who].get(editUrl)).status, status, `GET edit by ${who}`);
      }
      const anonymous = await f.browsers.anonymous.get(editUrl);
      assert.equal(anonymous.status, 303);
      assert.match(anonymous.location!, /^\/connexion\?retour=/);
    });

    test('a contributor of Le Trait cannot modify it: 403 even with a valid form, nothing changed', async () => {
      const own = await f.browsers.contributor.get(editUrl);
      const token = csrfTokenOf((await f.browsers.leTrait.get('/compte')).body);
      const res = await f.browsers.leTrait.post(editUrl, {
        ...leaveRequestForm,
        title: 'Modifié par Le Trait',
        serviceIds: ['dematerialisation-rh'],
        version: '99',
        _csrf: token,
      });
      assert.equal(res.status, 403);
      const publication = await f.browsers.leTrait.post(`${editUrl}/publication`, { visibility: 'draft', _csrf: token });
      assert.equal(publication.status, 403);
      assert.match((await f.browsers.anonymous.get(`/initiatives/${id}`)).body, /Dématérialisation des demandes de congés/);
      assert.ok(own.status === 200);
    });

    test('two concurrent edits of the description end with one conflict and no lost text', async () => {
      const first = await f.browsers.contributor.get(editUrl);
      const second = await f.browsers.contributor2.get(editUrl);
      const version = /name="version" value="(\d+)"/.exec(first.body)![1]!;
      const base = {
        ...leaveRequestForm,
        serviceIds: ['dematerialisation-rh'],
        newActorName: ['', ''],
        actorIds: (await f.api('contributor', 'GET', `/api/v1/initiatives/${id}`)).json().actorIds,
        version,
      };
      const saved = await f.browsers.contributor.post(editUrl, { ...base, description: 'Texte de la contributrice.', _csrf: csrfTokenOf(first.body) });
      assert.equal(saved.status, 303);
      const conflict = await f.browsers.contributor2.post(editUrl, {
        ...base,
        description: 'Texte du second contributeur.',
        summary: 'Résumé revu par le second contributeur.',
        _csrf: csrfTokenOf(second.body),
      });
      assert.equal(conflict.status, 409);
      const text = textOf(conflict.body);
      assert.match(text, /Quelqu’un a modifié cette fiche/);
      assert.match(text, /Texte de la contributrice\./, 'their version is shown');
      assert.match(conflict.body, /Texte du second contributeur\./, 'my version is kept in the field');
      assert.match(conflict.body, /Résumé revu par le second contributeur\./, 'my one-sided change is kept');
      // Nothing was overwritten yet.
      assert.equal((await f.api('anonymous', 'GET', `/api/v1/initiatives/${id}`)).json().description, 'Texte de la contributrice.');
      // The person merges by hand and saves on the current version.
      const current = /name="version" value="(\d+)"/.exec(conflict.body)![1]!;
      assert.notEqual(current, version);
      const merged = await f.browsers.contributor2.post(editUrl, {
        ...base,
        version: current,
        description: 'Texte de la contributrice.\n\nTexte du second contributeur.',
        summary: 'Résumé revu par le second contributeur.',
        _csrf: csrfTokenOf(conflict.body),
      });
      assert.equal(merged.status, 303, textOf(merged.body).slice(0, 500));
      const final = (await f.api('anonymous', 'GET', `/api/v1/initiatives/${id}`)).json();
      assert.equal(final.description, 'Texte de la contributrice.\n\nTexte du second contributeur.');
      assert.equal(final.summary, 'Résumé revu par le second contributeur.');
    });

    test('edits of different fields made at the same time are merged without asking', async () => {
      const first = await f.browsers.contributor.get(editUrl);
      const second = await f.browsers.referent.get(editUrl);
      const current = (await f.api('anonymous', 'GET', `/api/v1/initiatives/${id}`)).json();
      const base = {
        ...leaveRequestForm,
        serviceIds: ['dematerialisation-rh'],
        newActorName: ['', ''],
        actorIds: current.actorIds,
        description: current.description,
        summary: current.summary,
        version: String(current.version),
      };
      assert.equal((await f.browsers.contributor.post(editUrl, { ...base, title: 'Congés dématérialisés', _csrf: csrfTokenOf(first.body) })).status, 303);
      assert.equal(
        (await f.browsers.referent.post(editUrl, { ...base, contactName: 'Direction des ressources humaines', _csrf: csrfTokenOf(second.body) })).status,
        303,
      );
      const final = (await f.api('anonymous', 'GET', `/api/v1/initiatives/${id}`)).json();
      assert.equal(final.title, 'Congés dématérialisés');
      assert.equal(final.contactName, 'Direction des ressources humaines');
    });

    test('script tags, javascript: links, event handlers and HTML in text fields render inert', async () => {
      const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
      const res = await f.api('contributor', 'POST', '/api/v1/initiatives', {
        ...LEAVE_REQUESTS,
        title: `Titre ${evil}`,
        summary: `Résumé ${evil}`,
        description: `${evil}\n\n[clic](javascript:alert(3)) <a href="javascript:alert(4)" onclick="alert(5)">x</a> <iframe src="https://evil.example"></iframe>`,
        contactName: evil,
        indicators: [{ label: evil, value: 1, unit: '<b>t</b>' }],
        links: [{ label: evil, url: 'https://example.org/?q=<script>' }],
        visibility: 'public',
      });
      assert.equal(res.status, 201, res.body);
      const page = await f.browsers.anonymous.get(`/initiatives/${res.json().id}`);
      assert.equal(page.status, 200);
      assert.doesNotMatch(page.body, /<script>alert/);
      assert.doesNotMatch(page.body, /<img[^>]*onerror/i);
      assert.doesNotMatch(page.body, /<[a-z][^>]*\son\w+=/i, 'no event-handler attribute in any tag');
      assert.doesNotMatch(page.body, /<a[^>]*href="\s*javascript:/i, 'no javascript: link in any tag');
      assert.doesNotMatch(page.body, /<iframe/i);
      assert.match(page.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/, 'the text is shown, escaped');
      const territory = await f.browsers.anonymous.get(`/territoires/${TRELAZE}`);
      assert.doesNotMatch(territory.body, /<script>alert/);
      const javascriptLink = await f.api('contributor', 'POST', '/api/v1/initiatives', {
        ...LEAVE_REQUESTS,
        links: [{ label: 'x', url: 'javascript:alert(1)' }],
      });
      assert.equal(javascriptLink.status, 400);
    });

    test('form errors are shown next to the fields and nothing is saved', async () => {
      const before = (await f.api('contributor', 'GET', `/api/v1/initiatives/${id}`)).json();
      const res = await f.browsers.contributor.submit(
        editUrl,
        {
          title: '',
          startDate: '2024-05-01',
          endDate: '2024-04-01',
          serviceIds: [],
          indicatorLabel: ['Tonnes recyclées', ''],
          indicatorValue: ['beaucoup', ''],
        },
        { action: editUrl },
      );
      assert.equal(res.status, 400);
      assert.match(res.body, /id="champ-title-erreur"/);
      assert.match(res.body, /id="champ-endDate-erreur"/);
      assert.match(res.body, /href="#champ-serviceIds"/);
      assert.match(res.body, /id="champ-indicators.0.value-erreur"/);
      assert.match(res.body, /value="Tonnes recyclées"/, 'what was typed comes back');
      const after = (await f.api('contributor', 'GET', `/api/v1/initiatives/${id}`)).json();
      assert.deepEqual(after, before);
    });

    test('the workspace lists the sheets by theme and the themes still missing', async () => {
      const page = await f.browsers.reader.get(`/espace/${TRELAZE}`);
      assert.equal(page.status, 200);
      const text = textOf(page.body);
      assert.match(text, /Congés dématérialisés/);
      assert.match(text, /Services publics : \d+ fiche/);
      assert.match(text, /Enjeux sans fiche/);
      assert.match(text, /Éducation/);
      // A theme without a sheet is named once, where it is missing, not again in a second list.
      assert.equal(page.body.match(/>Éducation</g)?.length ?? 0, 1, 'a missing theme is listed once');
      assert.doesNotMatch(page.body, /Nouvelle fiche/, 'a reader cannot create');
      assert.equal((await f.browsers.leTrait.get(`/espace/${TRELAZE}`)).status, 403);
      assert.equal((await f.browsers.leTrait.get(`/espace/${TRELAZE}/initiatives/nouvelle`)).status, 403);
      assert.equal((await f.browsers.reader.get(`/espace/${TRELAZE}/initiatives/nouvelle`)).status, 403);
    });

    test('an admin unpublishes with a reason, which the territory sees; the deleted sheets list restores', async () => {
      const moderated = await f.browsers.admin.submit(
        `/initiatives/${id}`,
        { reason: 'Photo sans autorisation de la personne représentée.' },
        { action: `/initiatives/${id}/moderation` },
      );
      assert.equal(moderated.status, 303);
      assert.equal((await f.browsers.anonymous.get(`/initiatives/${id}`)).status, 404);
      const space = textOf((await f.browsers.contributor.get(`/espace/${TRELAZE}`)).body);
      assert.match(space, /Photo sans autorisation de la personne représentée\./);
      const email = await latestEmailTo(f.db(), PEOPLE.contributor.email);
      assert.match(email!.subject, /dépubliée/);
      assert.match(email!.body, /Photo sans autorisation de la personne représentée\./);
      assert.equal(await latestEmailTo(f.db(), PEOPLE.reader.email), undefined, 'readers are not written to');
      assert.equal(await latestEmailTo(f.db(), PEOPLE.leTrait.email), undefined, 'nor other territories');
      assert.equal((await f.browsers.contributor.get('/admin/initiatives')).status, 403);
      const del = await f.browsers.contributor.submit(`${editUrl}/supprimer`, {});
      assert.equal(del.status, 303);
      const list = await f.browsers.admin.get('/admin/initiatives');
      assert.match(list.body, /Congés dématérialisés/);
      const restored = await f.browsers.admin.submit('/admin/initiatives', {}, { action: `/initiatives/${id}/restauration` });
      assert.equal(restored.status, 303);
      const notice = textOf((await f.browsers.admin.follow(restored)).body);
      assert.match(notice, /Fiche « Congés dématérialisés » restaurée/, 'the notice names the sheet by its title');
      assert.doesNotMatch(notice, new RegExp(id), 'not by its id');
      assert.equal((await f.browsers.contributor.get(editUrl)).status, 200);
    });
  });
}
