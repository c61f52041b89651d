import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { TestBrowser, textOf } from '../../../test/support/http-client.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { useTestServer } from '../../../test/support/test-server.ts';
import { AXES, REFERENTIAL_SEED_VERSION, SERVICES, THEMES } from './catalogue.data.ts';
import { describeServices, ensureReferentialSeeded, getCurrentReferential, getReferential, listReferentialVersions } from './referential.service.ts';
import { referentialServices, referentialVersions, serviceIdentities } from './schema.ts';

type ApiReferential = {
  version: string;
  state: string;
  publishedAt: string | null;
  axes: {
    id: string;
    name: string;
    themes: { id: string; name: string; services: { id: string; name: string; description: string; responsibleDigital: boolean }[] }[];
  }[];
};

const services = (r: ApiReferential) => r.axes.flatMap((a) => a.themes.flatMap((t) => t.services));

for (const driver of drivers) {
  describe(`referential: seed, API and public pages (${driver})`, () => {
    const server = useTestServer(driver);
    let visitor: TestBrowser;
    before(async () => {
      visitor = new TestBrowser(server.app);
    });
    const db = () => server.database.db;
    const count = async (table: typeof referentialServices | typeof serviceIdentities | typeof referentialVersions) =>
      (
        await db()
          .select({ n: sql<number>`count(*)::int` })
          .from(table)
      )[0]!.n;

    test('the first edition is seeded once, as published', async () => {
      assert.equal(await ensureReferentialSeeded(db()), false, 'already seeded by the test database');
      assert.equal(await ensureReferentialSeeded(db()), false);
      assert.equal(await count(referentialVersions), 1);
      assert.equal(await count(referentialServices), SERVICES.length);
      assert.equal(await count(serviceIdentities), SERVICES.length);
      const [version] = await listReferentialVersions(db());
      assert.equal(version!.version, REFERENTIAL_SEED_VERSION);
      assert.equal(version!.state, 'published');
      assert.equal(version!.current, true);
      assert.ok(version!.publishedAt instanceof Date);
    });

    test('the current referential follows the catalogue, in its order', async () => {
      const r = await getCurrentReferential(db());
      assert.equal(r.version, '2027');
      assert.deepEqual(
        r.axes.map((a) => a.id),
        AXES.map((a) => a.id),
      );
      assert.deepEqual(
        r.axes.flatMap((a) => a.themes.map((t) => t.id)),
        THEMES.map((t) => t.id),
      );
      const ordered = THEMES.flatMap((t) => SERVICES.filter((s) => s.themeId === t.id).map((s) => s.id));
      assert.deepEqual(
        r.axes.flatMap((a) => a.themes.flatMap((t) => t.services.map((s) => s.id))),
        ordered,
      );
      assert.equal(await getCurrentReferential(db()), r, 'a published version is read once, then kept in memory');
      assert.throws(() => {
        (r.axes[0]!.themes[0]!.services[0] as { name: string }).name = 'changé';
      }, TypeError);
    });

    test('describeServices names current services and leaves unknown ids out', async () => {
      const described = await describeServices(db(), ['paiement-en-ligne', 'inconnu', 'coffre-fort-numerique', 'paiement-en-ligne']);
      assert.deepEqual([...described.keys()], ['paiement-en-ligne', 'coffre-fort-numerique']);
      assert.deepEqual(described.get('paiement-en-ligne'), {
        id: 'paiement-en-ligne',
        name: 'Paiement en ligne des services municipaux',
        description: SERVICES.find((s) => s.id === 'paiement-en-ligne')!.description,
        responsibleDigital: false,
        theme: { id: 'services-publics', name: 'Services publics' },
        axis: { id: 'democratie-services-publics', name: 'Démocratie et services publics' },
        inCurrentVersion: true,
      });
      assert.equal((await describeServices(db(), [])).size, 0);
    });

    for (const url of ['/api/v1/referential', '/api/v1/referential/2027']) {
      test(`GET ${url}: 4 axes, 16 themes, 132 services`, async () => {
        const res = await visitor.get(url);
        assert.equal(res.status, 200);
        assert.match(String(res.headers['content-type']), /application\/json/);
        assert.equal(res.headers['cache-control'], url.endsWith('2027') ? 'public, max-age=86400' : 'public, max-age=300');
        const body = res.json<ApiReferential>();
        assert.deepEqual(Object.keys(body), ['version', 'state', 'publishedAt', 'axes']);
        assert.equal(body.version, '2027');
        assert.equal(body.state, 'published');
        assert.ok(!Number.isNaN(Date.parse(body.publishedAt!)));
        assert.equal(body.axes.length, 4);
        assert.deepEqual(
          body.axes.map((a) => a.themes.length),
          [4, 4, 4, 4],
        );
        assert.equal(services(body).length, 132);
        assert.equal(services(body).filter((s) => s.responsibleDigital).length, SERVICES.filter((s) => s.responsibleDigital).length);
        assert.deepEqual(Object.keys(body.axes[0]!), ['id', 'name', 'themes']);
        assert.deepEqual(Object.keys(body.axes[0]!.themes[0]!), ['id', 'name', 'services']);
        assert.deepEqual(body.axes[0]!.themes[0]!.services[0], {
          id: 'coffre-fort-numerique',
          name: 'Coffre-fort numérique pour les usagers accompagnés',
          description: SERVICES[0].description,
          responsibleDigital: false,
        });
        for (const theme of body.axes.flatMap((a) => a.themes)) assert.ok(theme.services.length >= 4, theme.id);
      });
    }

    for (const version of ['1999', 'inconnue', '%20', 'x'.repeat(41)]) {
      test(`GET /api/v1/referential/${version.slice(0, 10)}: 404 in JSON, in French`, async () => {
        const res = await visitor.get(`/api/v1/referential/${version}`);
        assert.ok(res.status === 404 || res.status === 400, String(res.status));
        assert.match(String(res.headers['content-type']), /application\/json/);
        assert.equal(res.json().error, res.status === 404 ? 'not_found' : 'bad_request');
        if (res.status === 404) assert.match(res.json().message, /Aucune version publiée du référentiel/);
      });
    }

    test('/referentiel shows the current version: one h1, axes in h2, themes in h3, counts and marks', async () => {
      const page = await visitor.get('/referentiel');
      assert.equal(page.status, 200);
      assert.match(page.body, /<html lang="fr">/);
      assert.equal(page.body.match(/<h1\b/g)?.length, 1);
      const h2 = [...page.body.matchAll(/<h2\b[^>]*>([^<]*)<\/h2>/g)].map((m) => m[1]);
      for (const axis of AXES) assert.ok(h2.includes(axis.name), axis.name);
      const h3 = [...page.body.matchAll(/<h3\b[^>]*>([^<]*)<\/h3>/g)].map((m) => m[1]);
      assert.deepEqual(
        h3,
        THEMES.map((t) => t.name),
      );
      const text = textOf(page.body);
      assert.match(text, /Référentiel des services numériques/);
      assert.match(text, /Services 132/);
      assert.match(text, /Version 2027, publiée le \d+ \p{L}+ 20\d\d \(en vigueur\)/u);
      const education = SERVICES.filter((s) => s.themeId === 'education').length;
      assert.ok(text.includes(`Éducation ${education} services`));
      assert.equal(page.body.match(/<li class="result-list__item"/g)?.length, 132);
      // The responsible-digital mark is a text, not a colour.
      assert.equal(
        page.body.match(/<span class="badge badge--nr">Numérique responsable<\/span>/g)?.length,
        SERVICES.filter((s) => s.responsibleDigital).length,
      );
      assert.ok(page.body.includes('id="service-paiement-en-ligne"'), 'each service has an anchor');
      assert.ok(!/<script\b/.test(page.body), 'no script needed');
      assert.ok(Buffer.byteLength(page.body) < 100_000, `${Buffer.byteLength(page.body)} bytes`);
      assert.match(page.body, /<a href="\/referentiel" aria-current="page">Référentiel<\/a>/, 'in the header navigation');
    });

    test('/referentiel/2027 is the same version; an unknown version is a 404 page', async () => {
      const page = await visitor.get('/referentiel/2027');
      assert.equal(page.status, 200);
      assert.match(textOf(page.body), /Version 2027/);
      // Issue 12, finding 5: which editions the version serves, not a promise of one referential per edition.
      assert.match(textOf(page.body), /Éditions Sert aux candidatures des éditions 2027 et suivantes/);
      assert.doesNotMatch(textOf(page.body), /chaque édition garde son référentiel/i);
      const missing = await visitor.get('/referentiel/1999');
      assert.equal(missing.status, 404);
      assert.match(textOf(missing.body), /Aucune version publiée du référentiel ne s’appelle « 1999 »/);
    });

    test('the home page links to the referential', async () => {
      const home = await visitor.get('/');
      assert.ok(home.body.includes('href="/referentiel"'));
    });

    test('getReferential hides drafts unless asked', async () => {
      assert.equal(await getReferential(db(), 'absente'), null);
      assert.equal((await getReferential(db(), '2027'))?.state, 'published');
    });
  });
}
