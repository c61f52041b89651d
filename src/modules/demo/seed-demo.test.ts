import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { tableRows } from '../../../test/support/html-tables.ts';
import { TestBrowser, decodeEntities, textOf } from '../../../test/support/http-client.ts';
import { countStatements } from '../../../test/support/query-counter.ts';
import { everyDriver } from '../../../test/support/test-database.ts';
import { useTestServer } from '../../../test/support/test-server.ts';
import { formatNumber } from '../../platform/views/format.ts';
import { systemCaller } from '../accounts/permissions.rules.ts';
import { findUserIdByEmail } from '../accounts/users.service.ts';
import { listEditionApplications } from '../campaign/applications-admin.service.ts';
import { listAssignments } from '../jury/assignment.service.ts';
import { deliberationAgenda } from '../jury/deliberation.service.ts';
import { listOwnAssignments } from '../jury/review.service.ts';
import { DEMO_PEOPLE } from './demo-campaign.data.ts';
import { DEMO_DOSSIERS } from './demo-campaign.data.ts';
import { DEMO_DECISION } from './demo-jury.data.ts';
import { generateDemoPalmaresCsv } from './demo-palmares.generator.ts';
import { DEMO_ACTORS } from './demo-actors.data.ts';
import { DEMO_SHEETS } from './demo-initiatives.data.ts';
import { demoMessages } from './messages.ts';
import { DEMO_PALMARES_FILE, seedDemo } from './seed-demo.service.ts';
import { latestCharterSignature } from '../nr/charter.service.ts';
import { diagnosticView } from '../nr/diagnostic.service.ts';
import { listTerritoryIndicators } from '../nr/indicators.service.ts';
import { getRoadmap } from '../nr/roadmap.service.ts';
import { BOXES_INDICATOR, LE_TRAIT_QUICK_WINS, LE_TRAIT_ROADMAP_ACTION, charterDate } from './seed-demo-nr.service.ts';

const TRELAZE = '49353';
const demoFile = readFileSync(DEMO_PALMARES_FILE, 'utf8');
const demoRows = demoFile.trim().split('\n').length - 1;
const demoPhotos = DEMO_SHEETS.reduce((n, sheet) => n + (sheet.photos?.length ?? 0), 0);
/** The territories of the seed articles that the demo palmarès rates 5 @ in their latest edition. */
const AT_FIVE = ['49353', '76709', '77475'];

describe('demo palmarès file', () => {
  test('is what the generator writes: every row still matches its intended territory', () => {
    assert.equal(generateDemoPalmaresCsv().csv, demoFile, 'regenerate with: node --import tsx scripts/generate-demo-palmares.ts');
  });
});

const num = (text: string) => Number(text.replace(/\s/g, ''));

for (const driver of everyDriver) {
  describe(`seed-demo and the agreement of palmarès, timelines, statistics, map, badges and open data (${driver})`, () => {
    const server = useTestServer(driver);
    let visitor: TestBrowser;
    let first: Awaited<ReturnType<typeof seedDemo>>;
    before(async () => {
      visitor = new TestBrowser(server.app);
      first = await seedDemo(server.database.db, systemCaller('seed-demo test'), { baseUrl: 'http://localhost:3000' });
    });
    const json = async (url: string) => {
      const res = await visitor.get(url);
      assert.equal(res.status, 200, `${url} → ${res.status}`);
      return res.json();
    };

    test('imports every row of the demo file through the real import, and the demo sheets', async () => {
      assert.equal(first.results.inserted, demoRows);
      assert.equal(first.results.leftOut, 0);
      assert.deepEqual(first.results.editions, [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
      assert.deepEqual(first.initiatives, { created: DEMO_SHEETS.length, photos: demoPhotos, seededBefore: 0 });
      assert.ok(demoPhotos >= 3, 'several sheets have a photo');
      const editions = await json('/api/v1/editions');
      // The ten editions of the palmarès, and the next one the demo campaign opens.
      assert.equal(editions.total, 11);
      assert.match(demoMessages.summary(first), new RegExp(`^Palmarès de démonstration\u00a0: ${formatNumber(demoRows)} résultats ajoutés`));
      assert.match(
        demoMessages.summary(first),
        new RegExp(`Fiches\u00a0: ${DEMO_SHEETS.length} fiches d’initiatives publiées \\(${demoPhotos} photos\\)\\.$`, 'm'),
      );
    });

    test('opens the next edition with a dossier at every stage, and prints a one-time link for each demo person', async () => {
      const edition = await json('/api/v1/editions/2027');
      assert.equal(edition.state, 'open');
      assert.ok(Date.parse(edition.closesAt) > Date.now(), 'closes in the future');
      assert.equal(first.campaign.createdNow, true);
      // Prepared from 2026: the distinctions it offered are offered again.
      const offered = (await json('/api/v1/editions/2026')).distinctions.map((d: { code: string }) => d.code).sort();
      assert.ok(offered.length > 0);
      assert.deepEqual(edition.distinctions.map((d: { code: string }) => d.code).sort(), offered);
      const dossiers = await listEditionApplications(server.database.db, { id: 'test-admin', role: 'admin' }, 2027);
      const stateOf = (code: string) => dossiers.find((d) => d.territory.code === code)?.state;
      for (const { territoryCode, stage } of DEMO_DOSSIERS)
        assert.equal(stateOf(territoryCode), stage === 'submitted' ? 'submitted' : 'draft', `${territoryCode} (${stage})`);
      const ready = dossiers.find((d) => d.territory.code === TRELAZE);
      assert.ok(ready && ready.sheets > 0, 'Trélazé’s dossier holds its sheets');
      const said = demoMessages.summary(first);
      assert.match(said, /Édition 2027 ouverte aux candidatures/);
      for (const link of first.campaign.links) assert.ok(said.includes(link.link), `${link.who}: its link printed`);
      assert.match(said, /Numérique responsable\u00a0: Le Trait a complété son autodiagnostic/);
      assert.ok(said.includes('http://localhost:3000/territoires/76709'), 'Le Trait’s public section linked');
    });

    test('running it again changes nothing, and says the demo was already there (not “0 fiches”)', async () => {
      const again = await seedDemo(server.database.db, systemCaller('seed-demo test'), { baseUrl: 'http://localhost:3000' });
      assert.deepEqual([again.results.inserted, again.results.updated, again.results.unchanged], [0, 0, demoRows]);
      assert.deepEqual(again.initiatives, { created: 0, photos: 0, seededBefore: DEMO_SHEETS.length });
      const said = demoMessages.summary(again);
      assert.match(
        said,
        new RegExp(`^Palmarès de démonstration déjà en place\u00a0: ${formatNumber(demoRows)} résultats \\(éditions 2017 à 2026\\), rien n’a changé\\.`),
      );
      assert.match(said, new RegExp(`Fiches\u00a0: ${DEMO_SHEETS.length} fiches de démonstration étaient déjà là`));
      assert.doesNotMatch(said, /\b0 fiches/);
      assert.equal(again.campaign.createdNow, false);
      assert.match(said, /Édition 2027 déjà en place, laissée telle quelle\./);
      assert.equal((await json('/api/v1/editions')).total, 11, 'no edition twice');
      assert.equal((await json('/api/v1/initiatives')).total, DEMO_SHEETS.length, 'no sheet twice');
      assert.deepEqual(again.nr, {
        diagnostics: 0,
        values: 0,
        quickWins: 0,
        actions: 0,
        charters: 0,
        published: 0,
        pages: { public: 'http://localhost:3000/territoires/76709', workspace: 'http://localhost:3000/espace/49353/numerique-responsable' },
      });
      assert.match(said, /Numérique responsable de Le Trait et de Trélazé déjà en place, rien n’a changé\./);
    });

    test('Le Trait’s responsible digital (seed 001): diagnostic completed, 1,2 t and 3 boxes, four quick wins, the charter signed; once only', async () => {
      const db = server.database.db;
      const system = systemCaller('seed-demo test');
      const state = async () => {
        const view = await diagnosticView(db, system, '76709');
        const { indicators } = await listTerritoryIndicators(db, system, '76709');
        const { actions } = await getRoadmap(db, system, '76709');
        const charter = await latestCharterSignature(db, '76709');
        const trelaze = await diagnosticView(db, system, TRELAZE);
        const refurbished = (await listTerritoryIndicators(db, system, TRELAZE)).indicators.find((i) => i.key === 'appareils-reconditionnes');
        return {
          diagnostics: view.evolution.length,
          open: view.open,
          completed: view.latest?.diagnostic.completedAt !== null && view.latest !== null,
          letter: view.latest?.scores.letter,
          ewaste: indicators.find((i) => i.key === 'deee-recycles')?.latest?.value,
          boxes: indicators.find((i) => !i.standard && i.name === BOXES_INDICATOR.name)?.latest?.value,
          mail: indicators.find((i) => i.key === 'volume-messagerie')?.values.length,
          quickWins: actions
            .map((a) => a.quickWinId)
            .filter((q) => q !== null)
            .sort(),
          planned: actions.filter((a) => a.title === LE_TRAIT_ROADMAP_ACTION).map((a) => a.status),
          actions: actions.length,
          charter: charter && { signedOn: charter.signedOn, role: charter.role },
          trelaze: { completed: trelaze.latest !== null, refurbished: refurbished?.latest?.value },
        };
      };
      const before = await state();
      assert.equal(before.completed, true);
      assert.equal(before.open, null);
      assert.equal(before.diagnostics, 1);
      assert.ok(before.letter, 'a letter');
      assert.equal(before.ewaste, 1.2);
      assert.equal(before.boxes, 3);
      assert.ok((before.mail ?? 0) >= 3, 'the mailboxes’ volume over a few months');
      assert.deepEqual(before.quickWins, [...LE_TRAIT_QUICK_WINS].sort());
      assert.deepEqual(before.planned, ['planned']);
      assert.equal(before.actions, 5);
      assert.deepEqual(before.charter, { signedOn: charterDate(), role: 'Élu à la transition écologique' });
      assert.ok(before.charter!.signedOn.endsWith('-06-26') && before.charter!.signedOn <= new Date().toISOString().slice(0, 10), 'never a future date');
      assert.deepEqual(before.trelaze, { completed: true, refurbished: 150 });
      // Its public page shows the four parts it made public.
      const section = textOf((await visitor.get('/territoires/76709')).body);
      for (const shown of [/Numérique responsable/, new RegExp(`Gérard Lemonnier`), /1,2\s*t/, new RegExp(LE_TRAIT_ROADMAP_ACTION)])
        assert.match(section, shown);
      // Already run twice by now (the test above): nothing added.
      assert.deepEqual(await state(), before);
    });

    test('the actors directory lists the partners the articles name, with their kind and website, and where they work', async () => {
      const directory = textOf((await visitor.get('/acteurs')).body);
      for (const key of ['ecologic', 'qwant', 'lisio', 'soluris', 'aptic'] as const) {
        assert.ok(directory.includes(DEMO_ACTORS[key].name), `${DEMO_ACTORS[key].name} in /acteurs`);
      }
      const api = await json('/api/v1/actors?q=Ecologic');
      const ecologic = api.items.find((a: { name: string }) => a.name === 'Ecologic');
      assert.deepEqual([ecologic?.kind, ecologic?.website, ecologic?.initiativeCount], ['company', 'https://www.ecologic-france.com', 1]);
      const page = textOf((await visitor.get(`/acteurs/${ecologic.id}`)).body);
      assert.match(page, /Collecte des smartphones avec Ecologic/);
    });

    test('a demo sheet shows its partner, links, indicators, contact and a photo served as an image', async () => {
      const search = await json(`/api/v1/initiatives?q=${encodeURIComponent('collecte smartphones')}`);
      const sheet = search.items.find((i: { title: string }) => i.title === 'Collecte des smartphones avec Ecologic');
      assert.ok(sheet, 'the sheet is found');
      const res = await visitor.get(`/initiatives/${sheet.id}`);
      assert.equal(res.status, 200);
      const text = textOf(res.body);
      assert.match(text, /Ecologic \(Entreprise\)/i);
      assert.match(text, /4 boîtes Boîtes de collecte installées/);
      assert.match(text, /transition@le-trait\.example\.org/);
      assert.ok(res.body.includes('href="mailto:transition@le-trait.example.org"'), 'the contact is a mail link');
      assert.ok(res.body.includes('href="https://www.ecologic-france.com"'), 'the link is there');
      const img = /<img src="(\/photos\/[0-9a-f-]+\/vignette)" alt="([^"]+)"/.exec(res.body);
      assert.ok(img, 'a photo with its text alternative');
      assert.match(decodeEntities(img[2]!), /^Illustration\u00a0: des smartphones/);
      for (const url of [img[1]!, img[1]!.replace('/vignette', '')]) {
        const photo = await visitor.get(url);
        assert.equal(photo.status, 200, url);
        assert.equal(photo.headers['content-type'], 'image/webp');
      }
    });

    test('every edition: the API, /palmares, /statistiques, the map and open data give the same counts', async () => {
      const statistics = await visitor.get('/statistiques');
      const statisticsByYear = new Map(tableRows(statistics.body, 'graphique-niveaux-tableau').map((r) => [r[0], r.slice(1).map(num)]));
      const palmaresIndex = await visitor.get('/palmares');
      const indexRows = tableRows(palmaresIndex.body, 'legende-editions');
      const openData = await json('/open-data/palmares.json');
      for (const year of [2017, 2020, 2023, 2026]) {
        const results = await json(`/api/v1/editions/${year}/results`);
        const perLevel = [1, 2, 3, 4, 5].map((level) => results.items.filter((i: { level: number }) => i.level === level).length);
        assert.deepEqual(statisticsByYear.get(String(year)), [...perLevel, results.total], `statistics of ${year}`);
        const indexRow = indexRows.find((r) => r[0] === String(year));
        assert.ok(indexRow, `/palmares lists ${year}`);
        assert.deepEqual(indexRow.slice(1, 7).map(num), [results.total, ...[...perLevel].reverse()], `/palmares row of ${year}`);
        const page = await visitor.get(`/palmares/${year}/carte?vue=tableau`);
        const map = tableRows(page.body, 'legende-donnees-carte');
        assert.equal(
          map.reduce((sum, r) => sum + num(r[1]!), 0),
          results.total,
          `map of ${year}`,
        );
        const openRows = openData.items.filter((r: { annee: number }) => r.annee === year);
        assert.equal(openRows.length, results.total, `open data of ${year}`);
        const byCode = new Map(results.items.map((i: { code: string; level: number }) => [i.code, i.level]));
        for (const row of openRows as { code_territoire: string; niveau: number }[]) assert.equal(row.niveau, byCode.get(row.code_territoire));
        const maineEtLoire = (await json(`/api/v1/editions/${year}/results?department=49`)).total;
        const mapRow = map.find((r) => r[0]!.includes('Maine-et-Loire'));
        assert.equal(mapRow ? num(mapRow[1]!) : 0, maineEtLoire, `Maine-et-Loire on the map of ${year}`);
      }
    });

    test('the home page announces the latest palmarès with its counts per level', async () => {
      const results = await json('/api/v1/editions/2026/results');
      const text = textOf((await visitor.get('/')).body);
      assert.match(text, new RegExp(`Palmarès 2026 ${results.total} territoires labellisés\\.`));
      const fives = results.items.filter((i: { level: number }) => i.level === 5).length;
      assert.match(text, new RegExp(`${fives} à 5 @`));
      // What exists is not announced as coming (the label history and the initiatives are there).
      assert.doesNotMatch(text, /bientôt|prochainement/i);
      assert.match(text, /son historique au label et ses initiatives publiées/);
    });

    test('Trélazé: ten years at 5 @ on its timeline, its badge, the palmarès and open data; excellence granted in 2022 and again in 2025', async () => {
      const territory = await json(`/api/v1/territories/${TRELAZE}`);
      assert.deepEqual(
        territory.label.history.map((h: { year: number; level: number }) => `${h.year}:${h.level}`),
        Array.from({ length: 10 }, (_, i) => `${2017 + i}:5`),
      );
      assert.deepEqual(territory.label.current, { year: 2026, level: 5 });
      assert.deepEqual(territory.label.excellence.grantYears, [2022, 2025]);
      for (const year of [2017, 2022, 2026]) {
        const results = await json(`/api/v1/editions/${year}/results?department=49`);
        const trelaze = results.items.find((i: { code: string }) => i.code === TRELAZE);
        assert.equal(trelaze?.level, 5, `palmarès ${year}`);
        // Granted in 2022, held every year after it (issue 12, finding 2: 2022 to 2024, then again from 2025).
        assert.equal(trelaze.distinctions.includes('excellence'), year >= 2022, `excellence in ${year}`);
      }
      const badge = await visitor.get(`/badges/${TRELAZE}.svg`);
      assert.match(decodeEntities(badge.body), /Trélazé\s: Label arobase 5\s@ en 2026/);
      const territories = await json('/open-data/territoires-labellises.json');
      const row = territories.items.find((r: { code_territoire: string }) => r.code_territoire === TRELAZE);
      assert.equal(row.historique, Array.from({ length: 10 }, (_, i) => `${2017 + i}:5`).join(';'));
      const page = await visitor.get(`/territoires/${TRELAZE}`);
      assert.equal(tableRows(page.body, 'graphique-label-tableau').length, 10);
    });

    test('the observatory shows the demo sheets with their territory’s label level', async () => {
      const search = await json('/api/v1/initiatives?labelLevel=5');
      const codes = new Set(search.items.map((i: { territory: { code: string } }) => i.territory.code));
      const atFive = DEMO_SHEETS.filter((sheet) => AT_FIVE.includes(sheet.territoryCode));
      assert.equal(search.total, atFive.length, 'Trélazé, Trilport and Le Trait are all at 5 @ in their latest edition');
      assert.deepEqual([...codes].sort(), AT_FIVE);
    });
    // What a page costs when it is not in the cache: the statements the database receives (identical
    // reads of one page are made once). Measured on the demo; a block that adds queries shows here.
    // Each budget counts one more: the next embargo instant, read at most once a second by the cache.
    const PAGE_STATEMENTS: Record<string, number> = {
      '/': 7,
      '/territoires/49353': 20,
      '/territoires/76709': 26,
      '/palmares': 7,
      '/palmares/2026': 13,
      '/initiatives?q=ordinateurs': 6,
      '/statistiques': 13,
      '/api/v1/initiatives?q=ordinateurs': 6,
      '/badges/49353.svg': 7,
    };
    test('each public page, rendered afresh, sends the database at most its budget of statements', async () => {
      for (const [url, budget] of Object.entries(PAGE_STATEMENTS)) {
        server.app.pageCache?.invalidate();
        const { result, sent, statements } = await countStatements(server.database.db, () => visitor.get(url));
        assert.equal(result.status, 200, url);
        assert.ok(sent <= budget, `${url} : ${sent} requêtes envoyées, budget ${budget}\n${statements.join('\n')}`);
      }
    });

    // Last: it moves the demo's edition on, which the tests above read open.
    test('--jury on a database seeded without it: the edition under review, reviews, a divergence, one decision; running it again changes nothing', async () => {
      const db = server.database.db;
      const admin = { id: 'test-admin', role: 'admin' } as const;
      const seeded = await seedDemo(db, systemCaller('seed-demo test'), { baseUrl: 'http://localhost:3000', jury: true });
      const jury = seeded.jury;
      assert.ok(jury, 'the jury part ran');
      assert.equal(jury.changedNow, true);
      assert.equal((await json('/api/v1/editions/2027')).state, 'under_review');
      const dossiers = await listEditionApplications(db, admin, 2027);
      assert.deepEqual(
        dossiers.map((d) => d.state),
        DEMO_DOSSIERS.map(() => 'submitted'),
        'the four dossiers submitted',
      );
      // Every submitted dossier has two reviewers.
      const assignments = await listAssignments(db, admin, 2027);
      for (const { territoryCode } of DEMO_DOSSIERS) {
        assert.equal(assignments.filter((a) => a.territoryCode === territoryCode).length, 2, `${territoryCode}: two reviewers`);
      }
      assert.equal(jury.jurors, 3);
      // The demo juror: one review handed in, one in progress, and nothing else to do.
      const jurorId = await findUserIdByEmail(db, DEMO_PEOPLE.juror.email);
      assert.ok(jurorId);
      const own = await listOwnAssignments(db, { id: jurorId, role: 'juror', memberships: [] });
      assert.deepEqual(own.map((a) => a.state).sort(), ['draft', 'submitted']);
      const draft = own.find((a) => a.state === 'draft');
      assert.ok(draft && draft.progress > 0 && draft.progress < 0.5, 'some themes scored only');
      // The agenda flags one divergence (first), and holds one decision.
      const agenda = await deliberationAgenda(db, admin, 2027);
      const diverging = agenda.items.filter((i) => i.diverging);
      assert.equal(diverging.length, 1);
      assert.equal(agenda.items[0]?.diverging, true, 'the diverging dossier comes first');
      assert.equal(agenda.decided, 1);
      assert.equal(agenda.toDecide, DEMO_DOSSIERS.length - 1);
      const decided = agenda.items.find((i) => i.decision);
      assert.equal(decided?.territoryCode, DEMO_DECISION.territoryCode);
      assert.equal(decided?.decision?.level, DEMO_DECISION.level);
      assert.ok(decided?.decision?.rationale, 'with its rationale');
      const reviews = agenda.items.flatMap((i) => i.reviews);
      assert.ok(
        reviews.filter((r) => r.state === 'submitted').every((r) => r.publicComment.length > 0),
        'every handed-in review has a public comment',
      );
      const said = demoMessages.summary(seeded);
      assert.match(said, /Édition 2027 passée à l’examen du jury/);
      assert.match(said, /http:\/\/localhost:3000\/jury en tant que juré/);
      assert.match(said, /http:\/\/localhost:3000\/admin\/editions\/2027\/deliberation en tant qu’administrateur/);
      assert.match(said, new RegExp(`1 dossier aux évaluations divergentes \\(${diverging[0]!.territoryName}\\)`));

      const again = await seedDemo(db, systemCaller('seed-demo test'), { baseUrl: 'http://localhost:3000', jury: true });
      assert.equal(again.jury?.changedNow, false);
      assert.deepEqual({ ...again.jury, changedNow: true }, jury, 'the same figures');
      assert.deepEqual(await listAssignments(db, admin, 2027), assignments, 'the same assignments');
      assert.deepEqual(await deliberationAgenda(db, admin, 2027), agenda, 'the same reviews and decision');
      assert.match(demoMessages.summary(again), /Jury de démonstration de l’édition 2027 déjà en place, rien n’a changé/);
    });
  });
}
