import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { tableRows } from '../../../test/support/html-tables.ts';
import { csrfTokenOf, textOf, type Page, type TestBrowser } from '../../../test/support/http-client.ts';
import { initiativesFixture, LE_TRAIT, TRELAZE } from '../../../test/support/initiatives-fixture.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { queryRows } from '../../platform/db/database.ts';
import { NR_INDICATORS } from './nr-indicators.data.ts';

const base = (code: string) => `/espace/${code}/numerique-responsable/indicateurs`;
const csvFile = (text: string | Buffer, filename = 'valeurs.csv') => ({
  field: 'file',
  filename,
  contentType: 'text/csv',
  data: Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'),
});
/** The chart's data table of an indicator's page: date, value, note, source (and the delete button). */
const valuesTable = (page: Page) => tableRows(page.body, 'evolution-tableau');

for (const driver of drivers) {
  describe(`responsible-digital indicators: typed in, imported from CSV, charted (${driver})`, () => {
    const f = initiativesFixture(driver);
    const count = async (code: string, indicator?: string) =>
      (
        await queryRows<{ n: number }>(
          f.db(),
          indicator
            ? sql`select count(*)::int as n from nr_indicator_values where territory_code = ${code} and indicator = ${indicator}`
            : sql`select count(*)::int as n from nr_indicator_values where territory_code = ${code}`,
        )
      )[0]!.n;

    async function upload(browser: TestBrowser, code: string, text: string | Buffer) {
      const page = await browser.get(base(code));
      assert.equal(page.status, 200, page.body);
      return browser.upload(`${base(code)}/import`, { _csrf: csrfTokenOf(page.body) }, csvFile(text));
    }

    let boxesId: string;

    before(async () => {
      // Nothing of another test file: the territories start without values.
      assert.equal(await count(LE_TRAIT), 0);
    });

    test('Le Trait’s story typed in: 1,2 t recycled, a custom indicator of filled boxes, the smartphones counted', async () => {
      const trait = f.browsers.leTrait;
      const deee = `${base(LE_TRAIT)}/deee-recycles`;
      const saved = await trait.submit(
        deee,
        { date: '22/03/2025', value: '1,2', note: 'Matériel obsolète envoyé au recyclage' },
        { action: `${deee}/valeurs` },
      );
      assert.equal(saved.status, 303, saved.body);
      const page = await trait.follow(saved);
      assert.ok(textOf(page.body).includes('La valeur du 22 mars 2025 est enregistrée'), textOf(page.body));
      assert.deepEqual(valuesTable(page)[0]!.slice(0, 4), ['22 mars 2025', '1,2', 'Matériel obsolète envoyé au recyclage', 'à la main']);
      assert.match(page.body, /<svg class="chart__svg" role="img"/, 'the line chart is drawn');

      // The same date again: replaced, and said so.
      const again = await trait.submit(deee, { date: '2025-03-22', value: '1,25' }, { action: `${deee}/valeurs` });
      const replaced = await trait.follow(again);
      assert.ok(textOf(replaced.body).includes('La valeur du 22 mars 2025 a remplacé celle qui était enregistrée'));
      assert.deepEqual(
        valuesTable(replaced).map((r) => r.slice(0, 2)),
        [['22 mars 2025', '1,25']],
      );
      await trait.submit(deee, { date: '2025-03-22', value: '1,2' }, { action: `${deee}/valeurs` });

      // Three of the four boxes filled: a custom indicator of the territory.
      const created = await trait.submit(base(LE_TRAIT), { name: 'Boîtes de collecte de smartphones remplies', unit: 'boîtes' }, { action: base(LE_TRAIT) });
      assert.equal(created.status, 303, created.body);
      boxesId = /indicateurs\/([0-9a-f-]{36})\?ok=cree/.exec(created.location ?? '')?.[1] ?? '';
      assert.ok(boxesId, created.location);
      const boxes = `${base(LE_TRAIT)}/${boxesId}`;
      const first = await trait.follow(created);
      assert.ok(textOf(first.body).includes('L’indicateur « Boîtes de collecte de smartphones remplies » est créé'));
      await trait.submit(boxes, { date: '2025-06-30', value: '3', note: 'Trois des quatre boîtes' }, { action: `${boxes}/valeurs` });
      await trait.submit(
        `${base(LE_TRAIT)}/smartphones-collectes`,
        { date: '2025-06-30', value: '120' },
        { action: `${base(LE_TRAIT)}/smartphones-collectes/valeurs` },
      );

      // The same name again, in other case and without accents: refused on `name`, nothing created.
      const twice = await trait.submit(base(LE_TRAIT), { name: 'boites de collecte de smartphones remplies', unit: 'boîtes' }, { action: base(LE_TRAIT) });
      assert.equal(twice.status, 400);
      assert.ok(textOf(twice.body).includes('Nom de l’indicateur : votre espace a déjà un indicateur nommé « Boîtes de collecte de smartphones remplies »'));
      const customs = await queryRows<{ n: number }>(f.db(), sql`select count(*)::int as n from nr_custom_indicators where territory_code = ${LE_TRAIT}`);
      assert.equal(customs[0]!.n, 1);

      const list = await trait.get(base(LE_TRAIT));
      assert.equal(list.status, 200);
      const rows = tableRows(list.body, 'legende-indicateurs');
      const row = (name: string) => rows.find((r) => r[0]!.startsWith(name));
      assert.deepEqual(row('Équipements informatiques envoyés au recyclage')?.slice(2, 4), ['1,2 t', '22 mars 2025']);
      assert.deepEqual(row('Boîtes de collecte de smartphones remplies')?.slice(2, 4), ['3 boîtes', '30 juin 2025']);
      assert.deepEqual(row('Smartphones collectés')?.slice(2, 4), ['120 smartphones', '30 juin 2025']);
      assert.equal(row('Pages imprimées')?.[2], 'Aucune valeur');
      assert.ok(list.body.includes(`href="${base(LE_TRAIT)}/modele.csv"`), 'the example file is linked');
    });

    test('the mailbox followed by CSV after 30 Go deleted: a bad row among good ones → 400 naming its line and column, nothing written', async () => {
      const trait = f.browsers.leTrait;
      const before = await count(LE_TRAIT);
      const csv = [
        'indicateur;date;valeur;note',
        'volume-messagerie;2025-03-15;410;Avant le nettoyage',
        'volume-messagerie;2025-02-30;380;',
        'volume-messagerie;2025-04-30;385;',
        'inconnu;2025-04-30;1;',
        'postes-eteints;2025-04-30;beaucoup;',
      ].join('\r\n');
      const refused = await upload(trait, LE_TRAIT, `\uFEFF${csv}`);
      assert.equal(refused.status, 400, refused.body);
      const text = textOf(refused.body);
      assert.ok(text.includes('Rien n’a été importé : 3 lignes sont à corriger'), text);
      assert.ok(text.includes('Ligne 3, colonne date : « 2025-02-30 » n’est pas une date'), text);
      assert.ok(text.includes('Ligne 5, colonne indicateur : indicateur « inconnu » inconnu'), text);
      assert.ok(text.includes('Ligne 6, colonne valeur : « beaucoup » n’est pas un nombre'), text);
      assert.equal(await count(LE_TRAIT), before, 'nothing written, not even the good rows');
      assert.equal(await count(LE_TRAIT, 'volume-messagerie'), 0);
    });

    test('a good CSV (commas, a custom indicator by name, a date already there): all written, the summary says what', async () => {
      const trait = f.browsers.leTrait;
      const csv = [
        'indicateur,date,valeur,note',
        'volume-messagerie,15/03/2025,410,Avant le nettoyage',
        'volume-messagerie,29/03/2025,380,Après la suppression de 30 Go',
        'volume-messagerie,30/04/2025,"372,5",',
        'Boîtes de collecte de smartphones remplies,2025-06-30,3,Toujours trois',
        'deee-recycles,2025-03-22,"1,2",',
      ].join('\n');
      const done = await upload(trait, LE_TRAIT, csv);
      assert.equal(done.status, 303, done.body);
      const list = await trait.follow(done);
      assert.ok(textOf(list.body).includes('5 valeurs importées pour 3 indicateurs : 3 nouvelles, 2 remplacées.'), textOf(list.body));
      assert.equal(await count(LE_TRAIT, 'volume-messagerie'), 3);

      const mailbox = await trait.get(`${base(LE_TRAIT)}/volume-messagerie`);
      assert.deepEqual(
        valuesTable(mailbox).map((r) => r.slice(0, 4)),
        [
          ['15 mars 2025', '410', 'Avant le nettoyage', 'import CSV'],
          ['29 mars 2025', '380', 'Après la suppression de 30 Go', 'import CSV'],
          ['30 avril 2025', '372,5', '—', 'import CSV'],
        ],
      );
      // Less mail is better: the trend says it goes the right way.
      assert.ok(textOf(mailbox.body).includes('En baisse de 7,5 Go depuis le 29 mars 2025, dans le bon sens.'), textOf(mailbox.body));
      const boxes = await trait.get(`${base(LE_TRAIT)}/${boxesId}`);
      assert.deepEqual(valuesTable(boxes)[0]!.slice(0, 4), ['30 juin 2025', '3', 'Toujours trois', 'import CSV']);
    });

    test('the example file downloads, and imports as it is', async () => {
      const trait = f.browsers.leTrait;
      const model = await trait.get(`${base(TRELAZE)}/modele.csv`);
      assert.equal(model.status, 403, 'another territory’s workspace: refused');
      const own = await trait.get(`${base(LE_TRAIT)}/modele.csv`);
      assert.equal(own.status, 200);
      assert.match(String(own.headers['content-type']), /^text\/csv/);
      assert.match(String(own.headers['content-disposition']), /attachment; filename="modele-indicateurs.csv"/);
      assert.ok(own.body.startsWith('\uFEFFindicateur;date;valeur;note\r\n'), own.body);
      const contributor = f.browsers.contributor;
      const imported = await upload(contributor, TRELAZE, own.body);
      assert.equal(imported.status, 303, imported.body);
      assert.equal(await count(TRELAZE), own.body.trim().split('\r\n').length - 1);
    });

    test('a value deleted from its row; a date with no value is a 404, a malformed one a 400', async () => {
      const contributor = f.browsers.contributor;
      const page = `${base(TRELAZE)}/volume-messagerie`;
      const before = await count(TRELAZE, 'volume-messagerie');
      const shown = await contributor.get(page);
      assert.ok(shown.body.includes('aria-label="Supprimer la valeur du 15 mars 2025"'));
      const deleted = await contributor.submit(page, { date: '2025-03-15' }, { action: `${page}/valeurs/supprimer` });
      assert.equal(deleted.status, 303, deleted.body);
      assert.ok(textOf((await contributor.follow(deleted)).body).includes('La valeur du 15 mars 2025 est supprimée.'));
      assert.equal(await count(TRELAZE, 'volume-messagerie'), before - 1);
      const csrf = csrfTokenOf(shown.body);
      assert.equal((await contributor.post(`${page}/valeurs/supprimer`, { _csrf: csrf, date: '2025-03-15' })).status, 404);
      const malformed = await contributor.post(`${page}/valeurs/supprimer`, { _csrf: csrf, date: 'hier' });
      assert.equal(malformed.status, 400);
      assert.ok(textOf(malformed.body).includes('Date de la mesure : « hier » n’est pas une date'));
    });

    test('a reader reads but cannot write (403); the admin reads; another territory’s member reads nothing', async () => {
      const reader = f.browsers.reader;
      const list = await reader.get(base(TRELAZE));
      assert.equal(list.status, 200);
      assert.doesNotMatch(list.body, /name="file"|name="unit"/, 'no form for a reader');
      const page = await reader.get(`${base(TRELAZE)}/deee-recycles`);
      assert.equal(page.status, 200);
      assert.doesNotMatch(page.body, /name="value"|Supprimer/);
      const csrf = csrfTokenOf(page.body);
      const before = await count(TRELAZE);
      for (const [url, fields] of [
        [`${base(TRELAZE)}/deee-recycles/valeurs`, { date: '2025-03-22', value: '2' }],
        [`${base(TRELAZE)}/smartphones-collectes/valeurs/supprimer`, { date: '2025-06-30' }],
        [base(TRELAZE), { name: 'Ateliers', unit: 'ateliers' }],
        [`${base(TRELAZE)}/import`, {}],
      ] as const) {
        const res = await reader.post(url, { _csrf: csrf, ...fields });
        assert.equal(res.status, 403, `${url}: ${res.status}`);
      }
      const upload403 = await reader.upload(`${base(TRELAZE)}/import`, { _csrf: csrf }, csvFile('indicateur;date;valeur\ndeee-recycles;2025-01-01;1\n'));
      assert.equal(upload403.status, 403);
      assert.equal(await count(TRELAZE), before, 'nothing written');

      const admin = await f.browsers.admin.get(`${base(LE_TRAIT)}/volume-messagerie`);
      assert.equal(admin.status, 200, 'the label’s staff read every territory');
      assert.doesNotMatch(admin.body, /name="value"/, 'and write none');

      // Le Trait's contributor and Trélazé's pages: refused; Le Trait's own indicator under Trélazé's URL: not there.
      const trait = f.browsers.leTrait;
      assert.equal((await trait.get(base(TRELAZE))).status, 403);
      assert.equal((await trait.get(`${base(TRELAZE)}/deee-recycles`)).status, 403);
      assert.equal((await f.browsers.contributor.get(`${base(TRELAZE)}/${boxesId}`)).status, 404);
      assert.equal((await f.browsers.member.get(base(TRELAZE))).status, 403);
      const anonymous = await f.browsers.anonymous.get(base(TRELAZE));
      assert.equal(anonymous.status, 303);
      assert.match(anonymous.location ?? '', /^\/connexion\?retour=/);
    });

    test('bad input is a 4xx in French naming the field, never a 500, and writes nothing', async () => {
      const contributor = f.browsers.contributor;
      const page = `${base(TRELAZE)}/postes-eteints`;
      const shown = await contributor.get(page);
      const csrf = csrfTokenOf(shown.body);
      const before = await count(TRELAZE);
      const cases: [Record<string, string>, string][] = [
        [{ date: '2025-02-30', value: '12' }, 'Date de la mesure : « 2025-02-30 » n’est pas une date'],
        [{ date: '2999-01-01', value: '12' }, 'Date de la mesure : la date ne peut pas être dans le futur'],
        [{ date: '2025-03-01', value: 'douze' }, 'Valeur : « douze » n’est pas un nombre'],
        [{ date: '2025-03-01', value: '120' }, 'Valeur : un pourcentage va de 0 à 100 %'],
        [{ date: '2025-03-01', value: '1e400' }, 'Valeur : « 1e400 » n’est pas un nombre'],
        [{ date: '', value: '' }, 'Date de la mesure : obligatoire'],
        [{ date: '2025-03-01', value: '12', note: 'n'.repeat(2001) }, 'Note : la note dépasse 2 000 caractères'],
      ];
      for (const [fields, message] of cases) {
        const res = await contributor.post(`${page}/valeurs`, { _csrf: csrf, ...fields });
        assert.equal(res.status, 400, JSON.stringify(fields));
        assert.ok(textOf(res.body).includes(message), `${message}\n${textOf(res.body).slice(0, 400)}`);
      }
      // Unknown indicators, a custom one's malformed id, an unknown territory: 404.
      for (const url of [`${base(TRELAZE)}/inconnu`, `${base(TRELAZE)}/00000000-0000-4000-8000-000000000000`, `${base('99999')}/deee-recycles`]) {
        assert.equal((await contributor.get(url)).status, 404, url);
      }
      assert.equal((await contributor.post(`${base(TRELAZE)}/inconnu/valeurs`, { _csrf: csrf, date: '2025-01-01', value: '1' })).status, 404);
      // A repeated field, a JSON body, an over-long path parameter, a custom indicator without a name.
      assert.equal((await contributor.post(`${page}/valeurs`, { _csrf: csrf, date: ['2025-01-01', 'x'], value: '1' })).status, 400);
      const json = await contributor.request('POST', `${page}/valeurs`, JSON.stringify({ _csrf: csrf, value: { a: 1 } }), {
        'content-type': 'application/json',
      });
      assert.ok(json.status >= 400 && json.status < 500, `JSON body: ${json.status}`);
      const long = (await contributor.get(`${base(TRELAZE)}/${'x'.repeat(200)}`)).status;
      assert.ok(long >= 400 && long < 500, `an over-long parameter: ${long}`);
      const nameless = await contributor.post(base(TRELAZE), { _csrf: csrf, name: '', unit: '' });
      assert.equal(nameless.status, 400);
      assert.ok(textOf(nameless.body).includes('Nom de l’indicateur : donnez un nom à l’indicateur'));
      // Uploads: no file, an empty one, not UTF-8, no column.
      const noFile = await contributor.post(`${base(TRELAZE)}/import`, { _csrf: csrf });
      assert.equal(noFile.status, 400);
      assert.ok(textOf(noFile.body).includes('Fichier CSV : choisissez un fichier CSV'));
      for (const [data, message] of [
        [Buffer.alloc(0), 'Fichier CSV : le fichier est vide'],
        [Buffer.from([0xff, 0xfe, 0x00, 0x41]), 'Fichier CSV : le fichier n’est pas en UTF-8'],
        ['a;b\n1;2\n', 'Fichier CSV : colonnes manquantes : indicateur, date, valeur'],
      ] as const) {
        const res = await upload(contributor, TRELAZE, data);
        assert.equal(res.status, 400, String(message));
        assert.ok(textOf(res.body).includes(message), `${message}\n${textOf(res.body).slice(0, 400)}`);
      }
      assert.equal(await count(TRELAZE), before, 'nothing written');
    });

    test('GET /api/v1/nr/indicators: the standard catalogue, public, cached', async () => {
      const res = await f.api('anonymous', 'GET', '/api/v1/nr/indicators');
      assert.equal(res.status, 200, res.body);
      const body = res.json();
      assert.equal(body.total, NR_INDICATORS.length);
      assert.ok(body.total >= 10);
      assert.deepEqual(body.items[0], { id: 'deee-recycles', name: 'Équipements informatiques envoyés au recyclage', unit: 't', theme: 'parc', better: 'up' });
      assert.match(String(res.headers['cache-control']), /public/);
    });
  });
}
