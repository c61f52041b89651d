import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { TestBrowser, decodeEntities } from '../../../test/support/http-client.ts';
import { LAUREATES, seedLabelHistory, UNPUBLISHED_RESULT } from '../../../test/support/results-fixture.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { useTestServer } from '../../../test/support/test-server.ts';
import { assertWellFormedXml } from '../../../test/support/well-formed-xml.ts';
import { moveEdition } from '../label/edition-state.service.ts';

const textsOf = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => decodeEntities(m[1]!));

for (const driver of drivers) {
  describe(`badge GET /badges/:code.svg (${driver})`, () => {
    const server = useTestServer(driver);
    let visitor: TestBrowser;
    before(async () => {
      visitor = new TestBrowser(server.app);
      await seedLabelHistory(server.database.db);
    });

    test('Trélazé: 5 @ of 2023, not the 2024 result under review', async () => {
      const res = await visitor.get(`/badges/${LAUREATES.trelaze}.svg`);
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-type'], 'image/svg+xml; charset=utf-8');
      assertWellFormedXml(res.body);
      // Typeset as the pages are: the number never parted from its @, nor the name from its « : ».
      assert.deepEqual(textsOf(res.body), ['@@@@@', '5\u00a0@ · Label 2023', 'Trélazé']);
      assert.match(
        res.body,
        /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" [^>]*role="img" aria-label="Trélazé\u00a0: Label arobase 5\u00a0@ en 2023"><title>Trélazé\u00a0: Label arobase 5\u00a0@ en 2023<\/title>/,
      );
      assert.ok(!res.body.includes('2024') && !res.body.includes(`${UNPUBLISHED_RESULT.level} @`), 'nothing of the edition under review');
    });

    test('headers: embeddable from any site, cached an hour, with an ETag', async () => {
      const res = await visitor.get(`/badges/${LAUREATES.trelaze}.svg`);
      assert.equal(res.headers['cross-origin-resource-policy'], 'cross-origin');
      assert.equal(res.headers['cache-control'], 'public, max-age=3600, stale-while-revalidate=86400');
      assert.match(String(res.headers.etag), /^W\/"[\w-]+"$/);
      assert.match(String(res.headers['content-security-policy']), /default-src 'none'/);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      // Other routes keep helmet’s same-site policy.
      const page = await visitor.get('/statistiques');
      assert.equal(page.headers['cross-origin-resource-policy'], 'same-site');
    });

    test('If-None-Match with the ETag: 304 without a body; another tag: the image', async () => {
      const first = await visitor.get(`/badges/${LAUREATES.trelaze}.svg`);
      const etag = String(first.headers.etag);
      const again = await visitor.get(`/badges/${LAUREATES.trelaze}.svg`, { 'if-none-match': etag });
      assert.equal(again.status, 304);
      assert.equal(again.body, '');
      assert.equal(again.headers.etag, etag);
      assert.equal(again.headers['cache-control'], 'public, max-age=3600, stale-while-revalidate=86400');
      const other = await visitor.get(`/badges/${LAUREATES.trelaze}.svg`, { 'if-none-match': '"autre"' });
      assert.equal(other.status, 200);
      const angers = await visitor.get(`/badges/${LAUREATES.angers}.svg`, { 'if-none-match': etag });
      assert.equal(angers.status, 200, 'another territory’s badge is another representation');
      assert.notEqual(angers.headers.etag, etag);
    });

    test('a territory never labelled: the neutral badge, its name typeset', async () => {
      const res = await visitor.get('/badges/94038.svg'); // L'Haÿ-les-Roses
      assert.equal(res.status, 200);
      assertWellFormedXml(res.body);
      assert.deepEqual(textsOf(res.body), ['@', 'Label arobase', 'L’Haÿ-les-Roses']);
      assert.ok(!res.body.includes('L&apos;Haÿ'), 'the apostrophe is typeset ’');
      assert.ok(res.body.includes('<title>Label arobase\u00a0: L’Haÿ-les-Roses n’est pas encore labellisé</title>'));
    });

    test('an EPCI, and a région whose code has a hyphen', async () => {
      const epci = await visitor.get(`/badges/${LAUREATES.lannionTregor}.svg`);
      assert.deepEqual(textsOf(epci.body).slice(0, 2), ['@@@@', '4\u00a0@ · Label 2023']);
      const region = await visitor.get('/badges/reg-52.svg');
      assert.equal(region.status, 200);
      assert.deepEqual(textsOf(region.body), ['@', 'Label arobase', 'Pays de la Loire']);
    });

    test('an unknown code is a 404', async () => {
      const res = await visitor.get('/badges/00000.svg');
      assert.equal(res.status, 404);
      assert.match(String(res.headers['content-type']), /^text\/plain/);
      assert.match(res.body, /Aucun territoire ne porte le code « 00000 »/);
      assert.equal((await visitor.get('/badges/49353.png')).status, 404);
      assert.equal((await visitor.get(`/badges/${'9'.repeat(40)}.svg`)).status, 400);
    });

    test('once 2024 is published, the badge follows and its ETag changes', async () => {
      const before = await visitor.get(`/badges/${LAUREATES.trelaze}.svg`);
      // Published as the label's state machine does it (its event empties the page cache).
      await server.database.db.transaction((tx) => moveEdition(tx, { year: UNPUBLISHED_RESULT.year, from: 'under_review', to: 'published' }, 'test', null));
      const after = await visitor.get(`/badges/${LAUREATES.trelaze}.svg`, { 'if-none-match': String(before.headers.etag) });
      assert.equal(after.status, 200);
      assert.deepEqual(textsOf(after.body).slice(0, 2), ['@@@', '3\u00a0@ · Label 2024']);
      assert.notEqual(after.headers.etag, before.headers.etag);
    });
  });
}
