import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { tableRows } from '../../../test/support/html-tables.ts';
import { TestBrowser, decodeEntities, textOf } from '../../../test/support/http-client.ts';
import { LAUREATES, seedLabelHistory } from '../../../test/support/results-fixture.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { useTestServer } from '../../../test/support/test-server.ts';

const NEVER_LABELLED = '49028'; // Béhuard, a village of Angers Loire Métropole

for (const driver of drivers) {
  describe(`territory label history (${driver})`, () => {
    const server = useTestServer(driver);
    let visitor: TestBrowser;
    before(async () => {
      visitor = new TestBrowser(server.app);
      await seedLabelHistory(server.database.db);
    });

    test('Trélazé: seven years at 5 @, current level, excellence granted 2022 and valid until 2024', async () => {
      const page = await visitor.get(`/territoires/${LAUREATES.trelaze}`);
      assert.equal(page.status, 200);
      const text = textOf(page.body);
      assert.match(text, /Trélazé a obtenu le label 7 fois, de 2017 à 2023\./);
      assert.match(text, /Niveau actuel @@@@@ 5 arobases · Label 2023/);
      assert.match(text, /Territoire d’excellence numérique Accordé en 2022, valable jusqu’en 2024/);
      assert.match(text, /accordé par règle après 6 labels consécutifs à 5 @ ; il reste valable 3 ans/);
      assert.deepEqual(tableRows(page.body, 'graphique-label-tableau'), [
        ['2017', '5 @', ''],
        ['2018', '5 @', ''],
        ['2019', '5 @', ''],
        ['2020', '5 @', ''],
        ['2021', '5 @', ''],
        ['2022', '5 @', 'Territoire d’excellence numérique'],
        ['2023', '5 @', '@ verte, Territoire d’excellence numérique'],
      ]);
      const chart = decodeEntities(
        page.body.slice(page.body.indexOf('aria-labelledby="graphique-label-titre"'), page.body.indexOf('</svg>', page.body.indexOf('graphique-label-titre'))),
      );
      assert.ok(chart.includes('<title id="graphique-label-titre">Niveau de Trélazé au label, par édition</title>'));
      assert.equal(chart.match(/class="chart__marker/g)?.length, 7, 'seven points');
      assert.equal(/<path d="([^"]+)" class="chart__line/.exec(chart)?.[1]?.match(/M/g)?.length, 1, 'one unbroken line');
    });

    test('the edition under review shows nowhere in the history', async () => {
      const page = await visitor.get(`/territoires/${LAUREATES.trelaze}`);
      const rows = tableRows(page.body, 'graphique-label-tableau');
      assert.ok(!rows.some((row) => row[0] === '2024' || row[1] === '3 @'), 'no row of 2024, no 3 @');
      assert.ok(!page.body.includes('>2024</text>'), 'no 2024 on the chart');
      assert.match(textOf(page.body), /Niveau actuel @@@@@ 5 arobases · Label 2023/);
    });

    test('Trilport: a gap for each edition it did not take part in', async () => {
      const page = await visitor.get(`/territoires/${LAUREATES.trilport}`);
      const rows = tableRows(page.body, 'graphique-label-tableau');
      assert.deepEqual(
        rows.map((r) => r.slice(0, 2)),
        [
          ['2018', '4 @'],
          ['2019', '5 @'],
          ['2020', 'Non labellisé'],
          ['2021', 'Non labellisé'],
          ['2022', 'Non labellisé'],
          ['2023', 'Non labellisé'],
        ],
      );
      assert.match(textOf(page.body), /Territoire d’excellence numérique Non accordé/);
      assert.match(textOf(page.body), /Niveau actuel @@@@@ 5 arobases · Label 2019/);
    });

    test('the badge to embed, with absolute addresses from the base URL', async () => {
      const page = await visitor.get(`/territoires/${LAUREATES.trelaze}`);
      const html = decodeEntities(page.body);
      assert.match(html, /<img src="\/badges\/49353\.svg" alt="Trélazé\u00a0: Label arobase 5\u00a0@ en 2023" width="\d+" height="56"\/?>/);
      const snippet = /<textarea id="code-badge"[^>]*readonly[^>]*>([\s\S]*?)<\/textarea>/.exec(page.body)?.[1];
      assert.ok(snippet, 'a read-only textarea holds the snippet');
      const base = server.config.baseUrl;
      assert.match(
        decodeEntities(snippet),
        new RegExp(
          `^<a href="${base}/territoires/49353"><img src="${base}/badges/49353\\.svg" alt="Trélazé\u00a0: Label arobase 5\u00a0@ en 2023" width="\\d+" height="56"></a>$`,
        ),
      );
      assert.match(html, /<label for="code-badge">/);
    });

    test('a territory never labelled: a sentence and a link to the palmarès, no chart nor badge', async () => {
      const page = await visitor.get(`/territoires/${NEVER_LABELLED}`);
      assert.equal(page.status, 200);
      assert.match(textOf(page.body), /Béhuard n’a encore jamais obtenu le label\./);
      assert.ok(page.body.includes('href="/palmares"'));
      assert.ok(!page.body.includes('graphique-label') && !page.body.includes('code-badge'));
    });

    test('GET /api/v1/territories/:code has the label: current, history and excellence', async () => {
      const res = await visitor.get(`/api/v1/territories/${LAUREATES.trelaze}`);
      assert.equal(res.status, 200);
      const { label } = res.json();
      assert.deepEqual(label.current, { year: 2023, level: 5 });
      assert.deepEqual(
        label.history.map((h: { year: number; level: number }) => [h.year, h.level]),
        [2017, 2018, 2019, 2020, 2021, 2022, 2023].map((y) => [y, 5]),
      );
      assert.deepEqual(label.history[5].distinctions, ['excellence']);
      assert.deepEqual(label.history[6].distinctions, ['verte', 'excellence'], 'the title granted in 2022 is held in 2023');
      assert.deepEqual(label.excellence, { grantYears: [2022], validUntil: 2024, validNow: true });
      assert.equal(res.json().name, 'Trélazé', 'the rest of the sheet is unchanged');

      const never = (await visitor.get(`/api/v1/territories/${NEVER_LABELLED}`)).json();
      assert.deepEqual(never.label, { current: null, history: [], excellence: { grantYears: [], validUntil: null, validNow: false } });
      const trilport = (await visitor.get(`/api/v1/territories/${LAUREATES.trilport}`)).json();
      assert.deepEqual(trilport.label.current, { year: 2019, level: 5 });
    });
  });
}
