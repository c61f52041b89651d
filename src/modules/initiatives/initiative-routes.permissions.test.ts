import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import sharp from 'sharp';
import { csrfTokenOf } from '../../../test/support/http-client.ts';
import { LEAVE_REQUESTS, TRELAZE, initiativesFixture, type Person } from '../../../test/support/initiatives-fixture.ts';
import { drivers } from '../../../test/support/test-database.ts';

type Who = Person | 'anonymous';
const EVERYONE: Who[] = ['referent', 'contributor', 'contributor2', 'reader', 'leTrait', 'member', 'juror', 'admin', 'anonymous'];

/**
 * Every route of the initiatives module, asked by every kind of person: the status each gets.
 * Refused writes must change nothing, which the last test checks through the sheet’s version.
 */
for (const driver of drivers) {
  describe(`initiative routes × roles (${driver})`, () => {
    const f = initiativesFixture(driver);
    let draft: string;
    let published: string;
    let photo: string;

    /** A CSRF token for the person (anonymous visitors get one from any form page). */
    const tokenOf = async (who: Who) => csrfTokenOf((await f.browsers[who].get(who === 'anonymous' ? '/connexion' : '/compte')).body);

    test('setup: a draft and a public sheet of Trélazé, with a photo', async () => {
      draft = (await f.api('contributor', 'POST', '/api/v1/initiatives', { ...LEAVE_REQUESTS, title: 'Brouillon' })).json().id;
      published = (await f.api('contributor', 'POST', '/api/v1/initiatives', { ...LEAVE_REQUESTS, visibility: 'public' })).json().id;
      const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#000' } })
        .png()
        .toBuffer();
      const page = await f.browsers.contributor.get(`/espace/${TRELAZE}/initiatives/${draft}`);
      const res = await f.browsers.contributor.upload(
        `/espace/${TRELAZE}/initiatives/${draft}/photos`,
        { _csrf: csrfTokenOf(page.body), alt: 'x' },
        { field: 'photo', filename: 'x.png', contentType: 'image/png', data: png },
      );
      assert.equal(res.status, 303);
      photo = (await f.api('contributor', 'GET', `/api/v1/initiatives/${draft}`)).json().photos[0].id;
    });

    const gets: [string, () => string, Partial<Record<Who, number>>][] = [
      ['workspace of Trélazé', () => `/espace/${TRELAZE}`, { referent: 200, contributor: 200, contributor2: 200, reader: 200, admin: 200 }],
      ['creation form', () => `/espace/${TRELAZE}/initiatives/nouvelle`, { referent: 200, contributor: 200, contributor2: 200 }],
      [
        'edit form of a draft',
        () => `/espace/${TRELAZE}/initiatives/${draft}`,
        { referent: 200, contributor: 200, contributor2: 200, leTrait: 404, member: 404, juror: 404 },
      ],
      ['edit form of a public sheet', () => `/espace/${TRELAZE}/initiatives/${published}`, { referent: 200, contributor: 200, contributor2: 200 }],
      ['delete confirmation', () => `/espace/${TRELAZE}/initiatives/${published}/supprimer`, { referent: 200, contributor: 200, contributor2: 200 }],
      [
        'public page of a draft',
        () => `/initiatives/${draft}`,
        { referent: 200, contributor: 200, contributor2: 200, reader: 200, admin: 200, leTrait: 404, member: 404, juror: 404, anonymous: 404 },
      ],
      ['public page of a public sheet', () => `/initiatives/${published}`, Object.fromEntries(EVERYONE.map((w) => [w, 200]))],
      [
        'photo of a draft',
        () => `/photos/${photo}`,
        { referent: 200, contributor: 200, contributor2: 200, reader: 200, admin: 200, leTrait: 404, member: 404, juror: 404, anonymous: 404 },
      ],
      [
        'thumbnail of a draft',
        () => `/photos/${photo}/vignette`,
        { referent: 200, contributor: 200, contributor2: 200, reader: 200, admin: 200, leTrait: 404, member: 404, juror: 404, anonymous: 404 },
      ],
      ['deleted sheets (admin)', () => '/admin/initiatives', { admin: 200 }],
    ];
    for (const [name, url, allowed] of gets) {
      test(`GET ${name}`, async () => {
        for (const who of EVERYONE) {
          const res = await f.browsers[who].get(url());
          // Signed-in people who are not allowed get 403; anonymous visitors are sent to the login form.
          const expected = allowed[who] ?? (who === 'anonymous' ? 303 : 403);
          assert.equal(res.status, expected, `${who}: ${res.status}`);
          if (expected === 303) assert.match(res.location!, /^\/connexion\?retour=/);
        }
      });
    }

    const posts: [string, () => string, Record<string, string | string[]>][] = [
      ['create', () => `/espace/${TRELAZE}/initiatives`, { title: 'Intrus', status: 'done', serviceIds: ['dematerialisation-rh'] }],
      ['save', () => `/espace/${TRELAZE}/initiatives/${published}`, { title: 'Intrus', status: 'done', serviceIds: ['dematerialisation-rh'], version: '1' }],
      [
        'autosave',
        () => `/espace/${TRELAZE}/initiatives/${published}/brouillon`,
        { title: 'Intrus', status: 'done', serviceIds: ['dematerialisation-rh'], version: '1' },
      ],
      ['discard a working copy', () => `/espace/${TRELAZE}/initiatives/${published}/abandon`, {}],
      ['unpublish', () => `/espace/${TRELAZE}/initiatives/${published}/publication`, { visibility: 'draft' }],
      ['delete', () => `/espace/${TRELAZE}/initiatives/${published}/supprimer`, {}],
      ['remove a photo', () => `/espace/${TRELAZE}/initiatives/${draft}/photos/${photo}/retirer`, {}],
      ['moderate', () => `/initiatives/${published}/moderation`, { reason: 'Intrus' }],
      ['restore', () => `/initiatives/${published}/restauration`, {}],
    ];
    const writers: Who[] = ['referent', 'contributor', 'contributor2'];
    for (const [name, url, fields] of posts) {
      test(`POST ${name}: refused to everyone without the right`, async () => {
        const admins = name === 'moderate' || name === 'restore';
        for (const who of EVERYONE) {
          if (admins ? who === 'admin' : writers.includes(who)) continue;
          const res = await f.browsers[who].post(url(), { ...fields, _csrf: await tokenOf(who) });
          const draftHidden = url().includes(draft) && ['leTrait', 'member', 'juror'].includes(who);
          const expected = who === 'anonymous' ? 303 : draftHidden ? 404 : 403;
          assert.equal(res.status, expected, `${who}: ${res.status}`);
        }
      });
    }

    test('nothing was changed by the refused requests', async () => {
      const sheet = (await f.api('admin', 'GET', `/api/v1/initiatives/${published}`)).json();
      assert.equal(sheet.version, 1);
      assert.equal(sheet.title, LEAVE_REQUESTS.title);
      assert.equal(sheet.visibility, 'public');
      const withPhoto = (await f.api('admin', 'GET', `/api/v1/initiatives/${draft}`)).json();
      assert.equal(withPhoto.photos.length, 1);
      const list = (await f.api('admin', 'GET', `/api/v1/initiatives/${draft}`)).status;
      assert.equal(list, 200);
    });
  });
}
