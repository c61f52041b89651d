import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { and, asc, eq } from 'drizzle-orm';
import { accountsFixture } from '../../../test/support/accounts-fixture.ts';
import { csrfTokenOf, textOf } from '../../../test/support/http-client.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { territories } from '../territories/schema.ts';
import { checkPalmaresImport, getPalmaresImport } from './import-palmares-store.service.ts';
import { REPORT_PAGE_SIZE } from './report-pages.rules.ts';

/** The rows of one table of the page, by its caption’s id. */
function tableRows(html: string, captionId: string): string[] {
  const start = html.indexOf(`id="${captionId}"`);
  if (start === -1) return [];
  const table = html.slice(start, html.indexOf('</table>', start));
  return table.split('<tbody>')[1]?.match(/<tr>[\s\S]*?<\/tr>/g) ?? [];
}
/** The row number each row of a table starts with. */
const rowNumbers = (rows: string[]) => rows.map((r) => Number(/<th scope="row"[^>]*>\s*(\d+)/.exec(r)?.[1]));

for (const driver of drivers) {
  describe(`a large palmarès import is reported page by page (${driver})`, () => {
    const f = accountsFixture(driver);
    let id = '';
    let path = '';

    before(async () => {
      // Modest but over two pages per table: 250 communes recognised, 130 names nobody knows, 120 invalid levels.
      const communes = await f
        .db()
        .select({ name: territories.name })
        .from(territories)
        .where(and(eq(territories.kind, 'commune'), eq(territories.departmentCode, '76')))
        .orderBy(asc(territories.code))
        .limit(250);
      assert.equal(communes.length, 250);
      const lines = [
        'Année;Collectivité;Département;Niveau',
        ...communes.map((c) => `2010;${c.name};76;3`),
        ...Array.from({ length: 130 }, (_, i) => `2010;Qzxwv Inconnue ${i + 1};76;2`),
        ...communes.slice(0, 120).map((c) => `2011;${c.name};76;9`),
      ];
      const home = await f.admin.get('/admin/palmares');
      const file = { field: 'file', filename: 'palmares-massif.csv', contentType: 'text/csv', data: Buffer.from(lines.join('\n')) };
      const stored = await f.admin.upload('/admin/palmares/imports', { _csrf: csrfTokenOf(home.body) }, file);
      assert.equal(stored.status, 303, textOf(stored.body).slice(0, 300));
      path = stored.location ?? '';
      id = path.split('/').pop() ?? '';
    });

    test('each table shows one bounded page, the counts stay whole, and page links lead to the others', async () => {
      const { report } = await checkPalmaresImport(f.db(), id);
      assert.ok(report.matched.length > 2 * REPORT_PAGE_SIZE, `${report.matched.length} matched`);
      assert.ok(report.toDecide.length > REPORT_PAGE_SIZE, `${report.toDecide.length} to decide`);
      assert.ok(report.invalid.length > REPORT_PAGE_SIZE, `${report.invalid.length} invalid`);
      const page = await f.admin.get(path);
      assert.equal(page.status, 200);
      const text = textOf(page.body);
      assert.match(text, /500 lignes lues/);
      assert.match(text, new RegExp(`Voir les ${report.matched.length} lignes reconnues`));
      assert.deepEqual(
        rowNumbers(tableRows(page.body, 'legende-reconnues')),
        report.matched.slice(0, REPORT_PAGE_SIZE).map((r) => r.row),
      );
      assert.deepEqual(
        rowNumbers(tableRows(page.body, 'legende-a-trancher')),
        report.toDecide.slice(0, REPORT_PAGE_SIZE).map((r) => r.row),
      );
      assert.equal(tableRows(page.body, 'legende-invalides').length, REPORT_PAGE_SIZE);
      assert.match(text, new RegExp(`Lignes 1 à ${REPORT_PAGE_SIZE} sur ${report.matched.length}`));
      // One navigation per paginated table, each named after it (distinct landmarks), its links keeping the others' pages.
      const navs = page.body.match(/<nav class="pagination" aria-label="[^"]+"/g) ?? [];
      assert.equal(new Set(navs).size, 3, navs.join('\n'));
      assert.ok(page.body.includes(`href="${path}?reconnues=2#lignes-reconnues"`), 'link to the second page of recognised rows');
      // Bounded: a 40,000-row file shows no more than this (the whole 500-row report was about 1 MB).
      assert.ok(page.body.length < 400_000, `${page.body.length} bytes`);

      const last = Math.ceil(report.matched.length / REPORT_PAGE_SIZE);
      const third = await f.admin.get(`${path}?reconnues=${last}&a-trancher=2`);
      assert.equal(third.status, 200);
      assert.deepEqual(
        rowNumbers(tableRows(third.body, 'legende-reconnues')),
        report.matched.slice((last - 1) * REPORT_PAGE_SIZE).map((r) => r.row),
      );
      assert.deepEqual(
        rowNumbers(tableRows(third.body, 'legende-a-trancher')),
        report.toDecide.slice(REPORT_PAGE_SIZE, 2 * REPORT_PAGE_SIZE).map((r) => r.row),
      );
      assert.match(third.body, /<details class="palmares-matched" open>/, 'a page of recognised rows asked for is shown unfolded');
      assert.ok(third.body.includes(`href="${path}?reconnues=${last}#lignes-a-trancher"`), 'back to page 1 of the rows to decide, keeping the other page');
      // A page number past the end shows the last page; one that is no number, the first.
      assert.deepEqual(
        rowNumbers(tableRows((await f.admin.get(`${path}?reconnues=999`)).body, 'legende-reconnues')),
        rowNumbers(tableRows(third.body, 'legende-reconnues')),
      );
      const wrong = await f.admin.get(`${path}?reconnues=abc`);
      assert.equal(wrong.status, 200);
      assert.deepEqual(
        rowNumbers(tableRows(wrong.body, 'legende-reconnues')),
        report.matched.slice(0, REPORT_PAGE_SIZE).map((r) => r.row),
      );
    });

    test('choices saved from one page keep those of the others, and lead back to that page', async () => {
      const { report } = await checkPalmaresImport(f.db(), id);
      const onFirst = report.toDecide[0]!.row;
      const onSecond = report.toDecide[REPORT_PAGE_SIZE]!.row;
      const action = `${path}/choix`;
      const first = await f.admin.submit(path, { [`choix-${onFirst}`]: 'skip' }, { action });
      assert.equal(first.status, 303);
      const second = await f.admin.submit(`${path}?a-trancher=2`, { [`choix-${onSecond}`]: 'skip' }, { action });
      assert.equal(second.status, 303);
      assert.equal(second.location, `${path}?ok=choix&a-trancher=2#titre-bilan`);
      const { decisions } = await getPalmaresImport(f.db(), id);
      assert.equal(decisions[String(onFirst)], 'skip');
      assert.equal(decisions[String(onSecond)], 'skip');
      const back = await f.admin.get(second.location ?? '');
      assert.match(back.body, new RegExp(`name="choix-${onSecond}" value="skip" checked`));
    });

    test('"Enregistrer et voir les lignes suivantes" saves the page\'s choices on the way: a page change loses none', async () => {
      const { report } = await checkPalmaresImport(f.db(), id);
      const onFirst = report.toDecide[1]!.row;
      const page = await f.admin.get(path);
      assert.match(
        page.body,
        /<button type="submit" class="button button--secondary" name="aller-a" value="2">Enregistrer et voir les lignes suivantes<\/button>/,
      );
      const next = await f.admin.submit(path, { [`choix-${onFirst}`]: 'skip', 'aller-a': '2' }, { action: `${path}/choix` });
      assert.equal(next.status, 303);
      assert.equal(next.location, `${path}?ok=choix&a-trancher=2#titre-bilan`);
      assert.equal((await getPalmaresImport(f.db(), id)).decisions[String(onFirst)], 'skip');
    });
  });
}
