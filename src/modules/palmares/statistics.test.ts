import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { tableRows } from '../../../test/support/html-tables.ts';
import { TestBrowser, decodeEntities, textOf } from '../../../test/support/http-client.ts';
import { seedLabelHistory } from '../../../test/support/results-fixture.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { useTestServer } from '../../../test/support/test-server.ts';
import { averageLevel } from '../label/results.rules.ts';
import { listPublishedEditions, listPublishedResults } from '../label/results.service.ts';

const fr = (n: number) => new Intl.NumberFormat('fr-FR').format(n);

for (const driver of drivers) {
  describe(`statistics page (${driver})`, () => {
    const server = useTestServer(driver);
    let visitor: TestBrowser;
    before(async () => {
      visitor = new TestBrowser(server.app);
    });

    test('before any publication: a plain sentence, no chart', async () => {
      const page = await visitor.get('/statistiques');
      assert.equal(page.status, 200);
      assert.match(textOf(page.body), /Aucun palmarès n’est encore publié/);
      assert.ok(!page.body.includes('<svg class="chart__svg"'));
      assert.equal(page.body.match(/<h1[\s>]/g)?.length, 1);
    });

    describe('with the label history 2017–2023 and 2024 under review', () => {
      before(() => seedLabelHistory(server.database.db));

      test('levels per edition: the same counts as listPublishedEditions, published editions only', async () => {
        const page = await visitor.get('/statistiques');
        assert.equal(page.status, 200);
        assert.equal(page.headers['cache-control'], 'public, max-age=300');
        const editions = (await listPublishedEditions(server.database.db)).sort((a, b) => a.year - b.year);
        assert.deepEqual(
          editions.map((e) => e.year),
          [2017, 2018, 2019, 2020, 2021, 2022, 2023],
        );
        const expected = editions.map((e) => [String(e.year), ...[1, 2, 3, 4, 5].map((l) => fr(e.levels[l as 1])), fr(e.total)]);
        assert.deepEqual(tableRows(page.body, 'graphique-niveaux-tableau'), expected);
        assert.deepEqual(tableRows(page.body, 'graphique-niveaux-tableau').at(-1), ['2023', '0', '0', '1', '2', '3', '6']);
        // The chart itself: one bar per non-empty (edition, level), a total above each edition.
        const chart = page.body.slice(
          page.body.indexOf('id="graphique-niveaux-titre"'),
          page.body.indexOf('</svg>', page.body.indexOf('id="graphique-niveaux-titre"')),
        );
        const nonEmpty = editions.reduce((n, e) => n + [1, 2, 3, 4, 5].filter((l) => e.levels[l as 1] > 0).length, 0);
        assert.equal(chart.match(/<rect class="chart__bar"/g)?.length, nonEmpty);
        assert.deepEqual(
          [...chart.matchAll(/class="chart__value"[^>]*>([^<]*)</g)].map((m) => m[1]),
          editions.map((e) => fr(e.total)),
        );
        assert.match(
          decodeEntities(page.body),
          /<svg class="chart__svg" role="img" aria-labelledby="graphique-niveaux-titre" aria-describedby="graphique-niveaux-desc"/,
        );
      });

      test('evolution: number labelled and average level per edition', async () => {
        const page = await visitor.get('/statistiques');
        const results = await listPublishedResults(server.database.db);
        const years = [2017, 2018, 2019, 2020, 2021, 2022, 2023];
        const levelsOf = (year: number) => results.filter((r) => r.year === year).map((r) => r.level);
        assert.deepEqual(
          tableRows(page.body, 'graphique-evolution-tableau'),
          years.map((y) => [String(y), fr(levelsOf(y).length)]),
        );
        assert.deepEqual(
          tableRows(page.body, 'graphique-moyenne-tableau'),
          years.map((y) => [String(y), `${fr(averageLevel(levelsOf(y))!)} @`]),
        );
        assert.deepEqual(tableRows(page.body, 'graphique-moyenne-tableau')[5], ['2022', '3,8 @'], '(5 + 5 + 4 + 2 + 3) / 5');
      });

      test('a sentence sums it up', async () => {
        const text = textOf((await visitor.get('/statistiques')).body);
        assert.match(
          text,
          /7 éditions publiées, de 2017 à 2023 : 24 labels attribués en tout\. En 2023, 6 territoires labellisés, dont 3 à 5 @ ; niveau moyen 4,3 @\./,
        );
      });

      test('the latest edition in detail by default: per région, stratum and category', async () => {
        const page = await visitor.get('/statistiques');
        const text = textOf(page.body);
        assert.match(text, /L’édition 2023 en détail/);
        assert.match(page.body, /<option value="2023" selected>2023<\/option>/);
        assert.deepEqual(tableRows(page.body, 'graphique-regions-tableau'), [
          ['Bretagne', '0', '0', '1', '1', '0', '2', '3,5'],
          ['Pays de la Loire', '0', '0', '0', '0', '2', '2', '5'],
          ['Île-de-France', '0', '0', '0', '0', '1', '1', '5'],
          ['Normandie', '0', '0', '0', '1', '0', '1', '4'],
        ]);
        assert.deepEqual(
          tableRows(page.body, 'graphique-strates-tableau').map((r) => [r[0], r[6]]),
          [
            ['Moins de 3 000 habitants', '1'],
            ['De 3 000 à 20 000 habitants', '2'],
            ['De 20 000 à 100 000 habitants', '1'],
            ['Plus de 100 000 habitants', '2'],
          ],
        );
        assert.deepEqual(
          tableRows(page.body, 'graphique-categories-tableau').map((r) => [r[0], r[6]]),
          [
            ['Village', '1'],
            ['Ville', '4'],
            ['Territoire', '1'],
          ],
        );
        assert.ok(page.body.includes('href="/palmares/2023"'));
      });

      test('another edition chosen with the form (GET ?edition=2022)', async () => {
        const page = await visitor.get('/statistiques?edition=2022');
        assert.equal(page.status, 200);
        assert.match(textOf(page.body), /L’édition 2022 en détail/);
        assert.match(page.body, /<option value="2022" selected>2022<\/option>/);
        assert.deepEqual(
          tableRows(page.body, 'graphique-regions-tableau').map((r) => [r[0], r[6]]),
          [
            ['Pays de la Loire', '3'],
            ['Bretagne', '1'],
            ['Normandie', '1'],
          ],
        );
        assert.ok(!page.body.includes('alert--warning'));
      });

      test('an edition under review, or not an edition, is ignored with a visible notice', async () => {
        for (const value of ['2024', '1990', 'abc', '2023 OR 1=1']) {
          const page = await visitor.get(`/statistiques?edition=${encodeURIComponent(value)}`);
          assert.equal(page.status, 200, value);
          assert.ok(textOf(page.body).includes(`L’édition « ${value} » n’a pas de palmarès publié : les chiffres de 2023 sont affichés.`), value);
          assert.match(textOf(page.body), /L’édition 2023 en détail/);
        }
      });

      test('the edition under review appears nowhere: not a column, not an option, not a count', async () => {
        const page = await visitor.get('/statistiques');
        assert.ok(!page.body.includes('2024'), 'no 2024 on the page');
        assert.ok(!page.body.includes('value="2024"'));
      });
    });
  });
}
