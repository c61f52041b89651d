import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { accountsFixture } from '../../../test/support/accounts-fixture.ts';
import { csrfTokenOf, textOf, type Page, type TestBrowser } from '../../../test/support/http-client.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { countResults, openEditionUnderReview, PRESS_CSV, resultsState } from './import-palmares.fixture.ts';
import { EXCELLENCE_CODE } from '../label/results.rules.ts';
import { getExcellenceParameters, listEditionResults } from '../label/results.service.ts';
import { palmaresImports } from '../label/schema.ts';

const csvFile = (data: string | Buffer, filename = 'palmares-2008.csv', contentType = 'text/csv') => ({
  field: 'file',
  filename,
  contentType,
  data: typeof data === 'string' ? Buffer.from(data) : data,
});

/** Uploads a file through the form of /admin/palmares, as the browser would post it. */
async function upload(browser: TestBrowser, file: ReturnType<typeof csvFile>): Promise<Page> {
  const page = await browser.get('/admin/palmares');
  return browser.upload('/admin/palmares/imports', { _csrf: csrfTokenOf(page.body) }, file);
}

const idOf = (location: string | undefined) => /^\/admin\/palmares\/imports\/([0-9a-f-]{36})$/.exec(location ?? '')?.[1];

for (const driver of drivers) {
  describe(`palmarès administration (${driver})`, () => {
    const f = accountsFixture(driver);
    const db = () => f.db();
    const importCount = async () =>
      (
        await db()
          .select({ n: sql<number>`count(*)::int` })
          .from(palmaresImports)
      )[0]!.n;
    let importId = '';

    test('admin only: anonymous → login, member and juror → 403 on every page and form', async () => {
      await openEditionUnderReview(db());
      const stored = await upload(f.admin, csvFile(PRESS_CSV));
      importId = idOf(stored.location) ?? '';
      assert.ok(importId, `redirected to the import: ${stored.status} ${stored.location}`);

      for (const path of ['/admin/palmares', `/admin/palmares/imports/${importId}`]) {
        const anonymous = await f.browser().get(path);
        assert.equal(anonymous.status, 303, path);
        assert.equal(anonymous.location, `/connexion?retour=${encodeURIComponent(path)}`);
        for (const b of [f.member, f.juror]) assert.equal((await b.get(path)).status, 403, path);
        const admin = await f.admin.get(path);
        assert.equal(admin.status, 200, path);
        assert.equal(admin.headers['cache-control'], 'private, no-store');
      }
      const before = [await importCount(), await resultsState(db()), JSON.stringify(await getExcellenceParameters(db()))];
      for (const b of [f.member, f.juror]) {
        const _csrf = csrfTokenOf((await b.get('/compte')).body);
        const posts: [string, Record<string, string>][] = [
          ['/admin/palmares/excellence', { _csrf, consecutiveTopLevels: '1', validityYears: '1' }],
          [`/admin/palmares/imports/${importId}/choix`, { _csrf, 'choix-6': '62041' }],
          [`/admin/palmares/imports/${importId}/importer`, { _csrf, skipUnmatched: '1' }],
        ];
        for (const [path, fields] of posts) assert.equal((await b.post(path, fields)).status, 403, path);
        const file = await b.upload('/admin/palmares/imports', { _csrf }, csvFile(PRESS_CSV));
        assert.equal(file.status, 403);
      }
      assert.deepEqual([await importCount(), await resultsState(db()), JSON.stringify(await getExcellenceParameters(db()))], before);
      assert.ok((await f.admin.get('/admin')).body.includes('href="/admin/palmares"'), 'linked from the admin home page');
      assert.equal((await f.admin.get('/admin/palmares/imports/pas-un-uuid')).status, 404);
      assert.equal((await f.admin.get('/admin/palmares/imports/00000000-0000-4000-8000-000000000000')).status, 404);
    });

    test('a refused upload names the field "file", stores nothing, and a form without its CSRF token is refused', async () => {
      const count = await importCount();
      const cases: [ReturnType<typeof csvFile>, number, RegExp][] = [
        [csvFile(''), 400, /Fichier CSV : le fichier est vide/],
        [csvFile('Ville;Note\nTrélazé;5\n'), 400, /Fichier CSV : colonnes manquantes : année, nom, département, niveau/],
        [
          csvFile(
            Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100)]),
            'palmares.xlsx',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          ),
          415,
          /Fichier CSV : le fichier doit être un CSV \(texte en UTF-8\)/,
        ],
        [csvFile(Buffer.from('année;nom;département;niveau\n2008;Trélazé;49;5\n', 'latin1')), 400, /Fichier CSV : le fichier n’est pas en UTF-8/],
        [csvFile(`Année;Nom;Département;Niveau\n${'2008;Trélazé;49;5\n'.repeat(320_000)}`), 413, /Fichier CSV : le fichier dépasse 5 Mo/],
      ];
      for (const [file, status, message] of cases) {
        const res = await upload(f.admin, file);
        assert.equal(res.status, status, `${file.filename} (${file.data.length} octets): ${textOf(res.body).slice(0, 300)}`);
        assert.match(textOf(res.body), message);
        assert.match(res.body, /<a href="#champ-file">/, 'the error summary leads to the field');
        assert.match(res.body, /id="champ-file-erreur"/);
      }
      const noCsrf = await f.admin.upload('/admin/palmares/imports', {}, csvFile(PRESS_CSV));
      assert.equal(noCsrf.status, 403);
      assert.equal(await importCount(), count);
    });

    test('the report: steps, counts, rows to decide with their candidates, invalid rows, matched rows folded', async () => {
      const page = await f.admin.get(`/admin/palmares/imports/${importId}`);
      const html = page.body;
      const text = textOf(html);
      assert.match(html, /<ol class="import-steps" aria-label="Étapes de l’import">/);
      assert.match(html, /<li class="import-steps__step import-steps__step--current" aria-current="step">.*?Vérifier et décider/s);
      assert.equal(html.match(/aria-current="step"/g)?.length, 1);
      assert.match(text, /14 lignes lues 7 reconnues 1 ambiguë 1 introuvable 5 invalides 0 ignorée/);
      for (const value of ['="200033579"', '="62041"', '="code"', '="skip"', ' checked'])
        assert.match(html, new RegExp(`<input type="radio" id="choix-6-[\\w-]+" name="choix-6" value${value}`));
      assert.match(html, /name="choix-7" value="code"/);
      assert.doesNotMatch(html, /name="choix-7" value="62041"/);
      assert.match(html, /<input[^>]* id="champ-code-7"[^>]* type="text" name="code-7"[^>]* list="suggestions-code-7" data-suggest="\/api\/v1\/territories"/);
      assert.match(text, /CU d['’]Arras — Pas-de-Calais, [\d\u202f\u00a0 ]+ habitants \(200033579\)/, 'candidates show their département and population');
      assert.match(text, /Arras \(62\), 2008, 3 @ .*précisez le type/);
      assert.match(text, /Lignes invalides .* 8 niveau : « 6 » doit être entre 1 et 5 9 distinctions : « Mention Jeux vidéo » inconnue/);
      assert.match(html, /<details class="palmares-matched"><summary>Voir les 7 lignes reconnues et pourquoi<\/summary>/);
      assert.match(text, /Boulogne-Billancour \(92\), 2008, 5 @ .* Boulogne-Billancourt \(92012\) Mention Démocratie locale faute de frappe corrigée/);
      // One form: the import button posts the choices with it, so the box is not required beforehand.
      assert.equal(html.match(/<form method="post" action="[^"]*\/choix"/g)?.length, 1);
      assert.match(html, /<input type="checkbox" id="champ-skipUnmatched" name="skipUnmatched" value="1" aria-describedby/);
      assert.match(html, /<button type="submit" class="button" formaction="\/admin\/palmares\/imports\/[\w-]+\/importer">Importer 7 lignes<\/button>/);
      assert.match(text, /Importer 7 lignes/);
    });

    test('decisions are checked before they are saved: a wrong code, or a code and a candidate at once, changes nothing', async () => {
      const stored = async () =>
        (
          await db()
            .select({ d: palmaresImports.decisions })
            .from(palmaresImports)
            .where(sql`${palmaresImports.id} = ${importId}`)
        )[0]!.d;
      const path = `/admin/palmares/imports/${importId}`;
      const unknown = await f.admin.submit(path, { 'choix-6': '62041', 'choix-7': 'code', 'code-7': '99999' }, { action: `${path}/choix` });
      assert.equal(unknown.status, 400);
      assert.match(textOf(unknown.body), /Territoire de la ligne 7 : aucun territoire n’a le code « 99999 »/);
      assert.match(unknown.body, /<a href="#champ-code-7">/);
      assert.match(unknown.body, /id="champ-code-7"[^>]*value="99999"/, 'what was typed is kept');
      assert.match(unknown.body, /name="choix-6" value="62041" checked/, 'and what was chosen');
      const both = await f.admin.submit(path, { 'choix-6': '62041', 'code-6': '49007' }, { action: `${path}/choix` });
      assert.equal(both.status, 400);
      assert.match(textOf(both.body), /un territoire est saisi mais une autre option est cochée/);
      const missing = await f.admin.submit(path, { 'choix-7': 'code', 'code-7': '' }, { action: `${path}/choix` });
      assert.equal(missing.status, 400);
      assert.match(textOf(missing.body), /indiquez le nom ou le code du territoire/);
      assert.deepEqual(await stored(), {});
    });

    test('applying is refused while rows are unresolved and the box is not ticked', async () => {
      const before = await resultsState(db());
      const path = `/admin/palmares/imports/${importId}`;
      const page = await f.admin.get(path);
      const res = await f.admin.post(`${path}/importer`, { _csrf: csrfTokenOf(page.body) });
      assert.equal(res.status, 400);
      assert.match(textOf(res.body), /Ignorer les lignes non résolues : 7 lignes ne sont pas résolues/);
      assert.match(res.body, /<a href="#champ-skipUnmatched">/);
      assert.equal(await resultsState(db()), before);
    });

    test('decide, save, apply: exactly the intended rows are imported, with links to each edition', async () => {
      const path = `/admin/palmares/imports/${importId}`;
      const saved = await f.admin.submit(path, { 'choix-6': '62041', 'choix-7': 'skip' }, { action: `${path}/choix` });
      assert.equal(saved.status, 303);
      const report = await f.admin.follow(saved);
      assert.match(textOf(report.body), /Choix enregistrés/);
      assert.match(textOf(report.body), /14 lignes lues 8 reconnues 0 ambiguë 0 introuvable 5 invalides 1 ignorée/);
      assert.match(report.body, /name="choix-6" value="62041" checked/);
      assert.match(report.body, /name="choix-7" value="skip" checked/);
      assert.match(textOf(report.body), /Importer 8 lignes/);
      assert.equal(await countResults(db()), 0, 'nothing imported before the last step');

      const applied = await f.admin.post(`${path}/importer`, { _csrf: csrfTokenOf(report.body), 'choix-6': '62041', 'choix-7': 'skip', skipUnmatched: '1' });
      assert.equal(applied.status, 303);
      assert.equal(applied.location, `${path}?ok=importe`);
      const done = await f.admin.follow(applied);
      const text = textOf(done.body);
      assert.match(text, /L’import est terminé/);
      assert.match(text, /8 lignes : 8 ajoutées, 0 modifiée, 0 inchangée\. 6 lignes laissées de côté\./);
      assert.match(done.body, /<a href="\/palmares\/2008">Palmarès 2008<\/a> \(6 lignes\)/);
      assert.match(done.body, /<a href="\/palmares\/2009">Palmarès 2009<\/a> \(2 lignes\)/);
      assert.match(done.body, /<li class="import-steps__step import-steps__step--done import-steps__step--current" aria-current="step">/);
      assert.equal(await countResults(db()), 8);
      assert.deepEqual((await listEditionResults(db(), 2008))?.map((r) => r.code).sort(), ['200000800', '49353', '50129', '62041', '76575', '92012']);

      const before = await resultsState(db());
      const again = await f.admin.post(`${path}/importer`, { _csrf: csrfTokenOf(report.body), skipUnmatched: '1' });
      assert.equal(again.location, `${path}?deja=1`);
      assert.match(textOf((await f.admin.follow(again)).body), /Cet import avait déjà été appliqué le .* : rien n’a changé/);
      const late = await f.admin.post(`${path}/choix`, { _csrf: csrfTokenOf(report.body), 'choix-6': '200033579' });
      assert.equal(late.location, `${path}?deja=1`, 'choices of an applied import no longer change');
      assert.equal(await resultsState(db()), before);

      const home = await f.admin.get('/admin/palmares');
      assert.match(textOf(home.body), /palmares-2008\.csv .* Importé le .* 8/);
      assert.match(home.body, /<a href="\/palmares\/2009">2009<\/a>/);
      assert.doesNotMatch(home.body, /href="\/palmares\/2024"/, 'an edition under review is not listed');
    });

    test('the excellence parameters: French errors naming the fields, and saving re-applies the rule', async () => {
      const bad = await f.admin.submit('/admin/palmares', { consecutiveTopLevels: '0', validityYears: 'trois' }, { action: '/admin/palmares/excellence' });
      assert.equal(bad.status, 400);
      const text = textOf(bad.body);
      assert.match(text, /Labels consécutifs à 5 @ requis : un nombre entier de 1 à 30/);
      assert.match(text, /Durée de validité : un nombre entier de 1 à 30/);
      assert.match(bad.body, /<a href="#champ-consecutiveTopLevels">/);
      assert.deepEqual(await getExcellenceParameters(db()), { consecutiveTopLevels: 6, validityYears: 3 });

      const saved = await f.admin.submit('/admin/palmares', { consecutiveTopLevels: '2', validityYears: '3' }, { action: '/admin/palmares/excellence' });
      assert.equal(saved.status, 303);
      assert.match(textOf((await f.admin.follow(saved)).body), /Paramètres enregistrés, règle réappliquée : 1 attribution ajoutée, 0 retirée/);
      const trelaze = (await listEditionResults(db(), 2009))?.find((r) => r.code === '49353');
      assert.deepEqual(trelaze?.distinctions, [EXCELLENCE_CODE], 'Trélazé, 5 @ in 2008 and 2009');

      const restored = await f.admin.submit('/admin/palmares', { consecutiveTopLevels: '6', validityYears: '3' }, { action: '/admin/palmares/excellence' });
      assert.match(textOf((await f.admin.follow(restored)).body), /0 attribution ajoutée, 1 retirée/);
      assert.deepEqual((await listEditionResults(db(), 2009))?.find((r) => r.code === '49353')?.distinctions, []);
    });
  });
}
