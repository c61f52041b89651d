import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { TestBrowser, textOf } from '../../../test/support/http-client.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { useTestServer } from '../../../test/support/test-server.ts';

/** The territory codes listed in the results of a directory page, in order. */
function resultCodes(html: string): string[] {
  const list = /<ul class="result-list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
  return [...list.matchAll(/href="\/territoires\/([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!));
}

for (const driver of drivers) {
  describe(`territory pages (${driver})`, () => {
    const server = useTestServer(driver);
    let visitor: TestBrowser;
    before(async () => {
      visitor = new TestBrowser(server.app);
    });

    const api = async (url: string) => {
      const res = await visitor.get(url);
      return { status: res.status, body: res.json() };
    };

    test('/territoires?q=trelaze lists Trélazé first, with its population', async () => {
      const page = await visitor.get('/territoires?q=trelaze');
      assert.equal(page.status, 200);
      assert.match(String(page.headers['content-type']), /^text\/html/);
      assert.equal(resultCodes(page.body)[0], '49353');
      const text = textOf(page.body);
      assert.match(text, /Trélazé Commune · Ville · Maine-et-Loire \(49\) · 16 333 habitants/);
    });

    for (const q of ['TRELAZE', 'trélazé', 'Trélazé', 'trelazee', 'trelaxe', 'trelase', ' trelaze ']) {
      test(`search tolerates accents, case and typos: ${JSON.stringify(q)} finds Trélazé`, async () => {
        const page = await visitor.get(`/territoires?q=${encodeURIComponent(q)}`);
        assert.equal(page.status, 200);
        assert.ok(resultCodes(page.body).slice(0, 3).includes('49353'), `results: ${resultCodes(page.body).join(', ')}`);
        const { body } = await api(`/api/v1/territories?q=${encodeURIComponent(q)}`);
        assert.ok(body.items.slice(0, 3).some((t: { code: string }) => t.code === '49353'));
      });
    }

    test('punctuation is ignored: "les ponts de ce" finds Les Ponts-de-Cé', async () => {
      for (const q of ['les ponts de ce', 'Les Ponts-de-Cé', 'ponts-de-ce', 'saint barthelemy d’anjou']) {
        const { body } = await api(`/api/v1/territories?q=${encodeURIComponent(q)}`);
        assert.ok(['49246', '49267'].includes(body.items[0]?.code), `${q}: ${body.items[0]?.name}`);
      }
    });

    test('a postcode or an official code finds the commune', async () => {
      // 49800 is shared by Trélazé and a few neighbours: they are listed, nothing else.
      const byPostcode = (await api('/api/v1/territories?q=49800')).body;
      assert.ok(byPostcode.items.some((t: { code: string }) => t.code === '49353'));
      assert.ok(byPostcode.total < 10, `${byPostcode.total} results`);
      for (const t of byPostcode.items) {
        assert.ok((await api(`/api/v1/territories/${t.code}`)).body.postcodes.includes('49800'), t.name);
      }
      assert.equal((await api('/api/v1/territories?q=49353')).body.items[0].code, '49353');
      assert.equal((await api('/api/v1/territories?q=244900015')).body.items[0].code, '244900015');
    });

    test('a name that matches nothing says so', async () => {
      const page = await visitor.get('/territoires?q=zzqxwv');
      assert.equal(page.status, 200);
      assert.deepEqual(resultCodes(page.body), []);
      assert.match(textOf(page.body), /Aucun territoire trouvé/);
    });

    test('/territoires/49353 shows identity, population, category, stratum and the EPCI', async () => {
      const page = await visitor.get('/territoires/49353');
      assert.equal(page.status, 200);
      const text = textOf(page.body);
      assert.match(text, /Trélazé/);
      assert.match(text, /Population 16 333 habitants/);
      assert.match(text, /Catégorie au label Ville/);
      assert.match(text, /Strate de 3 000 à 20 000 habitants/);
      assert.match(text, /Code postal 49800/);
      assert.match(text, /Département Maine-et-Loire \(49\)/);
      assert.match(text, /Région Pays de la Loire/);
      assert.match(text, /Intercommunalité CU Angers Loire Métropole/);
      assert.ok(page.body.includes('href="/territoires/244900015"'), 'links to its EPCI');
    });

    test('an EPCI page lists its member communes, most populated first', async () => {
      const page = await visitor.get('/territoires/244900015');
      assert.equal(page.status, 200);
      const text = textOf(page.body);
      assert.match(text, /CU Angers Loire Métropole/);
      assert.match(text, /Communauté urbaine/);
      assert.match(text, /Catégorie au label Territoire/);
      assert.match(text, /29 communes membres/);
      for (const code of ['49007', '49353', '49028']) assert.ok(page.body.includes(`href="/territoires/${code}"`), code);
      assert.ok(text.indexOf('Angers 49007') < text.indexOf('Trélazé 49353'), 'Angers before Trélazé');
      assert.ok(text.indexOf('Trélazé 49353') < text.indexOf('Béhuard 49028'), 'Trélazé before Béhuard');

      const { body } = await api('/api/v1/territories/244900015');
      assert.equal(body.members.length, 29);
      assert.ok(body.members.every((m: { kind: string }) => m.kind === 'commune'));
    });

    test('a département and a région have their pages', async () => {
      const dep = await visitor.get('/territoires/49');
      assert.equal(dep.status, 200);
      assert.match(textOf(dep.body), /Maine-et-Loire/);
      const reg = await visitor.get('/territoires/reg-52');
      assert.equal(reg.status, 200);
      assert.match(textOf(reg.body), /Pays de la Loire/);
    });

    test('an unknown territory is a French 404 page', async () => {
      const page = await visitor.get('/territoires/00000');
      assert.equal(page.status, 404);
      assert.match(String(page.headers['content-type']), /^text\/html/);
      assert.ok(page.body.includes('<html lang="fr">'));
      assert.match(textOf(page.body), /Page introuvable/);
      assert.match(textOf(page.body), /Aucun territoire ne porte le code « 00000 »/);
    });

    test('an unknown page is a French 404 page too', async () => {
      const page = await visitor.get('/nulle-part');
      assert.equal(page.status, 404);
      assert.ok(page.body.includes('<html lang="fr">'));
      assert.match(textOf(page.body), /Cette page n’existe pas/);
    });

    for (const [query, label, message] of [
      ['page=abc', 'Page', /doit être un nombre/],
      ['page=2.5', 'Page', /doit être un nombre entier/],
      ['page=0', 'Page', /doit être supérieur ou égal à 1/],
      ['kind=ville', 'Type', /doit valoir commune, epci, departement ou region/],
      ['department=999x', 'Département', /doit être un code de département/],
      ['region=pdl', 'Région', /doit être un code de région/],
    ] as const) {
      test(`/territoires?${query} is a 400 page naming the field`, async () => {
        const page = await visitor.get(`/territoires?${query}`);
        assert.equal(page.status, 400);
        assert.ok(page.body.includes('<html lang="fr">'));
        assert.match(textOf(page.body), new RegExp(`${label} : ${message.source}`));
      });
    }

    test('a wrong parameter is reported while the valid ones still apply', async () => {
      const page = await visitor.get('/territoires?q=trelaze&kind=ville');
      assert.equal(page.status, 400);
      assert.match(textOf(page.body), /Type : doit valoir commune, epci, departement ou region/);
      assert.equal(resultCodes(page.body)[0], '49353', 'the search itself is kept');
    });

    test('/api/v1/territories?page=abc is a 400 JSON naming the field', async () => {
      const { status, body } = await api('/api/v1/territories?page=abc');
      assert.equal(status, 400);
      assert.equal(body.field, 'page');
      assert.match(body.message, /page/);
    });

    test('filters: department=49&kind=commune returns only communes of Maine-et-Loire', async () => {
      const { status, body } = await api('/api/v1/territories?department=49&kind=commune');
      assert.equal(status, 200);
      assert.equal(body.items.length, 20);
      assert.ok(body.total > 150 && body.total < 400, `total ${body.total}`);
      for (const t of body.items) {
        assert.equal(t.kind, 'commune');
        assert.equal(t.department, '49');
        assert.deepEqual(Object.keys(t).sort(), ['category', 'code', 'department', 'kind', 'name', 'population', 'region', 'stratum']);
      }
      // Every page, not only the first, respects the filter.
      const last = Math.ceil(body.total / 20);
      const lastPage = (await api(`/api/v1/territories?department=49&kind=commune&page=${last}`)).body;
      assert.ok(lastPage.items.length > 0 && lastPage.items.length <= 20);
      assert.ok(lastPage.items.every((t: { kind: string; department: string }) => t.kind === 'commune' && t.department === '49'));
      assert.equal((await api(`/api/v1/territories?department=49&kind=commune&page=${last + 1}`)).body.items.length, 0);
    });

    test('a search combined with filters keeps to them', async () => {
      const { body } = await api('/api/v1/territories?q=saint&department=49&kind=commune');
      assert.ok(body.total > 0);
      assert.ok(body.items.every((t: { department: string; kind: string }) => t.department === '49' && t.kind === 'commune'));
      const page = await visitor.get('/territoires?q=trelaze&department=76');
      assert.ok(!resultCodes(page.body).includes('49353'));
    });

    test('page 2 follows page 1 without repeating it, on the page and in the API', async () => {
      const one = (await api('/api/v1/territories?kind=commune&department=49')).body;
      const two = (await api('/api/v1/territories?kind=commune&department=49&page=2')).body;
      const codes1 = one.items.map((t: { code: string }) => t.code);
      const codes2 = two.items.map((t: { code: string }) => t.code);
      assert.equal(codes2.length, 20);
      assert.equal(two.total, one.total);
      assert.deepEqual(
        codes1.filter((c: string) => codes2.includes(c)),
        [],
        'no territory on both pages',
      );

      const page1 = await visitor.get('/territoires?kind=commune&department=49');
      const page2 = await visitor.get('/territoires?kind=commune&department=49&page=2');
      assert.deepEqual(resultCodes(page1.body), codes1);
      assert.deepEqual(resultCodes(page2.body), codes2);
      assert.ok(page1.body.includes('href="/territoires?kind=commune&amp;department=49&amp;page=2"'), 'page 1 links to page 2 with the filters');
    });

    test('GET /healthz answers 200 with the database status', async () => {
      const res = await visitor.get('/healthz');
      assert.equal(res.status, 200);
      assert.equal(res.json().status, 'ok');
      const { latencyMs, ...database } = res.json().database;
      assert.deepEqual(database, { status: 'ok', driver });
      assert.equal(typeof latencyMs, 'number');
      assert.deepEqual(res.json().checks, { outbox: { status: 'ok', failed: 0, overdue: 0 } }, 'the modules’ checks, the outbox among them');
    });
  });
}
