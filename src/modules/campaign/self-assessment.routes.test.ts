import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { csrfTokenOf, textOf } from '../../../test/support/http-client.ts';
import { initiativesFixture, LEAVE_REQUESTS, TRELAZE } from '../../../test/support/initiatives-fixture.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { selfAssessmentExclusions } from './schema.ts';

// Issue 13, item 3: the self-assessment page, its « non concerné » forms and the public API.

const PAGE = `/espace/${TRELAZE}/auto-evaluation`;
/** A service of the referential no sheet of the fixture covers. */
const UNCOVERED = 'portail-associatif';

for (const driver of drivers) {
  describe(`self-assessment page and API (${driver})`, () => {
    const f = initiativesFixture(driver);

    test('a territory without sheets: 0 everywhere and the first step named', async () => {
      const page = await f.browsers.contributor.get(PAGE);
      assert.equal(page.status, 200);
      const text = textOf(page.body);
      assert.match(text, /aucune fiche : le score est de 0 partout/);
      assert.match(page.body, new RegExp(`href="/espace/${TRELAZE}/initiatives/nouvelle"`));
      assert.match(page.body, /id="radar-enjeux-tableau"/);
      assert.match(text, /Comment le score est calculé/);
      // The workspace's dashboard links it.
      assert.match((await f.browsers.reader.get(`/espace/${TRELAZE}`)).body, new RegExp(`href="${PAGE}"`));
    });

    test('members and admin 200, another territory 403, anonymous → login', async () => {
      for (const who of ['referent', 'contributor', 'reader', 'admin'] as const) assert.equal((await f.browsers[who].get(PAGE)).status, 200, who);
      for (const who of ['leTrait', 'member', 'juror'] as const) assert.equal((await f.browsers[who].get(PAGE)).status, 403, who);
      const anonymous = await f.browsers.anonymous.get(PAGE);
      assert.equal(anonymous.status, 303);
      assert.equal(anonymous.location, `/connexion?retour=${encodeURIComponent(PAGE)}`);
      // A reader sees the states, without the forms.
      assert.doesNotMatch((await f.browsers.reader.get(PAGE)).body, /non-concerne"/);
    });

    test('declaring « non concerné »: an empty reason is a 400 naming the field, nothing stored; then declared and withdrawn', async () => {
      const browser = f.browsers.contributor;
      const csrf = csrfTokenOf((await browser.get(PAGE)).body);
      const refused = await browser.post(`${PAGE}/non-concerne`, { _csrf: csrf, serviceId: UNCOVERED, reason: '  ' });
      assert.equal(refused.status, 400);
      assert.match(textOf(refused.body), /Raison : Indiquez pourquoi ce service ne concerne pas votre territoire/);
      assert.equal((await f.db().select().from(selfAssessmentExclusions)).length, 0);

      const reader = await f.browsers.reader.post(`${PAGE}/non-concerne`, {
        _csrf: csrfTokenOf((await f.browsers.reader.get(PAGE)).body),
        serviceId: UNCOVERED,
        reason: 'Pas chez nous',
      });
      assert.equal(reader.status, 403);
      assert.equal((await f.db().select().from(selfAssessmentExclusions)).length, 0);

      const declared = await browser.post(`${PAGE}/non-concerne`, { _csrf: csrf, serviceId: UNCOVERED, reason: 'Pas de service en ligne à rendre ici' });
      assert.equal(declared.status, 303);
      const after = await browser.follow(declared);
      assert.match(textOf(after.body), /est déclaré non concerné/);
      assert.match(textOf(after.body), /Non concerné : Pas de service en ligne à rendre ici/);
      assert.deepEqual(
        (await f.db().select().from(selfAssessmentExclusions)).map((r) => [r.territoryCode, r.serviceId, r.reason]),
        [[TRELAZE, UNCOVERED, 'Pas de service en ligne à rendre ici']],
      );

      const withdrawn = await browser.post(`${PAGE}/non-concerne/retrait`, { _csrf: csrf, serviceId: UNCOVERED });
      assert.equal(withdrawn.status, 303);
      assert.match(textOf((await browser.follow(withdrawn)).body), /déclaration « non concerné » de .* est retirée/);
      assert.equal((await f.db().select().from(selfAssessmentExclusions)).length, 0);
    });

    test('the page stays light: each uncovered service links to its own page, where the declaration form is', async () => {
      const page = await f.browsers.contributor.get(PAGE);
      // No sheet: every service of the referential is uncovered, the heaviest case.
      assert.ok(Buffer.byteLength(page.body) < 100_000, `${Buffer.byteLength(page.body)} bytes`);
      assert.doesNotMatch(page.body, /<textarea/);
      assert.equal(page.body.match(/<form/g)?.length ?? 0, 1, 'only the logout form');
      assert.match(
        page.body,
        new RegExp(`href="${PAGE}/services/${UNCOVERED}">Déclarer non concerné<span class="visually-hidden">\u00a0: Portail des associations</span></a>`),
      );
      assert.doesNotMatch((await f.browsers.reader.get(PAGE)).body, /\/services\//, 'a reader has no declaration link');

      const servicePage = await f.browsers.contributor.get(`${PAGE}/services/${UNCOVERED}`);
      assert.equal(servicePage.status, 200);
      assert.match(servicePage.body, new RegExp(`<form method="post" action="${PAGE}/non-concerne"`));
      assert.match(servicePage.body, new RegExp(`name="serviceId" value="${UNCOVERED}"`));
      assert.match(servicePage.body, /<textarea id="champ-reason"[^>]*name="reason"[^>]*required/);
      assert.match(servicePage.body, new RegExp(`href="${PAGE}#service-${UNCOVERED}"`));
      const readerPage = await f.browsers.reader.get(`${PAGE}/services/${UNCOVERED}`);
      assert.equal(readerPage.status, 200);
      assert.doesNotMatch(readerPage.body, /<textarea|non-concerne"/);
      assert.match(textOf(readerPage.body), /Seuls les référents et les contributeurs/);
      assert.equal((await f.browsers.leTrait.get(`${PAGE}/services/${UNCOVERED}`)).status, 403);
      assert.equal((await f.browsers.contributor.get(`${PAGE}/services/inconnu`)).status, 404);

      // Refused on the service's page, the reason as typed; an unknown service is refused on the whole page.
      const csrf = csrfTokenOf(servicePage.body);
      const tooLong = await f.browsers.contributor.post(`${PAGE}/non-concerne`, { _csrf: csrf, serviceId: UNCOVERED, reason: 'x'.repeat(501) });
      assert.equal(tooLong.status, 400);
      assert.match(textOf(tooLong.body), /Raison : La raison tient en 500 caractères au plus/);
      assert.match(tooLong.body, /<textarea id="champ-reason"[^>]*>x{501}<\/textarea>/);
      const unknown = await f.browsers.contributor.post(`${PAGE}/non-concerne`, { _csrf: csrf, serviceId: 'inconnu', reason: 'Pas chez nous' });
      assert.equal(unknown.status, 400);
      assert.match(textOf(unknown.body), /Service inconnu du référentiel : « inconnu »/);
      assert.equal((await f.db().select().from(selfAssessmentExclusions)).length, 0);

      // Declared: its page offers the withdrawal instead.
      assert.equal(
        (await f.browsers.contributor.post(`${PAGE}/non-concerne`, { _csrf: csrf, serviceId: UNCOVERED, reason: 'Aucune association' })).status,
        303,
      );
      const declared = await f.browsers.contributor.get(`${PAGE}/services/${UNCOVERED}`);
      assert.match(textOf(declared.body), /Non concerné : Aucune association/);
      assert.match(declared.body, new RegExp(`action="${PAGE}/non-concerne/retrait"`));
      assert.doesNotMatch(declared.body, /<textarea/);
      assert.equal((await f.browsers.contributor.post(`${PAGE}/non-concerne/retrait`, { _csrf: csrf, serviceId: UNCOVERED })).status, 303);
      assert.equal((await f.db().select().from(selfAssessmentExclusions)).length, 0);
    });

    test('API: public scores from published sheets only, with the documented shape; 404 for an unknown territory', async () => {
      const draft = await f.api('contributor', 'POST', '/api/v1/initiatives', { ...LEAVE_REQUESTS, visibility: 'draft' });
      assert.equal(draft.status, 201, draft.body);
      let answer = await f.api('anonymous', 'GET', `/api/v1/territories/${TRELAZE}/self-assessment`);
      assert.equal(answer.status, 200, answer.body);
      let body = answer.json();
      assert.deepEqual(Object.keys(body).sort(), ['axes', 'coverage', 'overall', 'peers']);
      assert.equal(body.overall, 0, 'the draft does not count');
      assert.equal(body.axes.length, 4);
      assert.deepEqual(Object.keys(body.axes[0]).sort(), ['id', 'score', 'themes']);
      assert.deepEqual(Object.keys(body.axes[0].themes[0]).sort(), ['id', 'score']);
      assert.deepEqual(body.peers, { label: 'communes de 3 000 à 20 000 habitants', count: 0, belowPercent: null });

      const published = await f.api('contributor', 'POST', '/api/v1/initiatives', { ...LEAVE_REQUESTS, visibility: 'public' });
      assert.equal(published.status, 201, published.body);
      body = (await f.api('anonymous', 'GET', `/api/v1/territories/${TRELAZE}/self-assessment`)).json();
      assert.ok(body.overall > 0);
      assert.ok(body.coverage > 0);

      // The public territory page shows the same, computed from the published sheets.
      const territoryPage = textOf((await f.browsers.anonymous.get(`/territoires/${TRELAZE}`)).body);
      assert.match(territoryPage, /Calculée à partir de la fiche publiée de ce territoire/);

      answer = await f.api('anonymous', 'GET', '/api/v1/territories/00000/self-assessment');
      assert.equal(answer.status, 404);
      assert.match(answer.json().message, /Territoire inconnu/);
    });
  });
}
