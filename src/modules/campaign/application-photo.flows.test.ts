import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { csrfTokenOf, textOf, type TestBrowser } from '../../../test/support/http-client.ts';
import { initiativesFixture, LEAVE_REQUESTS, TRELAZE, type Person } from '../../../test/support/initiatives-fixture.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { queryRows } from '../../platform/db/database.ts';
import { getCurrentReferentialVersion } from '../referential/referential.service.ts';
import { DEFAULT_QUESTIONNAIRES, INTERVIEW_QUESTIONS } from './default-questionnaires.data.ts';
import { campaignMessages } from './messages.ts';
import { completeAnswers, openEditionForApplications } from '../../../test/support/campaign-fixture.ts';

const YEAR = 2027;
const path = `/espace/${TRELAZE}/candidature/${YEAR}`;
const m = campaignMessages.page.photo;

/** A photo of one colour, as a phone would send it (with EXIF). */
const photoOf = (background: string, format: 'png' | 'jpeg') => {
  const image = sharp({ create: { width: 320, height: 240, channels: 3, background } }).withExif({ IFD0: { Make: 'Téléphone' } });
  return (format === 'png' ? image.png() : image.jpeg()).toBuffer();
};

for (const driver of drivers) {
  describe(`the interview's photo in the dossier (${driver})`, () => {
    const f = initiativesFixture(driver);
    let id: string;
    let red: Buffer;
    let blue: Buffer;

    /** A GET with the person's session, the body as bytes. */
    async function getBytes(who: Person, url: string) {
      const cookie = [...f.browsers[who].cookies.values()].map((c) => `${c.name}=${c.value}`).join('; ');
      const res = await f.server.app.inject({ method: 'GET', url, headers: { cookie } });
      return { status: res.statusCode, type: String(res.headers['content-type']), cache: String(res.headers['cache-control']), bytes: res.rawPayload };
    }

    /** The photo form of the dossier page posted as a browser does, with the person's CSRF token. */
    async function upload(who: Person, fields: Record<string, string>, file: { data: Buffer; filename?: string; contentType?: string }) {
      const browser: TestBrowser = f.browsers[who];
      const csrf = csrfTokenOf((await browser.get('/compte')).body);
      return browser.upload(
        `${path}/photo`,
        { _csrf: csrf, ...fields },
        {
          field: 'photo',
          filename: file.filename ?? 'photo.png',
          contentType: file.contentType ?? 'image/png',
          data: file.data,
        },
      );
    }
    async function remove(who: Person) {
      const csrf = csrfTokenOf((await f.browsers[who].get('/compte')).body);
      return f.browsers[who].post(`${path}/photo/supprimer`, { _csrf: csrf });
    }

    const stored = async () =>
      queryRows<{ alt: string; content_type: string; data: Uint8Array }>(
        f.db(),
        sql`select alt, content_type, data from application_photos where application_id = ${id}`,
      );
    const versionOf = async () => (await queryRows<{ version: number }>(f.db(), sql`select version from applications where id = ${id}`))[0]!.version;
    const photoEvents = async () =>
      (await queryRows<{ kind: string }>(f.db(), sql`select kind from application_events where application_id = ${id} and kind like 'photo%' order by id`)).map(
        (e) => e.kind,
      );

    before(async () => {
      const db = f.db();
      const version = await getCurrentReferentialVersion(db);
      await openEditionForApplications(db, YEAR, version);
      const sheet = await f.api('contributor', 'POST', '/api/v1/initiatives', { ...LEAVE_REQUESTS, status: 'in_progress', endDate: null });
      assert.equal(sheet.status, 201, sheet.body);
      const started = await f.api('contributor', 'POST', `/api/v1/editions/${YEAR}/applications`, { territoryCode: TRELAZE });
      assert.equal(started.status, 201, started.body);
      id = started.json().id;
      const filled = await f.api('contributor', 'PATCH', `/api/v1/applications/${id}`, {
        version: 1,
        initiativeIds: [sheet.json().id],
        answers: completeAnswers(DEFAULT_QUESTIONNAIRES.ville),
        interview: { answers: completeAnswers(INTERVIEW_QUESTIONS), consent: true },
        contacts: { elected: { name: 'Marc Goua', role: 'Maire' }, agent: { name: 'Julie Martin', email: 'j.martin@trelaze.example.fr' } },
      });
      assert.equal(filled.status, 200, filled.body);
      red = await photoOf('#cc0000', 'png');
      blue = await photoOf('#0000cc', 'jpeg');
    });

    test('a contributor adds the photo with its description: stored as a clean JPEG, shown with its alt, listed in the history', async () => {
      const page = await f.browsers.contributor.get(path);
      assert.match(
        page.body,
        new RegExp(`<form[^>]*action="${path}/photo"[^>]*enctype="multipart/form-data"|<form[^>]*enctype="multipart/form-data"[^>]*action="${path}/photo"`),
      );
      assert.match(page.body, /<input type="file" id="champ-photo" name="photo" form="photo-entretien"/);
      const before = await versionOf();

      const res = await upload('contributor', { photoAlt: '  Le maire devant la médiathèque  ' }, { data: red });
      assert.equal(res.status, 303, res.body);
      assert.equal(res.location, `${path}?ok=photo#titre-photo`);
      const [row] = await stored();
      assert.equal(row?.alt, 'Le maire devant la médiathèque');
      assert.equal(row?.content_type, 'image/jpeg');
      const meta = await sharp(Buffer.from(row!.data)).metadata();
      assert.equal(meta.format, 'jpeg', 'kept as JPEG, which the PDF embeds');
      assert.equal(meta.exif, undefined, 'metadata stripped');
      assert.equal(await versionOf(), before + 1, 'a forms opened before merges with it');
      assert.deepEqual(await photoEvents(), ['photo_added']);

      const shown = await f.browsers.reader.get(`${path}?ok=photo`);
      assert.match(shown.body, new RegExp(`<img src="${path}/photo-vignette.jpg" alt="Le maire devant la médiathèque"`));
      assert.ok(textOf(shown.body).includes('Photo de l’entretien ajoutée'), 'the history says it');
      for (const file of ['photo.jpg', 'photo-vignette.jpg']) {
        const image = await getBytes('reader', `${path}/${file}`);
        assert.equal(image.status, 200);
        assert.equal(image.type, 'image/jpeg');
        assert.equal(image.cache, 'private, no-store');
        assert.deepEqual([...image.bytes.subarray(0, 3)], [0xff, 0xd8, 0xff]);
      }
    });

    test('a reader cannot add nor remove it (403) and nothing changes; another territory’s member finds nothing (404)', async () => {
      const [first] = await stored();
      const version = await versionOf();
      assert.equal((await upload('reader', { photoAlt: 'Autre' }, { data: blue, contentType: 'image/jpeg', filename: 'b.jpg' })).status, 403);
      assert.equal((await remove('reader')).status, 403);
      assert.equal((await f.browsers.reader.get(path)).body.includes('form="photo-entretien"'), false, 'no photo form for a reader');
      for (const res of [await upload('leTrait', { photoAlt: 'Autre' }, { data: blue }), await remove('leTrait')]) assert.equal(res.status, 404);
      assert.equal((await getBytes('leTrait', `${path}/photo.jpg`)).status, 404);
      assert.equal((await getBytes('juror', `${path}/photo.jpg`)).status, 404);
      assert.notEqual((await getBytes('anonymous' as Person, `${path}/photo.jpg`)).status, 200);
      assert.deepEqual(await stored(), [first]);
      assert.equal(await versionOf(), version);
    });

    test('a file that is no image or too large, or a photo without its description, is refused beside its field and nothing is stored', async () => {
      const [first] = await stored();
      const version = await versionOf();

      const notImage = await upload('contributor', { photoAlt: 'Un tableau' }, { data: Buffer.from('a,b\n1,2\n'), filename: 'budget.png' });
      assert.equal(notImage.status, 415);
      assert.match(notImage.body, /<p class="field__error" id="champ-photo-erreur">Ce fichier n(?:'|’)est pas une photo au format JPEG, PNG ou WebP/);
      assert.match(notImage.body, /value="Un tableau"/, 'the description typed comes back');

      const tooBig = await upload('contributor', { photoAlt: 'Trop lourde' }, { data: Buffer.concat([red, Buffer.alloc(5 * 1024 * 1024)]) });
      assert.equal(tooBig.status, 413);
      assert.match(tooBig.body, /<p class="field__error" id="champ-photo-erreur">La photo dépasse 5 Mo/);

      const noAlt = await upload('contributor', { photoAlt: '   ' }, { data: blue, contentType: 'image/jpeg' });
      assert.equal(noAlt.status, 400);
      assert.match(noAlt.body, /<p class="field__error" id="champ-photoAlt-erreur">Décrivez la photo/);
      assert.match(noAlt.body, /href="#champ-photoAlt"/, 'the error summary links to the field');

      const nothing = await upload('contributor', {}, { data: Buffer.alloc(0), filename: '' });
      assert.equal(nothing.status, 400);
      assert.ok(nothing.body.includes(`id="champ-photo-erreur">${m.fileRequired}`), 'no file chosen: said beside the file');
      assert.ok(nothing.body.includes('id="champ-photoAlt-erreur"'), 'and the description, at once');

      assert.deepEqual(await stored(), [first]);
      assert.equal(await versionOf(), version);
      assert.deepEqual(await photoEvents(), ['photo_added']);
    });

    test('a submitted dossier refuses the photo (409); once reopened and the photo replaced, the snapshot keeps the first one', async () => {
      const [first] = await stored();
      // Submitted with the page's form, as the referent does (its CSRF token kept through the body's validation).
      const submitted = await f.browsers.referent.submit(path, {}, { action: `${path}/deposer` });
      assert.equal(submitted.status, 303, submitted.body);
      assert.equal((await upload('contributor', { photoAlt: 'Une autre photo' }, { data: blue, contentType: 'image/jpeg' })).status, 409);
      assert.equal((await remove('contributor')).status, 409);
      assert.deepEqual(await stored(), [first]);

      const adminList = `/admin/editions/${YEAR}/candidatures`;
      const reopened = await f.browsers.admin.submit(adminList, { reason: 'Ajoutez la délibération.' }, { action: `${adminList}/${id}/rouvrir` });
      assert.equal(reopened.status, 303, reopened.body);
      const replaced = await upload('contributor', { photoAlt: 'L’équipe du numérique' }, { data: blue, contentType: 'image/jpeg', filename: 'b.jpg' });
      assert.equal(replaced.status, 303, replaced.body);
      const [now] = await stored();
      assert.equal(now?.alt, 'L’équipe du numérique');
      assert.notDeepEqual(Buffer.from(now!.data), Buffer.from(first!.data));
      assert.deepEqual(await photoEvents(), ['photo_added', 'photo_replaced']);

      const [frozen] = await queryRows<{ alt: string; data: Uint8Array }>(
        f.db(),
        sql`select p.alt, p.data from application_snapshot_photos p join application_snapshots s on s.id = p.snapshot_id where s.application_id = ${id}`,
      );
      assert.equal(frozen?.alt, 'Le maire devant la médiathèque');
      assert.deepEqual(Buffer.from(frozen!.data), Buffer.from(first!.data), 'the jury reads the photo submitted');
      const stats = await sharp(Buffer.from(frozen!.data)).stats();
      assert.ok(stats.channels[0]!.mean > stats.channels[2]!.mean, 'still the red one');

      const snapshot = await f.api('referent', 'GET', `/api/v1/applications/${id}/snapshot`);
      assert.equal(snapshot.status, 200);
      assert.deepEqual(snapshot.json().content.interview.photo, { alt: 'Le maire devant la médiathèque', width: 320, height: 240 });
      assert.doesNotMatch(snapshot.body, /"data"/, 'no bytes in the JSON');

      const pdf = await getBytes('reader', `${path}/dossier.pdf`);
      assert.equal(pdf.status, 200);
      assert.match(pdf.bytes.toString('latin1'), /\/Subtype \/Image/, 'the PDF embeds the photo');

      // Removing it now leaves the snapshot's.
      assert.equal((await remove('contributor')).status, 303);
      assert.deepEqual(await stored(), []);
      assert.equal((await getBytes('contributor', `${path}/photo.jpg`)).status, 404);
      assert.equal((await queryRows(f.db(), sql`select 1 from application_snapshot_photos`)).length, 1);
    });
  });
}
