import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { LAUREATES as L, seedLabelHistory } from '../../../test/support/results-fixture.ts';
import { decodeEntities, TestBrowser, textOf, type Page } from '../../../test/support/http-client.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { useTestServer } from '../../../test/support/test-server.ts';

const PUBLISHED = [2023, 2022, 2021, 2020, 2019, 2018, 2017];

/** The laureates of an edition page by level, in order: { 5: ['49007', …], … }. */
function laureatesByLevel(html: string): Record<number, string[]> {
  const out: Record<number, string[]> = {};
  for (const match of html.matchAll(/<section aria-labelledby="niveau-(\d)"[^>]*>([\s\S]*?)<\/section>/g)) {
    out[Number(match[1])] = [...match[2]!.matchAll(/<li><a href="\/territoires\/([^"]+)"/g)].map((m) => m[1]!);
  }
  return out;
}
const allLaureates = (html: string) => Object.values(laureatesByLevel(html)).flat().sort();
const countsOf = (byLevel: Record<number, string[]>) => Object.fromEntries([5, 4, 3, 2, 1].map((l) => [l, byLevel[l]?.length ?? 0]));

/** Counts per level of one edition’s row on /palmares. */
function indexRow(html: string, year: number): Record<number, number> {
  const row = new RegExp(`<tr data-annee="${year}">([\\s\\S]*?)</tr>`).exec(html)?.[1];
  assert.ok(row, `row ${year} on /palmares`);
  return Object.fromEntries([...row.matchAll(/data-niveau="(\d)">([\d\s]+)</g)].map((m) => [Number(m[1]), Number(m[2])]));
}

/** The map’s département links: code, href (decoded) and accessible name. */
function mapLinks(html: string): { code: string; href: string; label: string }[] {
  const svg = /<svg class="france-map__svg"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
  return [...svg.matchAll(/<a ([^>]*)>/g)].map((m) => ({
    code: /data-departement="([^"]+)"/.exec(m[1]!)![1]!,
    href: decodeEntities(/href="([^"]+)"/.exec(m[1]!)![1]!),
    label: decodeEntities(/aria-label="([^"]+)"/.exec(m[1]!)![1]!).replace(/\s/g, ' '),
  }));
}

/** The class (data-classe) of a département’s shape on the map. */
const shadeOf = (html: string, code: string) =>
  Number(new RegExp(`data-departement="${code}"><title>[^<]*</title><path [^>]*data-classe="(\\d)"`).exec(html)?.[1]);

for (const driver of drivers) {
  describe(`palmarès pages and API (${driver})`, () => {
    const server = useTestServer(driver);
    let visitor: TestBrowser;
    let emptyIndex: Page;
    let emptyApi: Page;
    before(async () => {
      visitor = new TestBrowser(server.app);
      emptyIndex = await visitor.get('/palmares');
      emptyApi = await visitor.get('/api/v1/editions');
      await seedLabelHistory(server.database.db);
    });

    // As a browser does: an address with empty parameters is redirected to its short form, then shown.
    const page = async (url: string, status = 200) => {
      const first = await visitor.get(url);
      const res = first.status === 302 ? await visitor.follow(first) : first;
      assert.equal(res.status, status, `${url}: ${res.status}`);
      return res;
    };
    const api = async (url: string, status = 200) => {
      const res = await visitor.get(url);
      assert.equal(res.status, status, `${url}: ${res.status} ${res.body.slice(0, 300)}`);
      return res.json();
    };

    test('before any publication: /palmares says so and leads to the observatory; the API lists nothing', () => {
      assert.equal(emptyIndex.status, 200);
      assert.match(textOf(emptyIndex.body), /Aucun palmarès n’est encore publié/);
      assert.match(decodeEntities(emptyIndex.body), /href="\/initiatives">l’observatoire</);
      assert.deepEqual(emptyApi.json(), { items: [], total: 0 });
    });

    test('/palmares: what the label is, and every published edition, newest first, never the one under review', async () => {
      const res = await page('/palmares');
      assert.equal(res.headers['cache-control'], 'public, max-age=300');
      const text = textOf(res.body);
      assert.match(text, /Depuis 1999, le label distingue/);
      // The label is older than the data: the page says which editions it holds.
      assert.match(
        text,
        new RegExp(`couvrent ${PUBLISHED.length}\\s*éditions, de ${Math.min(...PUBLISHED)} à ${Math.max(...PUBLISHED)}\\s*; les éditions antérieures`),
      );
      assert.match(text, /de 1 à 5 @/);
      const years = [...res.body.matchAll(/<tr data-annee="(\d{4})">/g)].map((m) => Number(m[1]));
      assert.deepEqual(years, PUBLISHED);
      assert.ok(!res.body.includes('/palmares/2024'), 'no link to the edition under review');
      assert.deepEqual(indexRow(res.body, 2023), { 5: 3, 4: 2, 3: 1, 2: 0, 1: 0 });
      assert.match(
        textOf(/<tr data-annee="2023">[\s\S]*?<\/tr>/.exec(res.body)![0]),
        /2023 6 3 2 1 0 0 @ verte : 2 Mention Démocratie locale : 1 Mention Numérique éducatif : 1/,
      );
      assert.match(textOf(/<tr data-annee="2022">[\s\S]*?<\/tr>/.exec(res.body)![0]), /Territoire d’excellence numérique : 1/);
    });

    test('counts per level agree: /palmares, /palmares/:year and both API routes, for every edition', async () => {
      const index = (await page('/palmares')).body;
      // The editions API (campaign module) lists every edition; the published ones carry their counts.
      const all = await api('/api/v1/editions');
      assert.equal(all.total, all.items.length);
      const editions = { items: all.items.filter((e: { state: string }) => e.state === 'published') };
      assert.deepEqual(
        editions.items.map((e: { year: number }) => e.year),
        PUBLISHED,
      );
      for (const item of all.items.filter((e: { state: string }) => e.state !== 'published')) assert.equal(item.levels, null);
      for (const year of PUBLISHED) {
        const fromIndex = indexRow(index, year);
        const fromPage = countsOf(laureatesByLevel((await page(`/palmares/${year}`)).body));
        const results = await api(`/api/v1/editions/${year}/results`);
        const fromApi = Object.fromEntries([5, 4, 3, 2, 1].map((l) => [l, results.items.filter((i: { level: number }) => i.level === l).length]));
        const fromEditions = editions.items.find((e: { year: number }) => e.year === year).levels;
        assert.deepEqual(fromPage, fromIndex, `${year}: page and index`);
        assert.deepEqual(fromApi, fromIndex, `${year}: API and index`);
        assert.deepEqual(Object.fromEntries(Object.entries(fromEditions).map(([k, v]) => [Number(k), v])), fromIndex, `${year}: editions API`);
        assert.equal(
          results.total,
          Object.values(fromIndex).reduce((a, b) => a + b, 0),
        );
      }
    });

    test('/palmares/2023: laureates by level, 5 @ first, by name, with territory, kind, département and distinctions', async () => {
      const res = await page('/palmares/2023');
      assert.equal(res.headers['cache-control'], 'public, max-age=300');
      assert.deepEqual(laureatesByLevel(res.body), { 5: [L.angers, L.issy, L.trelaze], 4: [L.lannionTregor, L.leTrait], 3: [L.saintSulpice] });
      const text = textOf(res.body);
      assert.match(text, /En 2023, 6 territoires ont été labellisés : 3 à 5 @, 2 à 4 @ et 1 à 3 @\./);
      assert.match(text, /3 territoires ont obtenu 5 @, dont 2 dans les Pays de la Loire\./);
      assert.match(
        text,
        /Parmi les \d+ territoires labellisés, 2 ont reçu la distinction « @ verte », 1 a reçu la mention « Démocratie locale », 1 a reçu la mention « Numérique éducatif » et 1 a reçu le titre « Territoire d.excellence numérique »\./,
      );
      assert.match(text, /Trélazé Commune · Ville · Maine-et-Loire \(49\) Distinctions : @ verte/);
      assert.match(text, /CA Lannion-Trégor Communauté Intercommunalité · Territoire · Côtes-d’Armor \(22\) Distinctions : Mention Numérique éducatif/);
      // Previous edition, the list, no next one (2024 is under review).
      assert.match(res.body, /href="\/palmares\/2022" rel="prev"/);
      assert.doesNotMatch(res.body, /rel="next"/);
      assert.match((await page('/palmares/2018')).body, /href="\/palmares\/2019" rel="next"/);
    });

    test('Trilport is under 5 @ in 2019 (seed 003) and under 4 @ in 2018; Trélazé holds the excellence title in 2022', async () => {
      assert.ok(laureatesByLevel((await page('/palmares/2019')).body)[5]!.includes(L.trilport));
      assert.ok(laureatesByLevel((await page('/palmares/2018')).body)[4]!.includes(L.trilport));
      const y2022 = textOf((await page('/palmares/2022')).body);
      assert.match(y2022, /Trélazé Commune · Ville · Maine-et-Loire \(49\) Distinctions : Territoire d’excellence numérique/);
      assert.match(y2022, /1 a reçu le titre « Territoire d’excellence numérique »/);
    });

    test('an unknown, malformed or unpublished year is a 404 page, and the edition under review leaks nowhere', async () => {
      for (const year of ['2024', '1850', 'abc', '2023abc', '02023', '9999']) {
        const res = await page(`/palmares/${year}`, 404);
        assert.match(String(res.headers['content-type']), /^text\/html/);
        assert.match(textOf(res.body), /Aucun palmarès publié pour/);
      }
      const notFound = await api('/api/v1/editions/2024/results', 404);
      assert.equal(notFound.message, 'Aucun palmarès publié pour l’année 2024.');
      await api('/api/v1/editions/1850/results', 404);
      const badYear = await api('/api/v1/editions/abc/results', 400);
      assert.equal(badYear.field, 'year');
      assert.match(badYear.message, /année/);
      // The 2024 result (Trélazé at 3 @) appears on no page of 2023 or before.
      for (const year of PUBLISHED) assert.doesNotMatch((await page(`/palmares/${year}`)).body, /2024/);
    });

    test('filters of the page: région, département, category, stratum, distinction, alone and together; the API agrees', async () => {
      const cases: [string, string, string[]][] = [
        ['region=11', 'region=11', [L.issy]],
        ['departement=49', 'department=49', [L.angers, L.trelaze]],
        ['categorie=village', 'category=village', [L.saintSulpice]],
        ['categorie=territoire', 'category=territoire', [L.lannionTregor]],
        ['strate=gt100k', 'stratum=gt100k', [L.angers, L.lannionTregor]],
        ['distinction=verte', 'distinction=verte', [L.saintSulpice, L.trelaze]],
        ['region=52&distinction=verte', 'region=52&distinction=verte', [L.trelaze]],
        ['region=53&categorie=ville', 'region=53&category=ville', []],
        ['departement=2a', 'department=2a', []],
      ];
      for (const [pageQuery, apiQuery, expected] of cases) {
        const res = await page(`/palmares/2023?${pageQuery}`);
        assert.deepEqual(allLaureates(res.body), [...expected].sort(), pageQuery);
        assert.doesNotMatch(res.body, /Filtre ignoré/, pageQuery);
        const json = await api(`/api/v1/editions/2023/results?${apiQuery}`);
        assert.deepEqual(json.items.map((i: { code: string }) => i.code).sort(), [...expected].sort(), apiQuery);
        assert.equal(json.total, expected.length);
      }
      const none = textOf((await page('/palmares/2023?region=53&categorie=ville')).body);
      assert.match(none, /En 2023, en Bretagne, aucune ville n’a été labellisée\./);
      assert.match(none, /Aucun territoire labellisé ne correspond à ces filtres/);
      const idf = textOf((await page('/palmares/2023?region=11')).body);
      assert.match(idf, /En 2023, en Île-de-France, 1 territoire a été labellisé à 5 @\./);
      assert.match(idf, /Dans toute la France, 3 territoires ont obtenu 5 @, dont 1 en Île-de-France\./);
    });

    test('a département outside the filtered région: the page says the filters contradict each other, not that nobody was labelled', async () => {
      const res = await page('/palmares/2023?region=52&departement=76');
      assert.equal(res.status, 200);
      const text = textOf(res.body);
      assert.match(text, /Ces filtres se contredisent\s*: le département Seine-Maritime \(76\) n’est pas dans les Pays de la Loire\./);
      assert.doesNotMatch(text, /aucun territoire n’a été labellisé/, 'no false summary');
      assert.match(res.body, /href="\/palmares\/2023\?departement=76">Voir le département Seine-Maritime \(76\) seul</);
      assert.match(res.body, /href="\/palmares\/2023\?region=52">Voir la région Pays de la Loire seule</);
      // A département inside its région is no contradiction.
      assert.doesNotMatch(textOf((await page('/palmares/2023?region=52&departement=49')).body), /se contredisent/);
    });

    test('chosen filters are chips that remove themselves; the form keeps them', async () => {
      const res = await page('/palmares/2023?region=52&distinction=verte&carte=niveau');
      const chips = [...res.body.matchAll(/<a class="chip" href="([^"]+)" aria-label="([^"]+)"/g)].map((m) => [decodeEntities(m[1]!), decodeEntities(m[2]!)]);
      assert.deepEqual(chips, [
        ['/palmares/2023?distinction=verte&carte=niveau', 'Retirer le filtre Région : Pays de la Loire'],
        ['/palmares/2023?region=52&carte=niveau', 'Retirer le filtre Distinction : @ verte'],
      ]);
      assert.match(res.body, /<option value="52" selected>Pays de la Loire \(1\)<\/option>/);
      assert.match(res.body, /<input type="hidden" name="carte" value="niveau"/);
    });

    test('unknown filter values are ignored with a notice, the others still apply', async () => {
      const res = await page('/palmares/2023?region=99&categorie=hameau&strate=gt100k&distinction=doree&departement=&carte=relief');
      const text = textOf(res.body);
      assert.match(text, /Filtre ignoré : Région « 99 » n’existe pas\./);
      assert.match(text, /Filtre ignoré : Catégorie « hameau » n’existe pas\./);
      assert.match(text, /Filtre ignoré : Distinction « doree » n’existe pas\./);
      assert.match(text, /Affichage de la carte « relief » inconnu/);
      assert.doesNotMatch(text, /Filtre ignoré : Département/);
      assert.deepEqual(allLaureates(res.body), [L.angers, L.lannionTregor].sort());
    });

    test('the API answers 400 naming the parameter for a malformed or unknown value', async () => {
      for (const [query, field] of [
        ['region=abc', 'region'],
        ['region=99', 'region'],
        ['department=ZZ', 'department'],
        ['department=999', 'department'],
        ['category=hameau', 'category'],
        ['stratum=big', 'stratum'],
        ['distinction=Dorée', 'distinction'],
        ['distinction=doree', 'distinction'],
      ]) {
        const body = await api(`/api/v1/editions/2023/results?${query}`, 400);
        assert.equal(body.field, field, query);
        assert.match(body.message, new RegExp(`«\\s?${field}\\s?»`), query);
      }
      const trelaze = (await api('/api/v1/editions/2023/results?department=49')).items.find((i: { code: string }) => i.code === L.trelaze);
      assert.deepEqual(trelaze, {
        code: L.trelaze,
        name: 'Trélazé',
        kind: 'commune',
        category: 'ville',
        stratum: '3k-20k',
        department: '49',
        region: '52',
        level: 5,
        distinctions: ['verte', 'excellence'],
      });
      const lannion = (await api('/api/v1/editions/2023/results?category=territoire')).items[0];
      assert.equal(lannion.kind, 'epci');
      assert.equal(lannion.department, '22');
    });

    test('the map: Maine-et-Loire leads to Trélazé and Angers; every link leads to a list as long as its count', async () => {
      const html = (await page('/palmares/2023/carte')).body;
      const links = mapLinks(html);
      assert.deepEqual(links.map((l) => l.code).sort(), ['22', '35', '49', '76', '92']);
      const maineEtLoire = links.find((l) => l.code === '49')!;
      assert.equal(maineEtLoire.href, '/palmares/2023?departement=49#laureats');
      assert.equal(maineEtLoire.label, 'Maine-et-Loire : 2 territoires labellisés, niveau moyen 5');
      assert.match(html, /<title>Maine-et-Loire\u00a0: 2 territoires labellisés, niveau moyen 5<\/title>/);
      assert.deepEqual(allLaureates((await page(maineEtLoire.href.split('#')[0]!)).body), [L.angers, L.trelaze].sort());
      for (const query of ['', '?categorie=ville', '?distinction=verte&carte=niveau', '?region=52&strate=gt100k', '?departement=76']) {
        const linksOf = mapLinks((await page(`/palmares/2023/carte${query}`)).body);
        assert.ok(linksOf.length > 0, query);
        for (const link of linksOf) {
          const count = Number(/: (\d+) territoires? labellisés?/.exec(link.label)?.[1]);
          const target = (await page(link.href.split('#')[0]!)).body;
          assert.equal(allLaureates(target).length, count, `${query} → ${link.href}`);
          assert.match(textOf(target), new RegExp(`Lauréats : ${count} territoires? labellisés?`));
        }
      }
    });

    test('the map follows every filter but its own, and has a text alternative', async () => {
      assert.deepEqual(
        mapLinks((await page('/palmares/2023/carte?categorie=village')).body).map((l) => l.code),
        ['35'],
      );
      // Filtered on a département, the map still shows the others, so that one can move to them.
      const filtered = (await page('/palmares/2023/carte?departement=49&categorie=ville')).body;
      assert.deepEqual(
        mapLinks(filtered)
          .map((l) => l.code)
          .sort(),
        ['49', '76', '92'],
      );
      assert.equal(mapLinks(filtered).find((l) => l.code === '76')!.href, '/palmares/2023?departement=76&categorie=ville#laureats');
      const table = (await page('/palmares/2023/carte?departement=49&categorie=ville&vue=tableau')).body;
      const rows = [...table.matchAll(/<tr data-departement="([^"]+)">([\s\S]*?)<\/tr>/g)].map((m) => [m[1], textOf(m[2]!)]);
      assert.deepEqual(rows, [
        ['49', 'Maine-et-Loire (49) 2 5 @'],
        ['76', 'Seine-Maritime (76) 1 4 @'],
        ['92', 'Hauts-de-Seine (92) 1 5 @'],
      ]);
      assert.match(textOf(filtered), /Guadeloupe \(971\) : aucun territoire labellisé/);
      assert.match(textOf(filtered), /Mayotte \(976\) : aucun territoire labellisé/);
    });

    test('two ways to shade the map, with a legend; the attribution of the map', async () => {
      const byCount = (await page('/palmares/2023/carte')).body;
      const byLevel = (await page('/palmares/2023/carte?carte=niveau')).body;
      assert.equal(shadeOf(byCount, '49'), 2, 'two territories');
      assert.equal(shadeOf(byCount, '76'), 1, 'one territory');
      assert.equal(shadeOf(byLevel, '49'), 5, 'average 5');
      assert.equal(shadeOf(byLevel, '35'), 3, 'average 3');
      assert.match(textOf(byCount), /3 ou 4 territoires/);
      assert.match(textOf(byLevel), /de 4,5 à 5 @/);
      assert.match(byLevel, /<input type="radio" id="carte-niveau" name="carte" value="niveau" checked\/>/);
      assert.match(textOf(byCount), /Carte : @svg-maps\/france\.departments ?, licence CC BY 4\.0 ?\(coordonnées arrondies\)/);
      assert.match(byCount, /href="https:\/\/creativecommons\.org\/licenses\/by\/4\.0\/deed\.fr"/);
    });

    test('the map has its own page, linked from the list with its filters and colouring; the list’s page carries no map', async () => {
      const list = await page('/palmares/2023?region=52&distinction=verte&carte=niveau');
      assert.doesNotMatch(list.body, /<svg class="france-map__svg"/);
      assert.doesNotMatch(list.body, /id="donnees-carte"/);
      const link = /<section aria-labelledby="titre-carte" id="carte"[\s\S]*?<a href="([^"]+)"/.exec(list.body)?.[1];
      assert.equal(decodeEntities(link ?? ''), '/palmares/2023/carte?region=52&distinction=verte&carte=niveau');
      const map = await page(decodeEntities(link!));
      assert.equal(mapLinks(map.body).length > 0, true);
      const tableLink = /<p class="france-map__data" id="donnees-carte" tabindex="-1"><a href="([^"]+)">/.exec(map.body)?.[1];
      assert.equal(
        decodeEntities(tableLink ?? ''),
        '/palmares/2023/carte?region=52&distinction=verte&carte=niveau&vue=tableau#carte',
        'its data table, a link away',
      );
      assert.doesNotMatch(map.body, /id="legende-donnees-carte"/);
      const table = await page(decodeEntities(tableLink!).replace(/#.*$/, ''));
      assert.equal(table.status, 200);
      assert.match(table.body, /id="legende-donnees-carte"/);
      assert.doesNotMatch(table.body, /<svg class="france-map__svg"/, 'the table alone, not the map again');
      assert.match(decodeEntities(table.body), /<a href="\/palmares\/2023\/carte\?region=52&distinction=verte&carte=niveau">Revenir à la carte<\/a>/);
      assert.match(map.body, /<input type="radio" id="carte-niveau" name="carte" value="niveau" checked\/>/);
      assert.match(map.body, /<form method="get" action="\/palmares\/2023\/carte" class="map-mode">/);
      assert.match(
        decodeEntities(map.body),
        /href="\/palmares\/2023\?region=52&distinction=verte&carte=niveau"><span aria-hidden="true">← <\/span>Revenir à la liste/,
      );
      await page('/palmares/1999/carte', 404);
      await page('/palmares/abcd/carte', 404);
    });

    test('the title and the heading say which filters are chosen, on the list and on the map', async () => {
      const titleOf = (html: string) => decodeEntities(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '');
      const h1Of = (html: string) => textOf(/<h1>[\s\S]*?<\/h1>/.exec(html)?.[0] ?? '');
      const plain = (await page('/palmares/2023')).body;
      assert.equal(titleOf(plain), 'Palmarès 2023 · arobase');
      assert.equal(h1Of(plain), 'Palmarès 2023');
      const filtered = (await page('/palmares/2023?region=52&categorie=ville&strate=gt100k&distinction=verte')).body;
      assert.equal(titleOf(filtered), 'Pays de la Loire, Ville, plus de 100 000 habitants, @ verte · Palmarès 2023 · arobase');
      assert.match(h1Of(filtered), /^Palmarès 2023\s*:\s*Pays de la Loire, Ville, plus de 100\s000 habitants, @ verte$/);
      const department = (await page('/palmares/2023/carte?departement=49')).body;
      assert.equal(titleOf(department), 'Maine-et-Loire (49) · Carte du palmarès 2023 · arobase');
      assert.match(h1Of(department), /^Carte du palmarès 2023\s*:\s*Maine-et-Loire \(49\)$/);
      // An ignored value is not in the title: the page does not show it.
      assert.equal(titleOf((await page('/palmares/2023?region=99')).body), 'Palmarès 2023 · arobase');
    });

    test('the edition page stays under 100 KB transferred, with brotli and with gzip', async () => {
      for (const encoding of ['br', 'gzip']) {
        const res = await server.app.inject({ method: 'GET', url: '/palmares/2023?carte=niveau', headers: { 'accept-encoding': encoding } });
        assert.equal(res.headers['content-encoding'], encoding);
        assert.ok(res.rawPayload.length < 100_000, `${encoding}: ${res.rawPayload.length} bytes`);
      }
    });
  });
}
