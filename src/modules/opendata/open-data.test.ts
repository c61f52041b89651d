import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import { TestBrowser, textOf } from '../../../test/support/http-client.ts';
import { createActiveUser } from '../../../test/support/accounts.ts';
import { LAUREATES, seedLabelHistory, UNPUBLISHED_RESULT } from '../../../test/support/results-fixture.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { useTestServer } from '../../../test/support/test-server.ts';
import { memberships } from '../accounts/schema.ts';
import { findOrCreateActor } from '../actors/actors.service.ts';
import { deleteInitiative } from '../initiatives/publication.service.ts';
import { createInitiative } from '../initiatives/save-initiative.service.ts';
import { countIndexEntries } from '../observatory/search-index.service.ts';
import { getCurrentReferential } from '../referential/referential.service.ts';
import { getTerritoryLabelHistory, listEditionResults, listPublishedEditions, listPublishedResults } from '../label/results.service.ts';
import { DATASETS } from './datasets.ts';
import { csvCell, type CsvDialect, type JsonValue } from './export-format.rules.ts';

type Item = Record<string, JsonValue>;

const PUBLIC_TITLE = 'Dématérialisation des congés, "sans papier"';
const DRAFT_TITLE = 'Brouillon confidentiel du Trait';
const DELETED_TITLE = 'Fiche retirée par Trélazé';
const DESCRIPTION = 'Le service RH a **dématérialisé** les demandes :\n\n- demande en ligne, "sans papier"\n- suivi des soldes';

for (const driver of drivers) {
  describe(`open data (${driver})`, () => {
    const server = useTestServer(driver);
    let visitor: TestBrowser;
    const ids = { public: '', other: '', draft: '', deleted: '', actor: '' };

    before(async () => {
      visitor = new TestBrowser(server.app);
      const db = server.database.db;
      await seedLabelHistory(db);
      const user = await createActiveUser(db, { email: 'referente@trelaze.example.fr', role: 'member' });
      const territories = [LAUREATES.trelaze, LAUREATES.leTrait];
      await db.insert(memberships).values(territories.map((territoryCode) => ({ userId: user.id, territoryCode, role: 'referent' as const })));
      const member = { id: user.id, role: 'member' as const, memberships: territories.map((territoryCode) => ({ territoryCode, role: 'referent' as const })) };
      ids.actor = (await findOrCreateActor(db, member, { name: 'Lisio', kind: 'company' })).actor.id;
      ids.public = (
        await createInitiative(db, member, {
          territoryCode: LAUREATES.trelaze,
          title: PUBLIC_TITLE,
          summary: 'Les agents demandent leurs congés en ligne ;\nles validations se font sans papier.',
          description: DESCRIPTION,
          indicators: [
            { label: 'Demandes traitées en ligne', value: 1200, unit: 'demandes', date: '2022-12-31' },
            { label: 'Papier économisé', value: 1.5, unit: 'ramettes', date: null },
          ],
          status: 'done',
          startDate: '2021-01-04',
          endDate: '2021-06-30',
          serviceIds: ['dematerialisation-rh', 'collecte-smartphones'],
          actorIds: [ids.actor],
          audiences: ['agents', 'inhabitants'],
          responsibleDigital: true,
          visibility: 'public',
        })
      ).id;
      ids.other = (
        await createInitiative(db, member, {
          territoryCode: LAUREATES.leTrait,
          title: 'Collecte des vieux ordinateurs',
          summary: 'Reconditionnement.',
          status: 'in_progress',
          serviceIds: ['collecte-ordinateurs-inutilises'],
          visibility: 'public',
        })
      ).id;
      ids.draft = (
        await createInitiative(db, member, {
          territoryCode: LAUREATES.leTrait,
          title: DRAFT_TITLE,
          summary: 'Pas encore publiée.',
          status: 'planned',
          serviceIds: ['dematerialisation-rh'],
        })
      ).id;
      ids.deleted = (
        await createInitiative(db, member, {
          territoryCode: LAUREATES.trelaze,
          title: DELETED_TITLE,
          summary: 'Publiée puis supprimée.',
          status: 'done',
          serviceIds: ['dematerialisation-rh'],
          visibility: 'public',
        })
      ).id;
      await deleteInitiative(db, member, ids.deleted);
    });

    const getJson = async (url: string) => {
      const res = await visitor.get(url);
      assert.equal(res.status, 200, `${url}: ${res.status} ${res.body.slice(0, 200)}`);
      return res.json<{ items: Item[]; total: number }>();
    };
    const getCsv = async (url: string, dialect: CsvDialect = 'comma') => {
      const res = await visitor.get(url);
      assert.equal(res.status, 200, url);
      return { raw: res.body, rows: parse(res.body, { bom: true, columns: true, delimiter: dialect === 'comma' ? ',' : ';' }) as Record<string, string>[] };
    };

    test('palmarès: one row per published result, as many as the editions count, never the edition under review', async () => {
      const db = server.database.db;
      const { items, total } = await getJson('/open-data/palmares.json');
      const editions = await listPublishedEditions(db);
      assert.equal(
        total,
        editions.reduce((n, e) => n + Object.values(e.levels).reduce((a, b) => a + b, 0), 0),
      );
      assert.equal(items.length, total);
      for (const edition of editions) {
        for (const [level, count] of Object.entries(edition.levels)) {
          assert.equal(items.filter((i) => i.annee === edition.year && i.niveau === Number(level)).length, count, `${edition.year}, ${level} @`);
        }
      }
      const key = (year: number, code: string, level: number, distinctions: readonly string[]) => `${year}|${code}|${level}|${distinctions.join(',')}`;
      assert.deepEqual(
        new Set(items.map((i) => key(i.annee as number, i.code_territoire as string, i.niveau as number, i.distinctions_codes as string[]))),
        new Set((await listPublishedResults(db)).map((r) => key(r.year, r.territoryCode, r.level, r.distinctions))),
      );
      assert.ok(!items.some((i) => i.annee === UNPUBLISHED_RESULT.year));
      const trelaze2023 = items.find((i) => i.annee === 2023 && i.code_territoire === LAUREATES.trelaze)!;
      assert.deepEqual(trelaze2023, {
        annee: 2023,
        code_territoire: '49353',
        nom: 'Trélazé',
        type_territoire: 'commune',
        type_territoire_libelle: 'Commune',
        code_departement: '49',
        nom_departement: 'Maine-et-Loire',
        code_region: '52',
        nom_region: 'Pays de la Loire',
        categorie: 'ville',
        categorie_libelle: 'Ville',
        strate: '3k-20k',
        strate_libelle: 'de 3 000 à 20 000 habitants',
        niveau: 5,
        // The title granted in 2022 is still held in 2023 (issue 12, finding 2).
        distinctions_codes: ['verte', 'excellence'],
        distinctions: ['@ verte', 'Territoire d’excellence numérique'],
      });
      const excellence = items.find((i) => i.annee === 2022 && i.code_territoire === LAUREATES.trelaze)!;
      assert.deepEqual([excellence.distinctions_codes, excellence.distinctions], [['excellence'], ['Territoire d’excellence numérique']]);
    });

    test('palmarès of one edition: the results service’s list, in its order; 404 for an unpublished or unknown year, 400 for a malformed one', async () => {
      const { items } = await getJson('/open-data/palmares.json?annee=2023');
      const expected = (await listEditionResults(server.database.db, 2023))!;
      assert.deepEqual(
        items.map((i) => [i.code_territoire, i.niveau]),
        expected.map((r) => [r.code, r.level]),
      );
      const csv = await visitor.get('/open-data/palmares.csv?annee=2023&separateur=point-virgule');
      assert.equal(csv.headers['content-disposition'], 'attachment; filename="arobase-palmares-2023-point-virgule.csv"');
      for (const url of [
        `/open-data/palmares.csv?annee=${UNPUBLISHED_RESULT.year}`,
        '/open-data/palmares.json?annee=2016',
        '/open-data/palmares.csv?annee=1800',
      ]) {
        const res = await visitor.get(url);
        assert.equal(res.status, 404, url);
        assert.doesNotMatch(res.body, /annee,code_territoire/);
      }
      const json404 = await visitor.get(`/open-data/palmares.json?annee=${UNPUBLISHED_RESULT.year}`);
      assert.deepEqual(json404.json(), { error: 'not_found', message: 'Aucun palmarès publié pour l’année 2024.', field: 'annee' });
      for (const url of [
        '/open-data/palmares.csv?annee=20x4',
        '/open-data/palmares.json?annee=23',
        '/open-data/initiatives.csv?annee=2023',
        '/open-data/palmares.csv?separateur=tab',
      ]) {
        const res = await visitor.get(url);
        assert.equal(res.status, 400, url);
        assert.match(textOf(res.body), /Le paramètre « (annee|separateur) »/, url);
      }
      assert.equal((await visitor.get('/open-data/palmares.json?annee=abcd')).json().field, 'annee');
    });

    test('labelled territories: one row per territory, agreeing with each territory’s label history', async () => {
      const db = server.database.db;
      const { items, total } = await getJson('/open-data/territoires-labellises.json');
      const codes = new Set((await listPublishedResults(db)).map((r) => r.territoryCode));
      assert.equal(total, codes.size);
      assert.deepEqual(new Set(items.map((i) => i.code_territoire)), codes);
      for (const item of items) {
        const history = await getTerritoryLabelHistory(db, item.code_territoire as string);
        assert.equal(item.historique, history.results.map((r) => `${r.year}:${r.level}`).join(';'));
        assert.equal(item.nombre_labels, history.results.length);
        assert.equal(item.dernier_niveau, history.current?.level);
        assert.equal(item.derniere_annee, history.current?.year);
        assert.deepEqual(item.annees_excellence, history.excellence.grantYears);
        assert.equal(item.excellence_en_cours, history.excellence.validNow);
      }
      const trelaze = items.find((i) => i.code_territoire === LAUREATES.trelaze)!;
      assert.equal(trelaze.historique, '2017:5;2018:5;2019:5;2020:5;2021:5;2022:5;2023:5');
      assert.deepEqual(
        [
          trelaze.premiere_annee,
          trelaze.derniere_annee,
          trelaze.dernier_niveau,
          trelaze.meilleur_niveau,
          trelaze.niveau_moyen,
          trelaze.annees_excellence,
          trelaze.excellence_en_cours,
        ],
        [2017, 2023, 5, 5, 5, [2022], true],
      );
      assert.equal(typeof trelaze.population, 'number');
      const village = items.find((i) => i.code_territoire === LAUREATES.saintSulpice)!;
      assert.deepEqual(
        [village.historique, village.niveau_moyen, village.categorie, village.categorie_libelle, village.strate, village.strate_libelle],
        ['2022:2;2023:3', 2.5, 'village', 'Village', 'lt3k', 'moins de 3 000 habitants'],
      );
      const epci = items.find((i) => i.code_territoire === LAUREATES.lannionTregor)!;
      assert.deepEqual(
        [epci.type_territoire, epci.type_territoire_libelle, epci.categorie, epci.categorie_libelle],
        ['epci', 'Intercommunalité', 'territoire', 'Territoire'],
      );
      const semicolon = await getCsv('/open-data/territoires-labellises.csv?separateur=point-virgule', 'semicolon');
      assert.equal(semicolon.rows.find((r) => r.code_territoire === LAUREATES.saintSulpice)!.niveau_moyen, '2,5');
    });

    test('initiatives: the public sheets only, as the observatory indexes them; drafts and deleted sheets appear nowhere', async () => {
      const { items, total } = await getJson('/open-data/initiatives.json');
      assert.deepEqual(new Set(items.map((i) => i.id)), new Set([ids.public, ids.other]));
      assert.equal(total, await countIndexEntries(server.database.db));
      const sheet = items.find((i) => i.id === ids.public)!;
      assert.equal(sheet.url, `${server.url}/initiatives/${ids.public}`);
      assert.equal(sheet.titre, PUBLIC_TITLE);
      assert.deepEqual(
        [sheet.code_territoire, sheet.nom_territoire, sheet.statut, sheet.date_debut, sheet.date_fin, sheet.numerique_responsable],
        ['49353', 'Trélazé', 'done', '2021-01-04', '2021-06-30', true],
      );
      assert.equal(sheet.statut_libelle, 'Réalisée');
      assert.equal(sheet.description, DESCRIPTION, 'the Markdown source, line breaks included');
      assert.equal(sheet.indicateurs, 'Demandes traitées en ligne : 1200 demandes (2022-12-31) ; Papier économisé : 1,5 ramettes');
      const other = items.find((i) => i.id === ids.other)!;
      assert.deepEqual([other.statut, other.statut_libelle, other.description, other.indicateurs], ['in_progress', 'En cours', '', '']);
      assert.deepEqual(sheet.services_codes, ['collecte-smartphones', 'dematerialisation-rh']);
      assert.deepEqual(sheet.enjeux_codes, ['territoire-durable', 'services-publics']);
      assert.deepEqual(sheet.axes_codes, ['vivre-ensemble', 'democratie-services-publics']);
      assert.deepEqual(sheet.publics, ['agents', 'inhabitants']);
      assert.deepEqual(sheet.publics_libelle, ['Agents', 'Habitants']);
      assert.deepEqual([sheet.acteurs_ids, sheet.acteurs], [[ids.actor], ['Lisio']]);
      assert.match(String(sheet.date_mise_a_jour), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      for (const url of ['/open-data/initiatives.csv', '/open-data/initiatives.csv?separateur=point-virgule', '/open-data/initiatives.json']) {
        const body = (await visitor.get(url)).body;
        for (const hidden of [DRAFT_TITLE, DELETED_TITLE, ids.draft, ids.deleted]) assert.ok(!body.includes(hidden), `${url} shows ${hidden}`);
      }
    });

    test('referential: every service of the version in force', async () => {
      const referential = await getCurrentReferential(server.database.db);
      const { items } = await getJson('/open-data/referentiel.json');
      const services = referential.axes.flatMap((a) => a.themes.flatMap((t) => t.services.map((s) => ({ axis: a.id, theme: t.id, ...s }))));
      assert.equal(items.length, services.length);
      assert.ok(items.every((i) => i.version === referential.version));
      assert.deepEqual(
        items.map((i) => [i.code_axe, i.code_enjeu, i.code_service, i.service, i.numerique_responsable]),
        services.map((s) => [s.axis, s.theme, s.id, s.name, s.responsibleDigital]),
      );
    });

    for (const dataset of DATASETS) {
      test(`${dataset.id}: both CSV variants read back to the same rows as the JSON, with the documented headers`, async () => {
        const { items } = await getJson(`/open-data/${dataset.id}.json`);
        for (const dialect of ['comma', 'semicolon'] as const) {
          const url = `/open-data/${dataset.id}.csv${dialect === 'semicolon' ? '?separateur=point-virgule' : ''}`;
          const res = await visitor.get(url);
          assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8; header=present');
          assert.equal(res.headers['cache-control'], 'public, max-age=300');
          const fileName = `arobase-${dataset.id}${dialect === 'semicolon' ? '-point-virgule' : ''}.csv`;
          assert.equal(res.headers['content-disposition'], `attachment; filename="${fileName}"`);
          assert.equal(res.body.charCodeAt(0), 0xfeff, 'BOM');
          const header = res.body.slice(1, res.body.indexOf('\r\n'));
          assert.equal(header, dataset.columns.map((c) => c.key).join(dialect === 'comma' ? ',' : ';'));
          const { rows } = await getCsv(url, dialect);
          assert.equal(rows.length, items.length);
          rows.forEach((row, n) => {
            const expected = Object.fromEntries(dataset.columns.map((c) => [c.key, csvCell(items[n]![c.key]!, c.type, dialect)]));
            assert.deepEqual(row, expected, `${url}, row ${n + 1}`);
          });
        }
        const json = await visitor.get(`/open-data/${dataset.id}.json`);
        assert.equal(json.headers['content-type'], 'application/json; charset=utf-8');
        assert.equal(json.headers['content-disposition'], `attachment; filename="arobase-${dataset.id}.json"`);
        assert.equal(json.headers['cache-control'], 'public, max-age=300');
        for (const item of items)
          assert.deepEqual(
            Object.keys(item),
            dataset.columns.map((c) => c.key),
          );
      });
    }

    test('the XLSX workbook opens: "À lire" then one sheet per dataset, with as many rows as the JSON and typed cells', async () => {
      const res = await server.app.inject({ method: 'GET', url: '/open-data/arobase.xlsx' });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      assert.equal(res.headers['content-disposition'], 'attachment; filename="arobase.xlsx"');
      assert.equal(res.headers['cache-control'], 'public, max-age=300');
      const sheets = await readXlsxFile(res.rawPayload);
      assert.deepEqual(
        sheets.map((s) => s.sheet),
        ['À lire', 'territoires-labellises', 'palmares', 'initiatives', 'referentiel'],
      );
      const readMe = sheets[0]!.data.flat().map((v) => String(v ?? ''));
      for (const dataset of DATASETS)
        for (const c of dataset.columns) assert.ok(readMe.includes(c.key) && readMe.includes(c.description), `${dataset.id}.${c.key} in « À lire »`);
      assert.ok(readMe.some((v) => v.includes('Licence Ouverte / Etalab 2.0')));
      for (const dataset of DATASETS) {
        const sheet = sheets.find((s) => s.sheet === dataset.sheet)!;
        const { total } = await getJson(`/open-data/${dataset.id}.json`);
        assert.equal(sheet.data.length, total + 1, dataset.id);
        assert.deepEqual(
          sheet.data[0],
          dataset.columns.map((c) => c.key),
        );
      }
      const palmares = sheets.find((s) => s.sheet === 'palmares')!.data;
      const palmaresHeader = palmares[0]!.map(String);
      const trelaze = palmares.find((row) => row[1] === LAUREATES.trelaze && row[0] === 2023)!;
      assert.equal(trelaze[2], 'Trélazé');
      assert.equal(trelaze[palmaresHeader.indexOf('niveau')], 5);
      assert.equal(trelaze[palmaresHeader.indexOf('strate_libelle')], 'de 3 000 à 20 000 habitants');
      const initiatives = sheets.find((s) => s.sheet === 'initiatives')!.data;
      const header = initiatives[0]!.map(String);
      const sheetRow = initiatives.find((row) => row[0] === ids.public)!;
      assert.ok((sheetRow[header.indexOf('date_debut')] as unknown) instanceof Date);
      assert.equal((sheetRow[header.indexOf('date_debut')] as unknown as Date).toISOString().slice(0, 10), '2021-01-04');
      assert.ok((sheetRow[header.indexOf('date_mise_a_jour')] as unknown) instanceof Date);
      assert.equal(sheetRow[header.indexOf('numerique_responsable')], true);
      assert.equal(sheetRow[header.indexOf('description')], DESCRIPTION);
      assert.match(String(sheetRow[header.indexOf('indicateurs')]), /^Demandes traitées en ligne : 1200 demandes/);
      const all = sheets.flatMap((s) => s.data.flat()).map((v) => String(v ?? ''));
      for (const hidden of [DRAFT_TITLE, DELETED_TITLE, ids.draft, ids.deleted, `${UNPUBLISHED_RESULT.year}:${UNPUBLISHED_RESULT.level}`]) {
        assert.ok(!all.some((v) => v.includes(hidden)), `the workbook shows ${hidden}`);
      }
    });

    test('/open-data documents every dataset and column, the licence and the last update, and every link it gives works', async () => {
      const page = await visitor.get('/open-data');
      assert.equal(page.status, 200);
      assert.equal(page.headers['cache-control'], 'public, max-age=300');
      assert.ok(Buffer.byteLength(page.body) < 100_000, `${Buffer.byteLength(page.body)} bytes`);
      const text = textOf(page.body);
      for (const dataset of DATASETS) {
        assert.ok(text.includes(dataset.title) && text.includes(dataset.row), dataset.id);
        for (const c of dataset.columns) assert.ok(text.includes(c.key) && text.includes(c.description), `${dataset.id}.${c.key}`);
      }
      assert.match(text, /Licence Ouverte \/ Etalab 2\.0/);
      assert.match(text, /découpage administratif d’Etalab/);
      assert.match(text, /Dernière édition publiée 2023/);
      assert.match(text, /Données à jour au \d+ \p{L}+ \d{4}/u);
      const links = [...page.body.matchAll(/href="(\/open-data\/[^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
      for (const year of [2017, 2018, 2019, 2020, 2021, 2022, 2023]) assert.ok(links.includes(`/open-data/palmares.csv?annee=${year}`), String(year));
      assert.ok(!links.some((l) => l.includes(`annee=${UNPUBLISHED_RESULT.year}`)));
      assert.ok(links.includes('/open-data/arobase.xlsx'));
      for (const dataset of DATASETS) {
        for (const link of [`/open-data/${dataset.id}.csv`, `/open-data/${dataset.id}.csv?separateur=point-virgule`, `/open-data/${dataset.id}.json`])
          assert.ok(links.includes(link), link);
      }
      for (const link of new Set(links)) assert.equal((await server.app.inject({ method: 'GET', url: link })).statusCode, 200, link);
      assert.equal((await visitor.get('/open-data/inconnu.csv')).status, 404);
    });
  });
}
