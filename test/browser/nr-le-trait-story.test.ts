// Le Trait's story (seed 001) entered through the responsible-digital pages, as its people would:
// the direction and the élu answer the diagnostic together, the indicators are typed and imported,
// four quick wins adopted, the charter signed, the roadmap written and published; then an anonymous
// visitor reads the territory's public section and the referent downloads the roadmap's PDF.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { NR_MODEL } from '../../src/modules/nr/nr-model.data.ts';
import { NR_QUICK_WINS } from '../../src/modules/nr/nr-quick-wins.data.ts';
import { capitalise } from '../../src/platform/text.ts';
import { formatDate } from '../../src/platform/views/format.ts';
import { createActiveUser, PASSWORD } from '../support/accounts.ts';
import { logIn } from '../support/browser-accounts.ts';
import { skipWithoutBrowser, useBrowser } from '../support/browser.ts';
import { useTestServer } from '../support/test-server.ts';

const LE_TRAIT = '76709';
const DIRECTION = 'direction-nr@le-trait.test';
const ELU = 'elu-nr@le-trait.test';
const home = `/espace/${LE_TRAIT}/numerique-responsable`;

// The 26 June of the charter: this year's once past (Paris), else last year's; the values measured before it.
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
const thisYear = Number(today.slice(0, 4));
const year = `${thisYear}-06-26` <= today ? thisYear : thisYear - 1;
const signedOn = `${year}-06-26`;

/** Le Trait's levels, theme by theme in the model's order of questions (as in seed-demo-nr.service.ts). */
const LEVELS: Record<string, string> = {
  gouvernance: '22101',
  sensibilisation: '21110',
  achats: '00110',
  parc: '21132',
  'reseaux-donnees': '21100',
  usages: '11010',
  ecoconception: '010001',
};
const NOTES: Record<string, string> = {
  'gouvernance.elu': 'L’élu à la transition écologique et la direction ont participé à l’autodiagnostic.',
  'sensibilisation.cleanup-day': 'Première participation au Digital Clean Up Day cette année.',
  'parc.recyclage': '1,2 tonne de matériel obsolète envoyée au recyclage.',
  'parc.collecte-smartphones': 'Quatre boîtes de collecte dans les bâtiments publics, trois déjà remplies.',
  'reseaux-donnees.messagerie': 'Campagne de nettoyage des boîtes aux lettres : 30 Go supprimés, le volume suivi depuis.',
  'usages.extinction-postes': 'Consigne d’extinction des postes le soir, à faire tenir à tous les services.',
};
/** The indexes (0–100) these answers give each theme, and the whole: 29, letter D. */
const THEME_INDEXES: Record<string, number> = {
  gouvernance: 40,
  sensibilisation: 33,
  achats: 13,
  parc: 60,
  'reseaux-donnees': 27,
  usages: 20,
  ecoconception: 11,
};
const QUICK_WINS = ['postes-eteints-la-nuit', 'bonnes-pratiques-entretiens-annuels', 'police-econome-par-defaut', 'impression-noir-blanc-recto-verso'];
const quickWinTitle = (id: string) => NR_QUICK_WINS.find((q) => q.id === id)!.title;
// The three weakest themes (écoconception 11, achats 13, usages 20) get one proposed action each.
const PROPOSED = [
  'Écoconcevoir et rendre accessibles les services numériques du territoire',
  'Intégrer le réemploi et la durabilité dans les achats numériques',
  'Faire évoluer les usages quotidiens (impressions, veilles, extinctions)',
];
const NEW_ACTION = {
  title: 'Présenter la feuille de route au conseil municipal',
  owner: 'Responsable de la transition écologique',
  dueOn: `${year + 1}-06-30`,
};
const EDITED = { owner: 'Technicien informatique', dueOn: `${year + 1}-09-30` };
const ALL_ACTIONS = [...QUICK_WINS.map(quickWinTitle), ...PROPOSED, NEW_ACTION.title];
const SIGNATORY = { name: 'Gérard Lemonnier', role: 'Élu à la transition écologique' };
const BOXES = 'Boîtes de collecte remplies';

// Screenshots for a person to look at, only when asked: NR_SHOTS=1 node scripts/test.mjs <this file>.
const SHOTS = process.env.NR_SHOTS ? '/tmp/nr-story' : null;
async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Text as a person reads it: every run of spaces (no-break ones included) one space. */
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const textOf = async (locator: Locator) => squash(await locator.innerText());
/** The cells' text of a table's body rows. */
const rowsOf = (table: Locator) =>
  table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim())));
const notice = (page: Page) => textOf(page.locator('.alert--success'));

async function submitTo(page: Page, url: RegExp, button: Locator) {
  await Promise.all([page.waitForURL(url), button.click()]);
}

/** Answers every question of a theme (a click on the level's label, a note where the story has one) and saves it. */
async function answerTheme(page: Page, themeId: string) {
  const theme = NR_MODEL.themes.find((t) => t.id === themeId)!;
  for (const [i, question] of theme.questions.entries()) {
    await page.locator(`label[for="niveau-${question.id}-${LEVELS[themeId]![i]}"]`).click();
    const note = NOTES[question.id];
    if (note) await page.locator(`textarea[name="note.${question.id}"]`).fill(note);
  }
  await submitTo(page, /fait=enregistre/, page.locator(`button[name="theme"][value="${themeId}"]`));
  assert.match(await notice(page), /Réponses enregistrées/);
}

/** Types one value on an indicator's page. */
async function addValue(page: Page, value: { date: string; value: string; note: string }) {
  await page.locator('#champ-date').fill(value.date);
  await page.locator('#champ-value').fill(value.value);
  await page.locator('#champ-note').fill(value.note);
  await submitTo(page, /ok=ajoutee/, page.getByRole('button', { name: 'Enregistrer la valeur' }));
  assert.equal(await notice(page), `La valeur du ${formatDate(value.date)} est enregistrée.`);
}

async function openIndicator(page: Page, baseUrl: string, name: string) {
  await page.goto(`${baseUrl}${home}/indicateurs`);
  await Promise.all([page.waitForURL(/indicateurs\/.+/), page.getByRole('link', { name, exact: true }).click()]);
  assert.equal(await textOf(page.locator('h1')), name);
}

/** The text of a PDF, by pdftotext (poppler-utils), its spaces squashed. */
function pdfTextOf(file: string): string {
  return squash(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
}

describe('Le Trait’s responsible-digital story, through its pages (Chromium)', { skip: skipWithoutBrowser }, () => {
  const browser = useBrowser();
  const server = useTestServer('pglite', { listen: true });
  let direction: Page;
  let elu: Page;

  before(async () => {
    await createActiveUser(server.db, { email: DIRECTION, displayName: 'Claire Vasseur', role: 'member', territoryCode: LE_TRAIT, territoryRole: 'referent' });
    await createActiveUser(server.db, { email: ELU, displayName: SIGNATORY.name, role: 'member', territoryCode: LE_TRAIT, territoryRole: 'referent' });
    direction = await browser.newPage();
    elu = await browser.newPage();
    await logIn(direction, server.url, DIRECTION, PASSWORD);
    await logIn(elu, server.url, ELU, PASSWORD);
  });

  test('the direction and the élu answer the diagnostic together, then its results show as a radar', async () => {
    await direction.goto(`${server.url}${home}`);
    await submitTo(direction, /fait=commence/, direction.getByRole('button', { name: 'Commencer le diagnostic' }));
    // Both pages are open before either saves: each save writes only its own answers.
    await elu.goto(`${server.url}${home}/diagnostic`);
    await answerTheme(elu, 'gouvernance');
    await answerTheme(direction, 'parc');
    await answerTheme(elu, 'sensibilisation');
    for (const themeId of ['achats', 'reseaux-donnees', 'usages', 'ecoconception']) await answerTheme(direction, themeId);

    // The direction sees the élu's answers and notes, then ends the diagnostic.
    await direction.reload();
    assert.match(await textOf(direction.locator('main')), /36 réponses sur 36\./);
    assert.equal(await direction.locator('#niveau-gouvernance\\.elu-2').isChecked(), true);
    assert.equal(await direction.locator('textarea[name="note.gouvernance.elu"]').inputValue(), NOTES['gouvernance.elu']);
    await submitTo(direction, /fait=termine/, direction.getByRole('button', { name: 'Terminer le diagnostic' }));
    assert.equal(await notice(direction), 'Diagnostic terminé. Votre indice et votre lettre sont à jour.');
    assert.equal(await textOf(direction.locator('.nr-letter')), 'D');
    assert.match(await textOf(direction.locator('.facts')), /Indice global 29\/100/);

    const radar = direction.locator('#radar-nr-titre');
    assert.equal(await radar.textContent(), 'Indice de maturité par thème — Le Trait');
    const rows = await rowsOf(direction.locator('#radar-nr-tableau').locator('xpath=ancestor::table'));
    assert.deepEqual(
      rows.map((cells) => cells.slice(0, 2)),
      NR_MODEL.themes.map((t) => [t.name, String(THEME_INDEXES[t.id])]),
    );
    await shot(direction, '1-diagnostic-radar');
  });

  test('the indicators: 1,2 t recycled, the smartphones collected, the mailboxes’ volume typed and imported from a CSV', async () => {
    await openIndicator(direction, server.url, 'Équipements informatiques envoyés au recyclage');
    await addValue(direction, { date: `${year - 1}-12-15`, value: '1,2', note: 'Matériel obsolète confié à une filière agréée.' });
    assert.deepEqual((await rowsOf(direction.locator('.chart .table')))[0]?.slice(0, 2), [formatDate(`${year - 1}-12-15`), '1,2']);

    await openIndicator(direction, server.url, 'Smartphones collectés');
    await addValue(direction, { date: `${year}-06-01`, value: '85', note: 'Quatre boîtes de collecte dans les bâtiments publics, trois remplies.' });

    // The filled boxes: an indicator of the territory's own.
    await direction.goto(`${server.url}${home}/indicateurs`);
    await direction.locator('#champ-name').fill(BOXES);
    await direction.locator('#champ-unit').fill('boîtes');
    await submitTo(direction, /ok=cree/, direction.getByRole('button', { name: 'Ajouter l’indicateur' }));
    assert.equal(await textOf(direction.locator('h1')), BOXES);

    // The mailboxes before the clean-up, typed; the months after, imported.
    await openIndicator(direction, server.url, 'Volume des boîtes aux lettres électroniques');
    await addValue(direction, { date: `${year}-02-01`, value: '182', note: 'Avant le Digital Clean Up Day.' });
    await direction.goto(`${server.url}${home}/indicateurs`);
    const csv = [
      'indicateur;date;valeur;note',
      `volume-messagerie;${year}-04-01;152;Après la suppression de 30 Go`,
      `volume-messagerie;01/05/${year};154;`,
      `volume-messagerie;${year}-06-01;155;`,
      `${BOXES};${year}-06-01;3;Trois boîtes sur quatre`,
    ].join('\n');
    await direction.locator('#champ-file').setInputFiles({ name: 'releves-le-trait.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await submitTo(direction, /ok=import/, direction.getByRole('button', { name: 'Importer', exact: true }));
    assert.match(await notice(direction), /^4 valeurs importées pour 2 indicateurs : 4 nouvelles/);

    const list = new Map((await rowsOf(direction.locator('#legende-indicateurs').locator('xpath=ancestor::table'))).map((cells) => [cells[0], cells]));
    assert.equal(list.get('Équipements informatiques envoyés au recyclage')?.[2], '1,2 t');
    assert.equal(list.get('Smartphones collectés')?.[2], '85 smartphones');
    assert.equal(list.get(`${BOXES} (indicateur propre au territoire)`)?.[2], '3 boîtes');
    const mailboxes = list.get('Volume des boîtes aux lettres électroniques');
    assert.equal(mailboxes?.[2], '155 Go');
    assert.match(mailboxes?.[4] ?? '', /en hausse de 1 Go depuis le 1er mai \d{4}, à surveiller \(4 valeurs\)/);

    await openIndicator(direction, server.url, 'Volume des boîtes aux lettres électroniques');
    assert.equal(await direction.locator('#evolution-titre').textContent(), 'Évolution de l’indicateur Volume des boîtes aux lettres électroniques');
    const values = await rowsOf(direction.locator('.chart .table'));
    assert.deepEqual(
      values.map((cells) => [cells[1], cells[3]]),
      [
        ['182', 'à la main'],
        ['152', 'import CSV'],
        ['154', 'import CSV'],
        ['155', 'import CSV'],
      ],
    );
    assert.equal(await direction.locator('svg[aria-labelledby="evolution-titre"] path.chart__line').count(), 1, 'the chart draws its line');
    await shot(direction, '2-indicateur-messagerie');
  });

  test('the four quick wins are adopted from the catalogue', async () => {
    await direction.goto(`${server.url}${home}/gestes-rapides`);
    for (const id of QUICK_WINS) {
      const card = direction.locator(`#geste-${id}`);
      assert.equal(await textOf(card.locator('h3')), quickWinTitle(id));
      await submitTo(direction, /adopte=/, card.getByRole('button', { name: 'Adopter' }));
      assert.match(await notice(direction), new RegExp(`Le geste « ${quickWinTitle(id)} » a été ajouté à la feuille de route\\.`));
      assert.match(await textOf(direction.locator(`#geste-${id}`)), /Adopté : dans la feuille de route/);
    }
  });

  test('the élu signs the charter on 26 June', async () => {
    await elu.goto(`${server.url}${home}/charte`);
    assert.match(await textOf(elu.locator('main')), /La charte n’a pas encore été signée\./);
    await elu.locator('#champ-signedOn').fill(signedOn);
    await elu.locator('#champ-signatory').fill(SIGNATORY.name);
    await elu.locator('#champ-role').fill(SIGNATORY.role);
    await submitTo(elu, /signee=1/, elu.getByRole('button', { name: 'Enregistrer la signature' }));
    assert.equal(await notice(elu), 'La signature a été enregistrée.');
    assert.match(await textOf(elu.locator('main')), new RegExp(`Charte signée le 26 juin ${year} par ${SIGNATORY.name}, ${SIGNATORY.role}\\.`));
    assert.deepEqual(await rowsOf(elu.locator('#tableau-signatures').locator('xpath=ancestor::table')), [[`26 juin ${year}`, SIGNATORY.name, SIGNATORY.role]]);
    await shot(elu, '3-charte');
  });

  test('the roadmap: actions proposed from the weakest themes, one added and one given an owner, shown on a timeline', async () => {
    const roadmap = `${server.url}${home}/feuille-de-route`;
    await direction.goto(roadmap);
    await submitTo(direction, /ok=proposees&n=3/, direction.getByRole('button', { name: 'Proposer des actions' }));
    assert.equal(await notice(direction), '3 actions proposées ont été ajoutées à la feuille de route.');

    await direction.locator('#champ-title').fill(NEW_ACTION.title);
    await direction.locator('#champ-description').fill('Après la signature de la charte, la feuille de route et ses échéances présentées aux élus.');
    await direction.locator('#champ-themeId').selectOption({ label: 'Gouvernance et stratégie' });
    await direction.locator('#champ-owner').fill(NEW_ACTION.owner);
    await direction.locator('#champ-dueOn').fill(NEW_ACTION.dueOn);
    await direction.locator('#champ-status').selectOption({ label: 'Prévue' });
    await submitTo(direction, /ok=ajoutee/, direction.getByRole('button', { name: 'Ajouter l’action' }));
    assert.equal(await notice(direction), 'L’action a été ajoutée.');

    // The night switch-off gets its owner, its due date and starts.
    const nights = quickWinTitle('postes-eteints-la-nuit');
    await Promise.all([
      direction.waitForURL(/feuille-de-route\/[0-9a-f-]{36}$/),
      direction.locator('#tableau-actions').locator('xpath=ancestor::table').getByRole('link', { name: nights }).click(),
    ]);
    await direction.locator('#champ-owner').fill(EDITED.owner);
    await direction.locator('#champ-dueOn').fill(EDITED.dueOn);
    await direction.locator('#champ-status').selectOption({ label: 'En cours' });
    await submitTo(direction, /ok=enregistree/, direction.getByRole('button', { name: 'Enregistrer', exact: true }));

    const rows = await rowsOf(direction.locator('#tableau-actions').locator('xpath=ancestor::table'));
    assert.deepEqual(rows.map((cells) => cells[0]).sort(), [...ALL_ACTIONS].sort());
    const byTitle = new Map(rows.map((cells) => [cells[0], cells]));
    assert.deepEqual(byTitle.get(NEW_ACTION.title)?.slice(1), [
      'Gouvernance et stratégie',
      NEW_ACTION.owner,
      formatDate(NEW_ACTION.dueOn),
      'Prévue',
      'Ajoutée à la main',
    ]);
    assert.deepEqual(byTitle.get(nights)?.slice(1), ['Usages', EDITED.owner, formatDate(EDITED.dueOn), 'En cours', 'Geste rapide adopté']);
    for (const title of PROPOSED) assert.equal(byTitle.get(title)?.[5], 'Proposée par le diagnostic', title);

    // The timeline: each dated action in its month, the others without a due date.
    const periods = await direction.locator('section[aria-labelledby="titre-calendrier"] .history__entry').evaluateAll((entries) =>
      entries.map((e) => ({
        label: e.querySelector('h3')?.textContent?.trim() ?? '',
        entries: [...e.querySelectorAll('li')].map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim()),
      })),
    );
    // A month heading of the timeline: « Juin 2027 ».
    const month = (date: string) => capitalise(formatDate(date).replace(/^\S+ /, ''));
    assert.deepEqual(
      periods.map((p) => p.label),
      [month(NEW_ACTION.dueOn), month(EDITED.dueOn), 'Sans échéance'],
    );
    assert.deepEqual(periods[0]?.entries, [`${NEW_ACTION.title} (${formatDate(NEW_ACTION.dueOn)}) — Prévue`]);
    assert.deepEqual(periods[1]?.entries, [`${nights} (${formatDate(EDITED.dueOn)}) — En cours`]);
    assert.equal(periods[2]?.entries.length, ALL_ACTIONS.length - 2);
    assert.match(await textOf(direction.locator('section[aria-labelledby="titre-calendrier"]')), /Aucune action en retard\./);
    await shot(direction, '4-feuille-de-route');
  });

  test('the referent publishes the letter, the charter, the indicators and the roadmap', async () => {
    await direction.goto(`${server.url}${home}/publication`);
    const parts = ['maturity', 'charter', 'indicators', 'roadmap'];
    for (const part of parts) await direction.locator(`#champ-${part}`).check();
    await submitTo(direction, /ok=1/, direction.getByRole('button', { name: 'Enregistrer les choix' }));
    assert.equal(await notice(direction), 'Les choix de publication sont enregistrés.');
    for (const part of parts) assert.equal(await direction.locator(`#champ-${part}`).isChecked(), true, part);
  });

  test('an anonymous visitor reads the section on /territoires/76709, and nothing private', async () => {
    const visitor = await browser.newPage();
    await visitor.goto(`${server.url}/territoires/${LE_TRAIT}`);
    const section = visitor.locator('section[aria-labelledby="titre-numerique-responsable"]');
    const text = await textOf(section);
    assert.match(text, /Lettre de maturité : D · Indice 29 sur 100/);
    assert.match(text, new RegExp(`Charte signée le 26 juin ${year} par ${SIGNATORY.name} \\(${SIGNATORY.role}\\)\\.`));

    const indicators = await rowsOf(section.locator('#tableau-nr-indicateurs').locator('xpath=ancestor::table'));
    assert.deepEqual(
      new Map(indicators.map(([name, value]) => [name, value])),
      new Map([
        ['Équipements informatiques envoyés au recyclage', '1,2 t'],
        ['Volume des boîtes aux lettres électroniques', '155 Go'],
        ['Smartphones collectés', '85 smartphones'],
        [BOXES, '3 boîtes'],
      ]),
    );
    // The mailboxes' four values drawn, their table beside the chart.
    assert.equal(await section.getByRole('heading', { name: 'Évolution : Volume des boîtes aux lettres électroniques' }).count(), 1);

    const actions = await rowsOf(section.locator('#tableau-nr-actions').locator('xpath=ancestor::table'));
    assert.deepEqual(actions.map((cells) => cells[0]).sort(), [...ALL_ACTIONS].sort());
    assert.deepEqual(
      actions.find((cells) => cells[0] === NEW_ACTION.title),
      [NEW_ACTION.title, 'Gouvernance et stratégie', 'Prévue', formatDate(NEW_ACTION.dueOn)],
    );
    // Never the answers' notes, the values' notes nor the owners.
    for (const secret of [NOTES['reseaux-donnees.messagerie']!, 'Après la suppression de 30 Go', EDITED.owner, NEW_ACTION.owner])
      assert.equal(text.includes(secret), false, secret);
    await section.scrollIntoViewIfNeeded();
    await shot(visitor, '5-page-publique');
  });

  test('the roadmap’s PDF, downloaded by the referent, lists the actions', async () => {
    const response = await direction.request.get(`${server.url}${home}/feuille-de-route.pdf`);
    assert.equal(response.status(), 200);
    assert.equal(response.headers()['content-type'], 'application/pdf');
    const file = join(mkdtempSync(join(tmpdir(), 'feuille-de-route-')), 'feuille-de-route-76709.pdf');
    writeFileSync(file, await response.body());
    const text = pdfTextOf(file);
    assert.match(text, /Le Trait/);
    assert.match(text, /8 actions/);
    for (const title of ALL_ACTIONS) assert.ok(text.includes(title), `${title} in: ${text}`);
    assert.ok(text.includes(`Responsable : ${EDITED.owner} · Échéance : ${formatDate(EDITED.dueOn)} · État : En cours`), text);
    assert.ok(text.includes(`Responsable : ${NEW_ACTION.owner} · Échéance : ${formatDate(NEW_ACTION.dueOn)} · État : Prévue`), text);
    if (SHOTS) execFileSync('pdftoppm', ['-png', file, join(SHOTS, '6-feuille-de-route-pdf')]);
  });
});
