// The responsible-digital pages other than the diagnostic, in the browser: keyboard only and without
// JavaScript, a referent fills every form (a custom indicator and its values, the CSV import, a quick
// win adopted, the roadmap's proposal, a new action and its status, the charter, the publication
// choices, the strategy's yearly review) and sees the result; then, with JavaScript, no axe violation.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { systemCaller } from '../../src/modules/accounts/permissions.rules.ts';
import { parisToday, saveIndicatorValue } from '../../src/modules/nr/indicators.service.ts';
import { createAction } from '../../src/modules/nr/roadmap.service.ts';
import { createActiveUser, PASSWORD } from '../support/accounts.ts';
import { logIn } from '../support/browser-accounts.ts';
import { expectNoAxeViolations, expectPageStructure, expectVisibleFocus, skipWithoutBrowser, tabTo, useBrowser } from '../support/browser.ts';
import { completedDiagnostic } from '../support/nr-fixture.ts';
import { useTestServer } from '../support/test-server.ts';

const TRELAZE = '49353';
// Angers has 159 022 inhabitants: the law asks it a strategy (Trélazé, 16 333, is under the threshold).
const ANGERS = '49007';
const TRELAZE_REFERENT = 'referente-nr@trelaze.test';
const ANGERS_REFERENT = 'referent-nr@angers.test';
const nr = (code: string) => `/espace/${code}/numerique-responsable`;
const home = nr(TRELAZE);
const NBSP = '\u00a0';
const NNBSP = '\u202f';
const system = systemCaller('nr-pages browser test fixture');

/** A completed diagnostic: purchases and the fleet weak, usages middling, every other theme strong. */
const WEAK: Record<string, number> = { achats: 0, parc: 1, usages: 2 };
const withWeakThemes = (q: { themeId: string }) => WEAK[q.themeId] ?? 3;

/** The text of a table's rows, cells joined by « | », to compare what a page shows. */
const rowsOf = (page: Page, tableCaptionId: string) =>
  page
    .locator(`[aria-labelledby="${tableCaptionId}"] tbody tr`)
    .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => (cell as HTMLElement).innerText.trim()).join(' | ')));

describe('the responsible-digital pages (Chromium)', { skip: skipWithoutBrowser }, () => {
  const browser = useBrowser();
  const server = useTestServer('pglite', { listen: true });

  /** Whether the browser's date fields show the day first (jj/mm/aaaa) or the month (Chromium with only its en-US locale). */
  let dayFirst = true;

  before(async () => {
    const probe = await browser.newPage();
    await probe.setContent('<input type="date" id="d">');
    await probe.focus('#d');
    await probe.keyboard.type('01022003');
    const probed = await probe.inputValue('#d');
    assert.ok(['2003-02-01', '2003-01-02'].includes(probed), `date field order unknown: ${probed}`);
    dayFirst = probed === '2003-02-01';
    const db = server.database.db;
    await createActiveUser(db, { email: TRELAZE_REFERENT, role: 'member', territoryCode: TRELAZE, territoryRole: 'referent' });
    await createActiveUser(db, { email: ANGERS_REFERENT, role: 'member', territoryCode: ANGERS, territoryRole: 'referent' });
    await completedDiagnostic(db, TRELAZE, withWeakThemes);
    // Angers: a diagnostic, an action and a percentage indicator, so that each part of its strategy has content.
    await completedDiagnostic(db, ANGERS, withWeakThemes);
    await createAction(db, system, ANGERS, { title: 'Acheter des postes reconditionnés', themeId: 'achats', dueOn: '2027-06-30', status: 'in_progress' });
    await saveIndicatorValue(db, system, ANGERS, 'achats-reemploi', { date: '2026-06-30', value: '45,5' });
  });

  /** A signed-in page; no smooth scrolling, so the focus is on screen as soon as it moves. */
  async function signedIn(email: string, javaScriptEnabled: boolean) {
    const page = await browser.newPage({ javaScriptEnabled });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await logIn(page, server.url, email, PASSWORD);
    return page;
  }

  /** The structure every page needs, then back to a desktop width. */
  async function structure(page: Page) {
    await expectPageStructure(page);
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  /** Presses Enter on the focused control and waits for the page it leads to (a new address, the one before may match too). */
  async function submit(page: Page, url: RegExp) {
    const from = page.url();
    await Promise.all([page.waitForURL((to) => to.href !== from && url.test(to.href)), page.keyboard.press('Enter')]);
    await structure(page);
  }

  const successText = (page: Page) => page.locator('.alert--success').innerText();

  /** Types a date into the focused date field, segment after segment, in the order the field shows them. */
  async function typeDate(page: Page, iso: string) {
    const [year, month, day] = iso.split('-') as [string, string, string];
    await page.keyboard.type(dayFirst ? `${day}${month}${year}` : `${month}${day}${year}`);
  }

  describe('with JavaScript turned off, keyboard only', () => {
    let page: Page;
    before(async () => {
      page = await signedIn(TRELAZE_REFERENT, false);
    });

    test('indicators: add a custom indicator, type values with a decimal comma, see them in the chart and its table', async () => {
      await page.goto(`${server.url}${home}/indicateurs`);
      await structure(page);
      await tabTo(page, 'input[name="name"]', 80);
      await page.keyboard.type('Boîtes de collecte remplies');
      await tabTo(page, 'input[name="unit"]', 3);
      await page.keyboard.type('boîtes');
      await tabTo(page, `form[action="${home}/indicateurs"] button[type="submit"]`, 3);
      await submit(page, /\/indicateurs\/[0-9a-f-]{36}\?ok=cree$/);
      assert.match(await successText(page), /L’indicateur «\s?Boîtes de collecte remplies\s?» est créé/);
      assert.equal(await page.locator('h1').innerText(), 'Boîtes de collecte remplies');
      const indicatorUrl = page.url().replace(/\?.*$/, '');

      for (const [date, value, note] of [
        ['2025-03-15', '12,5', 'Relevé du printemps.'],
        ['2025-06-30', '14,75', ''],
      ] as const) {
        await tabTo(page, '#champ-date', 60);
        await typeDate(page, date);
        assert.equal(await page.locator('#champ-date').inputValue(), date);
        await tabTo(page, 'input[name="value"]', 5);
        await page.keyboard.type(value);
        if (note) {
          await tabTo(page, 'textarea[name="note"]', 2);
          await page.keyboard.type(note);
        }
        await tabTo(page, `form[action$="/valeurs"] button[type="submit"]`, 3);
        await submit(page, /ok=ajoutee/);
      }
      assert.equal(await successText(page), 'La valeur du 30 juin 2025 est enregistrée.');
      assert.match(await page.locator('#titre-evolution + p').innerText(), /^En hausse de 2,25\s?boîtes depuis le 15 mars 2025\.$/);
      assert.equal(await page.getByRole('img', { name: 'Évolution de l’indicateur Boîtes de collecte remplies' }).count(), 1, 'the chart is named');
      assert.deepEqual(await rowsOf(page, 'evolution-tableau'), [
        '15 mars 2025 | 12,5 | Relevé du printemps. | à la main | Supprimer',
        '30 juin 2025 | 14,75 | — | à la main | Supprimer',
      ]);

      // A value that is no number: refused beside its field, what was typed kept, the focus on the summary.
      await tabTo(page, '#champ-date', 60);
      await typeDate(page, '2025-10-01');
      await tabTo(page, 'input[name="value"]', 5);
      await page.keyboard.type('douze');
      await tabTo(page, `form[action$="/valeurs"] button[type="submit"]`, 3);
      await Promise.all([page.waitForURL(`${indicatorUrl}/valeurs`), page.keyboard.press('Enter')]);
      await structure(page);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'erreurs', 'the error summary has the focus');
      assert.match(await page.locator('#erreurs').innerText(), /Valeur\s?: «\s?douze\s?» n’est pas un nombre/);
      assert.equal(await page.locator('input[name="value"]').inputValue(), 'douze');
      assert.equal(await page.locator('input[name="value"]').getAttribute('aria-invalid'), 'true');
      await tabTo(page, '#erreurs a[href="#champ-value"]', 3);
      // Following the link puts the focus in the field to correct.
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'champ-value');
      await expectVisibleFocus(page);

      await page.goto(`${server.url}${home}/indicateurs`);
      const row = page.locator('#legende-indicateurs').locator('xpath=..').locator('tr', { hasText: 'Boîtes de collecte remplies' });
      assert.match(await row.innerText(), new RegExp(`14,75${NBSP}boîtes\\s+30 juin 2025`));
    });

    test('indicators: import a CSV file of values', async () => {
      await page.goto(`${server.url}${home}/indicateurs`);
      // The file is picked in the system's dialog, out of the page's reach: the field is reached, the file set.
      await tabTo(page, 'input[type="file"][name="file"]', 80);
      const csv = ['indicateur;date;valeur;note', 'deee-recycles;2025-12-31;1,2;Collecte annuelle', 'deee-recycles;2026-06-30;0,8;'].join('\n');
      await page.locator('input[name="file"]').setInputFiles({ name: 'valeurs.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await tabTo(page, `form[action="${home}/indicateurs/import"] button[type="submit"]`, 3);
      await submit(page, /ok=import/);
      assert.match(await successText(page), /^2 valeurs importées pour 1 indicateur\u00a0: 2 nouvelles, 0 remplacée\.$/);
      const row = page.locator('#legende-indicateurs').locator('xpath=..').locator('tr', { hasText: 'Équipements informatiques envoyés au recyclage' });
      assert.match(
        await row.innerText(),
        new RegExp(`0,8${NBSP}t\\s+30 juin 2026\\s+en baisse de 0,4${NBSP}t depuis le 31 décembre 2025, à surveiller \\(2 valeurs\\)`),
      );
    });

    test('quick wins: filter by theme and adopt one', async () => {
      await page.goto(`${server.url}${home}/gestes-rapides`);
      await structure(page);
      await tabTo(page, '#champ-theme', 40);
      await page.keyboard.type('Achats');
      assert.equal(await page.locator('#champ-theme').inputValue(), 'achats');
      await tabTo(page, 'form[role="search"] button[type="submit"]', 2);
      await submit(page, /theme=achats/);
      assert.match(await page.locator('main').innerText(), /loi AGEC \(20\u202f% de la dépense annuelle\)/, 'a number and its « % » never parted');
      await tabTo(page, '.card-list button[type="submit"]', 40);
      const card = await page.evaluate(() => document.activeElement?.closest('li.card')?.id ?? '');
      const title = await page.locator(`#${card} h3`).innerText();
      await submit(page, /adopte=/);
      assert.match(await successText(page), new RegExp(`Le geste «${NBSP}${title}${NBSP}» a été ajouté à la feuille de route\\.`));
      assert.equal(await page.locator(`#${card} .badge--public`).innerText(), `Adopté${NBSP}: dans la feuille de route`);
      assert.equal(await page.locator(`#${card} button`).count(), 0, 'an adopted quick win has no « Adopter » button any more');
    });

    test('roadmap: propose actions, add one, change its status on its page, the timeline by quarter', async () => {
      await page.goto(`${server.url}${home}/feuille-de-route`);
      await structure(page);
      await tabTo(page, `form[action="${home}/feuille-de-route/proposer"] button`, 60);
      await submit(page, /ok=proposees&n=\d/);
      assert.match(await successText(page), /^\d actions proposées ont été ajoutées à la feuille de route\.$/);
      const proposed = await rowsOf(page, 'tableau-actions');
      assert.ok(
        proposed.some(
          (r) => r.startsWith('Intégrer le réemploi et la durabilité dans les achats numériques | Achats |') && r.endsWith('Proposée par le diagnostic'),
        ),
        proposed.join('\n'),
      );
      assert.match(await page.locator('#titre-proposer + p + p').innerText(), /ont déjà chacun une action proposée/);

      await tabTo(page, 'input[name="title"]', 80);
      await page.keyboard.type('Éteindre les écrans des salles de réunion');
      await tabTo(page, 'textarea[name="description"]', 2);
      await page.keyboard.type('Une minuterie sur chaque prise.');
      await tabTo(page, 'select[name="themeId"]', 2);
      // A closed list answers to the first letters typed.
      await page.keyboard.type('Usages');
      assert.equal(await page.locator('select[name="themeId"]').inputValue(), 'usages');
      await tabTo(page, 'input[name="owner"]', 2);
      await page.keyboard.type('Service informatique');
      await tabTo(page, 'input[name="dueOn"]', 2);
      await typeDate(page, '2026-12-31');
      assert.equal(await page.locator('input[name="dueOn"]').inputValue(), '2026-12-31');
      await tabTo(page, `form[action="${home}/feuille-de-route/actions"] button[type="submit"]`, 8);
      await submit(page, /ok=ajoutee/);
      assert.equal(await successText(page), 'L’action a été ajoutée.');
      const added = 'Éteindre les écrans des salles de réunion | Usages | Service informatique | 31 décembre 2026 | Prévue | Ajoutée à la main';
      assert.ok((await rowsOf(page, 'tableau-actions')).includes(added));

      await tabTo(page, '[aria-labelledby="tableau-actions"] a[aria-label*="Éteindre les écrans"]', 80);
      await submit(page, /\/feuille-de-route\/[0-9a-f-]{36}$/);
      assert.match(await page.locator('h1').innerText(), /^Modifier l’action «\s?Éteindre les écrans des salles de réunion\s?»$/);
      assert.equal(await page.locator('input[name="title"]').inputValue(), 'Éteindre les écrans des salles de réunion', 'the form shows the action');
      await tabTo(page, 'select[name="status"]', 30);
      // Prévue → En cours → Réalisée.
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      assert.equal(await page.locator('select[name="status"]').inputValue(), 'done');
      await tabTo(page, '.form-actions button[type="submit"]', 3);
      await submit(page, /ok=enregistree/);
      assert.equal(await successText(page), 'L’action a été enregistrée.');
      assert.ok((await rowsOf(page, 'tableau-actions')).includes(added.replace('Prévue', 'Réalisée')));

      assert.ok((await page.locator('.history__head').allInnerTexts()).includes('Décembre 2026'), 'the month’s heading begins with a capital');
      await tabTo(page, `a[href="${home}/feuille-de-route?par=trimestre#titre-calendrier"]`, 80);
      await submit(page, /par=trimestre/);
      assert.equal(await page.locator('.view-switch [aria-current="page"]').innerText(), 'Par trimestre');
      const quarter = page.locator('.history__entry', { has: page.locator('h3', { hasText: '4e trimestre 2026' }) });
      assert.equal(await quarter.locator('s').innerText(), 'Éteindre les écrans des salles de réunion', 'a done action is struck through in its quarter');
    });

    test('charter: record a signature with its date, signatory and role', async () => {
      await page.goto(`${server.url}${home}/charte`);
      await structure(page);
      assert.equal(await page.locator('main p strong').first().innerText(), 'La charte n’a pas encore été signée.');
      assert.equal(await page.locator('input[name="signedOn"]').inputValue(), parisToday(), 'today by default');
      await tabTo(page, 'input[name="signedOn"]', 40);
      await typeDate(page, '2025-04-02');
      await tabTo(page, 'input[name="signatory"]', 5);
      await page.keyboard.type('Lise Bernardeau');
      await tabTo(page, 'input[name="role"]', 2);
      await page.keyboard.type('Maire');
      await tabTo(page, '.form-actions button[type="submit"]', 2);
      await submit(page, /signee=1/);
      assert.equal(await successText(page), 'La signature a été enregistrée.');
      assert.equal(await page.locator('main p strong').first().innerText(), 'Charte signée le 2 avril 2025 par Lise Bernardeau, Maire.');
      assert.deepEqual(await rowsOf(page, 'tableau-signatures'), ['2 avril 2025 | Lise Bernardeau | Maire']);
    });

    test('publication: choose what is public, and the public page shows it', async () => {
      await page.goto(`${server.url}${home}/publication`);
      await structure(page);
      await tabTo(page, '#champ-maturity', 40);
      await page.keyboard.press('Space');
      await tabTo(page, '#champ-charter', 2);
      await page.keyboard.press('Space');
      await tabTo(page, '.form-actions button[type="submit"]', 3);
      await submit(page, /ok=1/);
      assert.equal(await successText(page), 'Les choix de publication sont enregistrés.');
      const checked = await page.locator('input[type="checkbox"]').evaluateAll((boxes) => boxes.map((b) => `${b.id}=${(b as HTMLInputElement).checked}`));
      assert.deepEqual(checked, ['champ-maturity=true', 'champ-charter=true', 'champ-indicators=false', 'champ-roadmap=false']);
      await page.goto(`${server.url}/territoires/${TRELAZE}`);
      const section = page.locator('section', { has: page.locator('#titre-numerique-responsable') });
      assert.match(await section.innerText(), /Charte signée le 2 avril 2025 par Lise Bernardeau \(Maire\)/);
      assert.doesNotMatch(await section.innerText(), /Feuille de route/, 'the roadmap stays private');
    });

    test('strategy of a territory of 50 000 inhabitants or more: record the yearly review', async () => {
      const angers = await signedIn(ANGERS_REFERENT, false);
      await angers.goto(`${server.url}${nr(ANGERS)}/strategie`);
      await structure(angers);
      assert.match(
        await angers.locator('#titre-loi + p').innerText(),
        /^La stratégie est obligatoire pour ce territoire.* une commune de 159\u202f022 habitants\.$/,
      );
      assert.deepEqual(await rowsOf(angers, 'tableau-strategie-indicateurs'), [
        `Achats informatiques reconditionnés ou issus du réemploi | 45,5${NNBSP}% des achats informatiques | 30 juin 2026`,
      ]);
      await tabTo(angers, 'input[name="year"]', 60);
      await angers.keyboard.press('ControlOrMeta+A');
      await angers.keyboard.type('2025');
      await tabTo(angers, 'input[name="adoptedOn"]', 2);
      await typeDate(angers, '2026-01-20');
      await tabTo(angers, 'textarea[name="summary"]', 5);
      await angers.keyboard.type('Parc inventorié, premiers achats reconditionnés.');
      await tabTo(angers, '.form-actions button[type="submit"]', 2);
      await submit(angers, /ok=1/);
      assert.equal(await successText(angers), 'Le bilan est enregistré.');
      assert.deepEqual(await rowsOf(angers, 'tableau-bilans'), ['2025 | 20 janvier 2026 | Parc inventorié, premiers achats reconditionnés.']);
    });
  });

  test('with JavaScript: no axe violation on any of the pages', async () => {
    const page = await signedIn(TRELAZE_REFERENT, true);
    const pages = [
      `${home}/indicateurs`,
      `${home}/indicateurs/deee-recycles`,
      `${home}/gestes-rapides`,
      `${home}/feuille-de-route`,
      `${home}/feuille-de-route?par=trimestre`,
      `${home}/charte`,
      `${home}/publication`,
      `${home}/strategie`,
    ];
    for (const path of pages) {
      await page.goto(`${server.url}${path}`);
      await expectNoAxeViolations(page);
    }
    // A custom indicator's page, with its chart, and its refused value (the error summary).
    await page.goto(`${server.url}${home}/indicateurs`);
    await Promise.all([page.waitForURL(/\/indicateurs\/[0-9a-f-]{36}$/), page.getByRole('link', { name: 'Boîtes de collecte remplies' }).click()]);
    await expectNoAxeViolations(page);
    await page.locator('#champ-date').fill('2025-10-01');
    await page.locator('input[name="value"]').fill('douze');
    await Promise.all([page.waitForURL(/\/valeurs$/), page.getByRole('button', { name: 'Enregistrer la valeur' }).click()]);
    await expectNoAxeViolations(page);
    // An action's page.
    await page.goto(`${server.url}${home}/feuille-de-route`);
    await Promise.all([page.waitForURL(/\/feuille-de-route\/[0-9a-f-]{36}$/), page.locator('[aria-labelledby="tableau-actions"] a').first().click()]);
    await expectNoAxeViolations(page);

    const angers = await signedIn(ANGERS_REFERENT, true);
    await angers.goto(`${server.url}${nr(ANGERS)}/strategie`);
    await expectNoAxeViolations(angers);
  });
});
