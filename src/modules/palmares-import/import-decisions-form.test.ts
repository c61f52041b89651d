// The decisions of a palmarès import, through the report’s one form: choices count when "Importer"
// is pressed without saving them first, and a territory is typed by its name, without JavaScript.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { accountsFixture } from '../../../test/support/accounts-fixture.ts';
import { csrfTokenOf, textOf, type TestBrowser } from '../../../test/support/http-client.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { listEditionResults } from '../label/results.service.ts';
import { palmaresImports } from '../label/schema.ts';

/** Uploads a CSV through the form of /admin/palmares; the path of its report. */
async function uploadCsv(browser: TestBrowser, csv: string, filename: string): Promise<string> {
  const page = await browser.get('/admin/palmares');
  const res = await browser.upload(
    '/admin/palmares/imports',
    { _csrf: csrfTokenOf(page.body) },
    { field: 'file', filename, contentType: 'text/csv', data: Buffer.from(csv) },
  );
  assert.equal(res.status, 303, textOf(res.body).slice(0, 300));
  return res.location ?? '';
}

for (const driver of drivers) {
  describe(`palmarès import: decisions are never lost, territories typed by name (${driver})`, () => {
    const f = accountsFixture(driver);
    const decisionsOf = async (path: string) =>
      (
        await f
          .db()
          .select({ d: palmaresImports.decisions })
          .from(palmaresImports)
          .where(sql`${palmaresImports.id} = ${path.split('/').at(-1)}`)
      )[0]?.d;

    test('choices made on the page and "Importer" pressed at once: the choices are imported, none left aside', async () => {
      const path = await uploadCsv(f.admin, ['année;nom;département;niveau', '2011;Arras;62;4', '2011;Trilport;77;3'].join('\n'), 'palmares-2011.csv');
      const report = await f.admin.get(path);
      assert.equal(report.status, 200);
      // Exactly what the browser posts when "Importer" is pressed: the one form’s fields, to the button’s formaction.
      assert.match(report.body, /formaction="[^"]*\/importer"/);
      const applied = await f.admin.post(`${path}/importer`, { _csrf: csrfTokenOf(report.body), 'a-trancher': '1', 'choix-1': '200033579', 'code-1': '' });
      assert.equal(applied.status, 303, textOf(applied.body).slice(0, 500));
      assert.equal(applied.location, `${path}?ok=importe`);
      const done = textOf((await f.admin.follow(applied)).body);
      assert.match(done, /2 lignes : 2 ajoutées/);
      assert.match(done, /0 laissée de côté/);
      assert.doesNotMatch(done, /lignes? laissées? de côté\./);
      assert.deepEqual(
        (await listEditionResults(f.db(), 2011))?.map((r) => [r.code, r.level]),
        [
          ['200033579', 4],
          ['77475', 3],
        ],
      );
    });

    test('"Importer" refused (rows left, box not ticked): the choices posted with it are saved all the same', async () => {
      const csv = ['année;nom;département;niveau', '2012;Arras;62;4', '2012;Trifouillis-les-Oies;49;3', '2012;Trélazé;49;5'].join('\n');
      const path = await uploadCsv(f.admin, csv, 'palmares-2012.csv');
      const report = await f.admin.get(path);
      const refused = await f.admin.post(`${path}/importer`, { _csrf: csrfTokenOf(report.body), 'choix-1': '62041', 'choix-2': '', 'code-2': '' });
      assert.equal(refused.status, 400);
      assert.match(textOf(refused.body), /Ignorer les lignes non résolues : 1 ligne n’est pas résolue/);
      assert.deepEqual(await decisionsOf(path), { '1': '62041' });
      assert.match(refused.body, /name="choix-1" value="62041" checked/, 'the choice is shown as saved');
      assert.equal((await listEditionResults(f.db(), 2012))?.length ?? 0, 0, 'nothing imported');
    });

    test('a territory typed by its name: one sure match is taken, several are offered back, none is a French error on the field', async () => {
      const csv = ['année;nom;département;niveau', '2013;Trifouillis-les-Oies;49;3', '2013;Pétaouchnok;;2', '2013;Trélazé;49;5'].join('\n');
      const path = await uploadCsv(f.admin, csv, 'palmares-2013.csv');
      const action = `${path}/choix`;

      const none = await f.admin.submit(path, { 'choix-1': 'code', 'code-1': 'Nullepart-sur-Rien' }, { action });
      assert.equal(none.status, 400);
      assert.match(textOf(none.body), /Territoire de la ligne 1 : aucun territoire ne correspond à « Nullepart-sur-Rien »/);
      assert.match(none.body, /<a href="#champ-code-1">/);
      assert.deepEqual(await decisionsOf(path), {}, 'nothing saved');

      const several = await f.admin.submit(path, { 'choix-1': 'code', 'code-1': 'Saint-Pierre', 'choix-2': 'skip' }, { action });
      assert.equal(several.status, 400);
      const text = textOf(several.body);
      assert.match(text, /Territoire de la ligne 1 : plusieurs territoires correspondent à « Saint-Pierre »/);
      assert.match(text, /Saint-Pierre — commune, La Réunion, [\d\u202f\u00a0 ]+ habitants \(97416\)/, 'each with its département and population');
      assert.match(several.body, /<input type="radio" id="champ-code-1-choix-0" name="code-1-choix" value="\d+"/);
      assert.match(several.body, /<input type="hidden" name="code-1-pour" value="Saint-Pierre"/);
      assert.deepEqual(await decisionsOf(path), {}, 'nothing saved while a row is unsure');

      const chosen = await f.admin.submit(
        path,
        { 'choix-1': 'code', 'code-1': 'Saint-Pierre', 'code-1-pour': 'Saint-Pierre', 'code-1-choix': '97416', 'choix-2': 'plus-tard', 'code-2': 'trelaze' },
        { action },
      );
      assert.equal(chosen.status, 400, 'an unknown radio value is refused by the check');
      const saved = await f.admin.submit(
        path,
        { 'choix-1': 'code', 'code-1': 'Saint-Pierre', 'code-1-pour': 'Saint-Pierre', 'code-1-choix': '97416', 'choix-2': '', 'code-2': 'trelaze' },
        { action },
      );
      assert.equal(saved.status, 303, textOf(saved.body).slice(0, 500));
      assert.deepEqual(await decisionsOf(path), { '1': '97416', '2': '49353' }, 'the chosen Saint-Pierre, and Trélazé typed without accents');
      const back = await f.admin.follow(saved);
      assert.match(textOf(back.body), /choisi par son code 97416/);

      // A radio still ticked for a text typed anew since: the new text is read.
      const retyped = await f.admin.submit(
        path,
        { 'choix-1': 'code', 'code-1': 'Trélazé', 'code-1-pour': 'Saint-Pierre', 'code-1-choix': '97416' },
        { action },
      );
      assert.equal(retyped.status, 303);
      assert.equal((await decisionsOf(path))?.['1'], '49353');
    });

    test('"Communauté d’agglomération du Choletais" is offered "CA Cholet Agglomération" with its département and population', async () => {
      const path = await uploadCsv(
        f.admin,
        ['année;nom;département;niveau', '2014;Communauté d’agglomération du Choletais;49;3'].join('\n'),
        'palmares-2014.csv',
      );
      const report = await f.admin.get(path);
      const text = textOf(report.body);
      assert.match(text, /1 ambiguë 0 introuvable/);
      assert.match(text, /CA Cholet Agglomération — Maine-et-Loire, [\d\u202f\u00a0 ]+ habitants \(200071678\)/);
      assert.match(text, /mais des noms voisins : à vérifier/);
      assert.match(
        report.body,
        /<button type="submit" class="button" formaction="[^"]*\/importer">Importer avec ces choix<\/button>/,
        'importable once chosen',
      );
      const empty = await f.admin.post(`${path}/importer`, { _csrf: csrfTokenOf(report.body), 'choix-1': 'skip', skipUnmatched: '1' });
      assert.equal(empty.status, 400, 'an import with no row left is refused');
      assert.match(textOf(empty.body), /aucune ligne n’est reconnue/);
      const chosen = await f.admin.post(`${path}/importer`, { _csrf: csrfTokenOf(report.body), 'choix-1': '200071678' });
      assert.equal(chosen.location, `${path}?ok=importe`);
      assert.deepEqual(
        (await listEditionResults(f.db(), 2014))?.map((r) => r.code),
        ['200071678'],
      );
    });
  });
}
