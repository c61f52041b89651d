import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { tableRows } from '../../../test/support/html-tables.ts';
import { textOf, type Page } from '../../../test/support/http-client.ts';
import { initiativesFixture, LE_TRAIT, TRELAZE } from '../../../test/support/initiatives-fixture.ts';
import { editionUnderReview, submittedDossiers, type FixtureDossier } from '../../../test/support/jury-fixture.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { formatDateTime } from '../../platform/views/format.ts';
import type { Person } from '../accounts/permissions.rules.ts';
import { getEdition } from '../label/editions.service.ts';
import { getCurrentReferentialVersion } from '../referential/referential.service.ts';
import { recordDeliberation } from './deliberation.service.ts';
import { pressKitMessages } from './press-kit.messages.ts';
import { pressKitOf } from './press-kit.service.ts';

const YEAR = 2027;
/** A published edition of the history, without any decision of the jury. */
const PAST = 2026;
const ANGERS = '49007';
const PARIS = '75056';
const VERSAILLES = '78646';
const BOM = '\uFEFF';
const HEADER = 'Région;Département;Code INSEE/SIREN;Territoire;Catégorie;Population;Niveau;Distinctions';

/** The CSV's lines, BOM and last line end removed, each split on its semicolons (no cell here holds one). */
function csvLines(page: Page): string[][] {
  assert.ok(page.body.startsWith(BOM), 'a UTF-8 BOM');
  const lines = page.body.slice(1).split('\r\n');
  assert.equal(lines.pop(), '', 'ends with a line end');
  return lines.map((l) => l.split(';'));
}

for (const driver of drivers) {
  describe(`the press kit per région (${driver})`, () => {
    const f = initiativesFixture(driver);
    let dossiers: FixtureDossier[];
    const idOf = (code: string) => dossiers.find((d) => d.territoryCode === code)!.applicationId;
    const path = `/admin/editions/${YEAR}/dossier-de-presse`;

    before(async () => {
      const db = f.db();
      const version = await getCurrentReferentialVersion(db);
      await editionUnderReview(db, YEAR, version);
      await db.execute(sql`insert into editions (year, state, published_at) values (${PAST}, 'published', '2026-06-30T16:00:00Z')`);
      await db.execute(sql`insert into edition_distinctions (year, distinction_code) values (${YEAR}, 'verte')`);
      dossiers = await submittedDossiers(db, YEAR, version, [TRELAZE, ANGERS, PARIS, VERSAILLES, LE_TRAIT]);
      const admin: Person = { id: f.ids.admin, role: 'admin' };
      const decide = (code: string, level: number, distinctions: string[] = []) =>
        recordDeliberation(db, admin, idOf(code), { level, distinctions, rationale: 'Une politique numérique suivie.' });
      await decide(TRELAZE, 5, ['verte']);
      await decide(ANGERS, 4);
      await decide(PARIS, 5);
      await decide(VERSAILLES, 5, ['verte']);
      await decide(LE_TRAIT, 3);
    });

    test('the page: the embargo until the ceremony, the national sentences, one section per région with its counts and its CSV', async () => {
      const page = await f.browsers.admin.get(path);
      assert.equal(page.status, 200, page.body);
      const text = textOf(page.body);
      const edition = await getEdition(f.db(), YEAR);
      const embargo = textOf(pressKitMessages.page.embargo(edition!.ceremonyAt));
      assert.ok(text.includes(embargo), `the embargo, until ${formatDateTime(edition!.ceremonyAt!)}`);
      assert.ok(text.indexOf(embargo) < text.indexOf('5 territoires labellisés'), 'the embargo comes first');
      for (const sentence of [
        '5 territoires labellisés en 2027, dont 3 à 5 @.',
        '3 communes à 5 @ dont 2 en Île-de-France.',
        '2 territoires reçoivent la mention @ verte.',
        'En Pays de la Loire, 2 territoires labellisés : 1 à 5 @, 1 à 4 @.',
        'En Île-de-France, 2 territoires labellisés : 2 à 5 @.',
        'En Normandie, 1 territoire labellisé : 1 à 3 @.',
      ])
        assert.ok(text.includes(sentence), sentence);
      assert.ok(text.includes(pressKitMessages.page.notClosed), 'the decisions may still change: the edition is under review');
      // The régions by name, each in its own section.
      const headings = [...page.body.matchAll(/<h2 id="region-(\d+)">([^<]*)<\/h2>/g)].map((m) => [m[1], m[2]]);
      assert.deepEqual(headings, [
        ['11', 'Île-de-France'],
        ['28', 'Normandie'],
        ['52', 'Pays de la Loire'],
      ]);
      assert.deepEqual(
        tableRows(page.body, 'niveaux-region-52').map((r) => r[1]),
        ['1', '1', '0', '0', '0'],
      );
      assert.deepEqual(
        tableRows(page.body, 'niveaux-national').map((r) => r[1]),
        ['3', '1', '1', '0', '0'],
      );
      assert.match(page.body, new RegExp(`href="${path}/52\\.csv"`));
      assert.match(page.body, new RegExp(`href="${path}\\.csv"`));
      assert.equal(page.headers['cache-control'], 'private, no-store');
    });

    test('the whole country’s CSV: every laureate, by région then best level and name', async () => {
      const res = await f.browsers.admin.get(`${path}.csv`);
      assert.equal(res.status, 200, res.body);
      assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/);
      assert.equal(res.headers['content-disposition'], `attachment; filename="dossier-de-presse-${YEAR}.csv"`);
      const [header, ...rows] = csvLines(res);
      assert.equal(header!.join(';'), HEADER);
      assert.deepEqual(
        rows.map((r) => [r[0], r[2], r[3], r[6], r[7]]),
        [
          ['Île-de-France', PARIS, 'Paris', '5', ''],
          ['Île-de-France', VERSAILLES, 'Versailles', '5', 'Mention @ verte'],
          ['Normandie', LE_TRAIT, 'Le Trait', '3', ''],
          ['Pays de la Loire', TRELAZE, 'Trélazé', '5', 'Mention @ verte'],
          ['Pays de la Loire', ANGERS, 'Angers', '4', ''],
        ],
      );
      const trelaze = rows.find((r) => r[2] === TRELAZE)!;
      assert.equal(trelaze[1], 'Maine-et-Loire (49)');
      assert.equal(trelaze[4], 'Ville');
      assert.match(trelaze[5]!, /^\d+$/, 'the population, a plain number');
    });

    test('a région’s CSV: its laureates only; a known région without laureates gives the header; an unknown one is a 404 in French', async () => {
      const res = await f.browsers.admin.get(`${path}/52.csv`);
      assert.equal(res.status, 200, res.body);
      assert.match(String(res.headers['content-type']), /^text\/csv/);
      assert.equal(res.headers['content-disposition'], `attachment; filename="dossier-de-presse-${YEAR}-pays-de-la-loire.csv"`);
      const [, ...rows] = csvLines(res);
      assert.deepEqual(
        rows.map((r) => r[3]),
        ['Trélazé', 'Angers'],
      );
      assert.ok(rows.every((r) => r[0] === 'Pays de la Loire'));

      const brittany = await f.browsers.admin.get(`${path}/53.csv`);
      assert.equal(brittany.status, 200);
      assert.deepEqual(
        csvLines(brittany).map((r) => r.join(';')),
        [HEADER],
      );

      for (const region of ['99', 'reg-52', '5', 'abc']) {
        const unknown = await f.browsers.admin.get(`${path}/${region}.csv`);
        assert.equal(unknown.status, 404, region);
        assert.ok(textOf(unknown.body).includes(textOf(pressKitMessages.errors.regionNotFound(region))), region);
      }
    });

    test('only the admin: a juror or a referent is refused, an anonymous visitor is sent to sign in', async () => {
      for (const url of [path, `${path}.csv`, `${path}/52.csv`]) {
        for (const who of ['juror', 'referent', 'member'] as const) assert.equal((await f.browsers[who].get(url)).status, 403, `${who} ${url}`);
        const anonymous = await f.browsers.anonymous.get(url);
        assert.equal(anonymous.status, 303, url);
        assert.match(anonymous.location ?? '', /connexion/, url);
      }
    });

    test('an unknown edition is a 404; an edition without decisions says so, without embargo once published', async () => {
      for (const url of [`/admin/editions/2031/dossier-de-presse`, `/admin/editions/2031/dossier-de-presse.csv`, `/admin/editions/annee/dossier-de-presse`]) {
        assert.equal((await f.browsers.admin.get(url)).status, 404, url);
      }
      const past = await f.browsers.admin.get(`/admin/editions/${PAST}/dossier-de-presse`);
      assert.equal(past.status, 200, past.body);
      const text = textOf(past.body);
      assert.ok(text.includes(textOf(pressKitMessages.page.none)));
      assert.ok(!text.includes(pressKitMessages.page.embargoTitle), 'a published edition is under no embargo');
      assert.deepEqual(
        csvLines(await f.browsers.admin.get(`/admin/editions/${PAST}/dossier-de-presse.csv`)).map((r) => r.join(';')),
        [HEADER],
      );
      const kit = await pressKitOf(f.db(), { id: f.ids.admin, role: 'admin' }, PAST);
      assert.deepEqual([kit.national.total, kit.national.sentences, kit.regions, kit.embargo], [0, [], [], null]);
    });
  });
}
