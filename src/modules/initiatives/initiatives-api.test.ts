import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { count, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { LEAVE_REQUESTS, LE_TRAIT, TRELAZE, initiativesFixture, type Person } from '../../../test/support/initiatives-fixture.ts';
import { ForbiddenError, NotFoundError, SignInRequiredError } from '../../platform/errors.ts';
import type { Person as PersonCaller } from '../accounts/permissions.rules.ts';
import { deleteInitiative, moderateInitiative, restoreInitiative, setVisibility } from './publication.service.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { listRevisions } from './revisions.service.ts';
import { initiatives } from './schema.ts';

for (const driver of drivers) {
  describe(`initiatives API (${driver})`, () => {
    const f = initiativesFixture(driver);
    const countInitiatives = async () => (await f.db().select({ n: count() }).from(initiatives))[0]!.n;

    let id: string;
    test('a contributor of Trélazé creates the leave-request sheet: 201, a draft, version 1', async () => {
      const res = await f.api('contributor', 'POST', '/api/v1/initiatives', LEAVE_REQUESTS);
      assert.equal(res.status, 201, res.body);
      const body = res.json();
      id = body.id;
      assert.equal(res.headers.location, `/api/v1/initiatives/${id}`);
      assert.equal(body.visibility, 'draft');
      assert.equal(body.version, 1);
      assert.equal(body.territory.name, 'Trélazé');
      assert.deepEqual(body.serviceIds, ['dematerialisation-rh']);
      assert.equal(body.services[0].theme.id, 'services-publics');
      assert.equal(body.services[0].axis.id, 'democratie-services-publics');
      assert.deepEqual(body.indicators, LEAVE_REQUESTS.indicators);
    });

    test('a draft is seen by the territory and admins only; others get 404, not its title', async () => {
      const expected: Record<Person | 'anonymous', number> = {
        referent: 200,
        contributor: 200,
        contributor2: 200,
        reader: 200,
        admin: 200,
        leTrait: 404,
        member: 404,
        juror: 404,
        anonymous: 404,
      };
      for (const [who, status] of Object.entries(expected) as [Person | 'anonymous', number][]) {
        const res = await f.api(who, 'GET', `/api/v1/initiatives/${id}`);
        assert.equal(res.status, status, `${who}: ${res.status}`);
        if (status === 404) assert.doesNotMatch(res.body, /congés/);
      }
    });

    test('publishing needs the current version; then everyone reads it', async () => {
      const missing = await f.api('contributor', 'PATCH', `/api/v1/initiatives/${id}`, { visibility: 'public' });
      assert.equal(missing.status, 400);
      assert.equal(missing.json().field, 'version');
      const res = await f.api('contributor', 'PATCH', `/api/v1/initiatives/${id}`, { visibility: 'public', version: 1 });
      assert.equal(res.status, 200, res.body);
      assert.equal(res.json().visibility, 'public');
      assert.equal(res.json().version, 2);
      assert.equal(res.headers.etag, '"2"');
      const anonymous = await f.api('anonymous', 'GET', `/api/v1/initiatives/${id}`);
      assert.equal(anonymous.status, 200);
      assert.ok(anonymous.json().publishedAt);
    });

    test('who may modify or delete a public sheet: its referents and contributors; 403 for the others, 401 anonymous', async () => {
      const expected: Record<Exclude<Person, 'contributor' | 'referent' | 'contributor2'> | 'anonymous', number> = {
        reader: 403,
        leTrait: 403,
        member: 403,
        juror: 403,
        admin: 403,
        anonymous: 401,
      };
      const before = (await f.api('admin', 'GET', `/api/v1/initiatives/${id}`)).json();
      for (const [who, status] of Object.entries(expected) as [Person | 'anonymous', number][]) {
        const patch = await f.api(who, 'PATCH', `/api/v1/initiatives/${id}`, { title: 'Piraté', version: before.version });
        assert.equal(patch.status, status, `PATCH by ${who}: ${patch.status}`);
        const del = await f.api(who, 'DELETE', `/api/v1/initiatives/${id}`);
        assert.equal(del.status, status, `DELETE by ${who}: ${del.status}`);
      }
      const after = (await f.api('admin', 'GET', `/api/v1/initiatives/${id}`)).json();
      assert.deepEqual(after, before, 'nothing changed');
    });

    test('a PATCH on a stale version answers 409 and overwrites nothing; If-Match works too', async () => {
      const first = await f.api('contributor', 'PATCH', `/api/v1/initiatives/${id}`, { summary: 'Version de la contributrice.' }, { 'if-match': '"2"' });
      assert.equal(first.status, 200, first.body);
      assert.equal(first.json().version, 3);
      const stale = await f.api('contributor2', 'PATCH', `/api/v1/initiatives/${id}`, { summary: 'Version du contributeur.', version: 2 });
      assert.equal(stale.status, 409);
      assert.equal(stale.json().error, 'conflict');
      assert.equal(stale.json().field, 'version');
      const now = (await f.api('anonymous', 'GET', `/api/v1/initiatives/${id}`)).json();
      assert.equal(now.summary, 'Version de la contributrice.');
      assert.equal(now.version, 3);
    });

    test('a PATCH changes the fields it names and keeps the others', async () => {
      const before = (await f.api('contributor', 'GET', `/api/v1/initiatives/${id}`)).json();
      const res = await f.api('contributor', 'PATCH', `/api/v1/initiatives/${id}`, { contactName: 'Service RH', version: before.version });
      assert.equal(res.status, 200, res.body);
      const after = res.json();
      assert.equal(after.contactName, 'Service RH');
      for (const field of [
        'title',
        'summary',
        'description',
        'serviceIds',
        'actorIds',
        'audiences',
        'indicators',
        'links',
        'responsibleDigital',
        'startDate',
        'endDate',
        'status',
      ]) {
        assert.deepEqual(after[field], before[field], field);
      }
      const undo = await f.api('contributor', 'PATCH', `/api/v1/initiatives/${id}`, { contactName: null, version: after.version });
      assert.equal(undo.status, 200, undo.body);
      assert.equal(undo.json().contactName, null);
    });

    test('line breaks sent as \\r\\n are the same text: no change recorded', async () => {
      const before = (await f.api('contributor', 'GET', `/api/v1/initiatives/${id}`)).json();
      const res = await f.api('contributor', 'PATCH', `/api/v1/initiatives/${id}`, {
        description: before.description.replace(/\n/g, '\r\n'),
        version: before.version,
      });
      assert.equal(res.status, 200);
      assert.equal(res.json().version, before.version, `no new version: ${JSON.stringify((await listRevisions(f.db(), id))[0])}`);
    });

    test('bad input is refused with 400 naming the field, and nothing is saved', async () => {
      const before = await countInitiatives();
      const cases: [string, Record<string, unknown>][] = [
        ['title', { title: '   ' }],
        ['serviceIds', { serviceIds: [] }],
        ['serviceIds', { serviceIds: ['service-qui-n-existe-pas'] }],
        ['endDate', { startDate: '2024-05-01', endDate: '2024-04-30' }],
        ['startDate', { startDate: '31/12/2024' }],
        ['actorIds', { actorIds: ['0b7c6a52-5d7e-4a8e-9f61-2f2b7a1d9c00'] }],
        ['actorIds.0', { actorIds: ['pas-un-identifiant'] }],
        ['links.0.url', { links: [{ label: 'x', url: 'javascript:alert(1)' }] }],
        ['status', { status: 'fini' }],
        ['territoryCode', { territoryCode: '99999' }],
        ['indicators.0.value', { indicators: [{ label: 'Tonnes', value: 'beaucoup', unit: 't' }] }],
      ];
      for (const [field, change] of cases) {
        const res = await f.api('contributor', 'POST', '/api/v1/initiatives', { ...LEAVE_REQUESTS, ...change });
        assert.equal(res.status, 400, `${field}: ${res.status} ${res.body}`);
        assert.equal(res.json().field, field, res.body);
        assert.match(res.json().message, /[a-zé]/);
      }
      assert.equal(await countInitiatives(), before);
      const version = (await f.api('anonymous', 'GET', `/api/v1/initiatives/${id}`)).json().version;
      const patch = await f.api('contributor', 'PATCH', `/api/v1/initiatives/${id}`, { endDate: '2020-01-01', version });
      assert.equal(patch.status, 400);
      assert.equal(patch.json().field, 'endDate');
      assert.equal((await f.api('anonymous', 'GET', `/api/v1/initiatives/${id}`)).json().version, version);
    });

    test('a contributor of Le Trait cannot create a sheet for Trélazé', async () => {
      const res = await f.api('leTrait', 'POST', '/api/v1/initiatives', LEAVE_REQUESTS);
      assert.equal(res.status, 403);
      const own = await f.api('leTrait', 'POST', '/api/v1/initiatives', { ...LEAVE_REQUESTS, territoryCode: LE_TRAIT, title: 'Congés en ligne au Trait' });
      assert.equal(own.status, 201, own.body);
    });

    test('photos: a real image is resized and stored; a fake one gets 415, an oversized one 413, naming the field', async () => {
      const jpeg = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#2a6' } })
        .jpeg()
        .toBuffer();
      const post = async (data: Buffer, filename: string, who: Person = 'contributor') => {
        const boundary = '----arobasetest';
        const body = Buffer.concat([
          Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="alt"\r\n\r\nL’écran de demande de congés\r\n`),
          Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="photo"; filename="${filename}"\r\ncontent-type: image/jpeg\r\n\r\n`),
          data,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]);
        return f.browsers.anonymous.request('POST', `/api/v1/initiatives/${id}/photos`, body, {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          authorization: `Bearer ${f.tokens[who]}`,
        });
      };
      const ok = await post(jpeg, 'ecran.jpg');
      assert.equal(ok.status, 201, ok.body);
      const photo = ok.json().photos[0];
      assert.equal(photo.width, 1600);
      assert.equal(photo.alt, 'L’écran de demande de congés');
      const file = await f.browsers.anonymous.get(photo.url);
      assert.equal(file.status, 200);
      const fake = await post(Buffer.from('<html><script>alert(1)</script></html>'), 'photo.jpg');
      assert.equal(fake.status, 415, fake.body);
      assert.equal(fake.json().field, 'photo');
      const huge = await post(Buffer.alloc(6 * 1024 * 1024, 0xff), 'enorme.jpg');
      assert.equal(huge.status, 413, huge.body);
      assert.equal(huge.json().field, 'photo');
      const intruder = await post(jpeg, 'ecran.jpg', 'leTrait');
      assert.equal(intruder.status, 403);
      assert.equal((await f.api('anonymous', 'GET', `/api/v1/initiatives/${id}`)).json().photos.length, 1);
    });

    test('the history says who changed which fields', async () => {
      const revisions = await listRevisions(f.db(), id);
      assert.deepEqual(revisions.map((r) => r.event).reverse(), ['created', 'published', 'edited', 'edited', 'edited', 'photo_added']);
      assert.deepEqual(
        revisions
          .filter((r) => r.event === 'edited')
          .map((r) => r.changedFields)
          .reverse(),
        [['summary'], ['contactName'], ['contactName']],
      );
      const edit = revisions.find((r) => r.event === 'edited')!;
      assert.equal(edit.by, 'contributrice@trelaze.example.fr');
    });

    test('DELETE is soft: the sheet disappears, an admin restores it as a draft', async () => {
      const del = await f.api('contributor', 'DELETE', `/api/v1/initiatives/${id}`);
      assert.equal(del.status, 204);
      assert.equal((await f.api('anonymous', 'GET', `/api/v1/initiatives/${id}`)).status, 404);
      assert.equal((await f.api('contributor', 'GET', `/api/v1/initiatives/${id}`)).status, 404);
      const [row] = await f.db().select().from(initiatives).where(eq(initiatives.id, id));
      assert.ok(row!.deletedAt, 'the row is kept');
      const refused = await f.browsers.contributor.submit(`/initiatives/${id}`, {}).catch((e: Error) => e);
      assert.ok(refused instanceof Error, 'no restore form for a contributor');
      const restore = await f.browsers.admin.submit(`/initiatives/${id}`, {}, { action: `/initiatives/${id}/restauration` });
      assert.equal(restore.status, 303);
      const back = await f.api('contributor', 'GET', `/api/v1/initiatives/${id}`);
      assert.equal(back.status, 200);
      assert.equal(back.json().visibility, 'draft');
    });

    test('the state services check their declared action themselves, on the locked row', async () => {
      const member = (who: 'reader' | 'contributor' | 'referent', territoryCode = TRELAZE): PersonCaller => ({
        id: f.ids[who],
        role: 'member',
        memberships: [{ territoryCode, role: who }],
      });
      const versionOf = async () => (await f.db().select({ v: initiatives.version }).from(initiatives).where(eq(initiatives.id, id)))[0]!.v;
      const before = await versionOf();
      // The reader sees the draft but may not publish or delete it; Le Trait does not see it at all.
      await assert.rejects(setVisibility(f.db(), member('reader'), id, 'public'), ForbiddenError);
      await assert.rejects(deleteInitiative(f.db(), member('reader'), id), ForbiddenError);
      await assert.rejects(
        setVisibility(f.db(), { id: f.ids.leTrait, role: 'member', memberships: [{ territoryCode: LE_TRAIT, role: 'contributor' }] }, id, 'public'),
        NotFoundError,
      );
      await assert.rejects(restoreInitiative(f.db(), member('contributor'), id), ForbiddenError);
      await assert.rejects(moderateInitiative(f.db(), member('referent'), 'http://localhost', id, { reason: 'Hors sujet.' }), ForbiddenError);
      await assert.rejects(restoreInitiative(f.db(), null, id), SignInRequiredError);
      assert.equal(await versionOf(), before, 'nothing written');
      // Its contributor may: unpublishing a draft changes nothing, and is allowed.
      assert.equal((await setVisibility(f.db(), member('contributor'), id, 'draft')).version, before);
    });

    test('unknown or malformed ids: 404 and 400 in French', async () => {
      const unknown = await f.api('anonymous', 'GET', '/api/v1/initiatives/0b7c6a52-5d7e-4a8e-9f61-2f2b7a1d9c00');
      assert.equal(unknown.status, 404);
      assert.match(unknown.json().message, /introuvable/);
      const bad = await f.api('anonymous', 'GET', '/api/v1/initiatives/abc');
      assert.equal(bad.status, 400);
      assert.equal(bad.json().field, 'id');
    });
  });
}
