// The application dossier (/espace/:code/candidature/:year) from start to submission in Chromium:
// with the keyboard only (every focused element shows a visible focus), zero axe violations on each
// state of the page, then the same journey with JavaScript turned off; and, with JavaScript, the
// autosave keeps the submit form's version current so submitting right after it is accepted.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page, Response } from 'playwright-core';
import { createApiToken } from '../../src/modules/accounts/api-tokens.service.ts';
import { getCurrentReferentialVersion } from '../../src/modules/referential/referential.service.ts';
import { expectNoAxeViolations, expectPageStructure, expectVisibleFocus, focusedElement, skipWithoutBrowser, useBrowser } from '../support/browser.ts';
import { createUserWithPassword, logIn } from '../support/browser-accounts.ts';
import { createPeople, createSheet, logInWithKeyboard, PASSWORD, pressAndWaitFor, reduceMotion, tabThrough } from '../support/browser-initiatives.ts';
import { LE_TRAIT, PEOPLE, TRELAZE } from '../support/initiatives-fixture.ts';
import { useTestServer } from '../support/test-server.ts';
import { daysFromNow, openEditionForApplications } from '../support/campaign-fixture.ts';

const YEAR = 2027;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const dossierPath = (code: string) => `/espace/${code}/candidature/${YEAR}`;
const LE_TRAIT_REFERENT = 'referent@letrait.example.fr';

/** Values typed in the contacts, by field id. */
const CONTACTS: Record<string, string> = {
  'champ-elected.name': 'Marc Goua',
  'champ-elected.role': 'Maire',
  'champ-elected.email': 'maire@trelaze.example.fr',
  'champ-elected.phone': '02 41 00 00 00',
  'champ-agent.name': 'Julie Martin',
  'champ-agent.role': 'Chargée du numérique',
  'champ-agent.email': 'j.martin@trelaze.example.fr',
  'champ-agent.phone': '02 41 00 00 01',
};

/** The questionnaire's and the interview's questions as the page shows them (no hard-coded list). */
async function questionsOnPage(page: Page) {
  return page.locator('#dossier .questionnaire-question').evaluateAll((list) =>
    list.map((q) => {
      const control = q.querySelector<HTMLElement>('fieldset, input, textarea')!;
      return {
        id: control.id,
        name: q.querySelector<HTMLInputElement>('[name]')!.name,
        required: !!q.querySelector('.field__required'),
        conditional: q.hasAttribute('data-show-when'),
        hidden: (q as HTMLElement).hidden,
      };
    }),
  );
}

/** What the form sends for one field name, read from the page. */
async function answerOf(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => {
    const form = document.querySelector<HTMLFormElement>('#dossier')!;
    return new FormData(form).getAll(n).map(String);
  }, name);
}

/** The text typed into an empty text field, by what it asks. */
function textFor(el: { id: string; type: string; inputMode: string; tag: string }): string {
  if (CONTACTS[el.id]) return CONTACTS[el.id]!;
  if (el.inputMode === 'decimal') return '2024';
  if (el.tag === 'textarea') return 'Une réponse écrite au clavier, relue par le référent.';
  return 'Réponse courte au clavier';
}

describe('the application dossier (Chromium)', { skip: skipWithoutBrowser }, () => {
  const browser = useBrowser();
  const server = useTestServer('pglite', { listen: true });
  const sheets: Record<string, string> = {};

  before(async () => {
    const db = server.database.db;
    const version = await getCurrentReferentialVersion(db);
    // An edition open since ten days, closing in twenty (the database clock decides at submission).
    await openEditionForApplications(db, YEAR, version);
    const people = await createPeople(db, ['referent', 'contributor']);
    const token = people.contributor.token;
    sheets.recent = (await createSheet(server.url, token, { title: 'Portail famille', startDate: '2025-01-06', endDate: isoDay(daysFromNow(-60)) })).id;
    sheets.running = (
      await createSheet(server.url, token, { title: 'Conseil municipal des jeunes', status: 'in_progress', startDate: '2015-09-01', endDate: null })
    ).id;
    sheets.old = (await createSheet(server.url, token, { title: 'Ancien site internet', endDate: isoDay(daysFromNow(20 - 3 * 365)) })).id;
    sheets.planned = (await createSheet(server.url, token, { title: 'Tiers-lieu numérique', status: 'planned', startDate: null, endDate: null })).id;

    const leTrait = await createUserWithPassword(db, {
      email: LE_TRAIT_REFERENT,
      role: 'member',
      territoryCode: LE_TRAIT,
      territoryRole: 'referent',
      password: PASSWORD,
    });
    const leTraitToken = (await createApiToken(db, leTrait.id, 'tests du navigateur')).token;
    sheets.leTrait = (
      await createSheet(server.url, leTraitToken, { territoryCode: LE_TRAIT, title: 'Médiathèque connectée', endDate: isoDay(daysFromNow(-30)) })
    ).id;
  });

  describe('with the keyboard only, JavaScript on', () => {
    let page: Page;
    const autosaves: Response[] = [];
    const path = dossierPath(TRELAZE);

    before(async () => {
      page = await browser.newPage();
      await reduceMotion(page);
      // Leaving a dossier with unsaved changes asks first (leave-warning.js): accepted, as a person would.
      page.on('dialog', (dialog) => void dialog.accept());
      page.on('response', (response) => {
        if (response.request().method() === 'POST' && response.url().endsWith('/brouillon')) autosaves.push(response);
      });
      await logInWithKeyboard(page, server.url, PEOPLE.referent.email);
    });

    test('the start page: the skip link leads to the form, Enter on « Commencer » starts the dossier', async () => {
      await page.goto(server.url + path);
      assert.equal(await page.locator('h1').innerText(), 'Candidature 2027 de Trélazé');
      await expectNoAxeViolations(page);
      await page.keyboard.press('Tab');
      assert.match((await focusedElement(page)).description, /^a « Aller au contenu »/, 'the first Tab reaches the skip link');
      await expectVisibleFocus(page);
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'contenu', 'the skip link moves the focus to the main content');
      // From the main content, the start button is the first control (the breadcrumb is above it).
      const way = await tabThrough(page, `form[action="${path}/commencer"] button`, 3);
      assert.deepEqual(way, [], `the start button comes first in the content: ${way.join(' → ')}`);
      assert.equal((await focusedElement(page)).description, 'button « Commencer la candidature »');
      await pressAndWaitFor(page, 'Enter', (url) => url.pathname === path && url.searchParams.get('ok') === 'commencee');
      assert.match(await page.getByRole('status').first().innerText(), /Candidature commencée/);
    });

    test('submitting the empty dossier shows what is missing, focused, with links to the fields (axe: zero violations)', async () => {
      const checklist = await page.locator('.checklist li').allInnerTexts();
      assert.ok(checklist.length > 3, `the checklist lists what is missing: ${checklist.join(' | ')}`);
      await tabThrough(page, `form[action="${path}/deposer"] button`, 200);
      const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/deposer')), page.keyboard.press('Enter')]);
      assert.equal(response.status(), 400);
      await page.waitForURL(/\/deposer$/);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'erreurs', 'the error summary has the focus');
      const links = page.locator('#erreurs a');
      assert.equal(await links.count(), checklist.length, 'one link per missing item');
      await expectNoAxeViolations(page);
      // The summary's first link leads to the sheets: Tab, Enter, then Tab reaches the first sheet.
      await page.keyboard.press('Tab');
      await expectVisibleFocus(page);
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), '#champ-initiativeIds');
      await page.keyboard.press('Enter');
      await tabThrough(page, 'input[name="initiativeIds"]', 3);
    });

    test('fills the dossier with the keyboard: sheets, every required question, interview and consent, contacts; saves', async () => {
      const questions = await questionsOnPage(page);
      const required = questions.filter((q) => q.required);
      assert.ok(required.length >= 5, 'the questionnaire and the interview have required questions');
      const conditional = questions.find((q) => q.conditional && q.name.startsWith('q.'));
      assert.ok(conditional, 'the ville questionnaire has a conditional question');
      assert.equal(conditional.hidden, true, 'with JavaScript, a conditional question waits for its answer');

      assert.equal(await page.locator(`#fiche-${sheets.old}`).count(), 0, 'an ineligible sheet cannot be ticked');
      assert.match(await page.locator('.application-sheets-apart').last().innerText(), /ne compte(nt)? pas/);

      // From the first sheet (focused), Tab through the whole form, answering what the focused
      // control asks (Space ticks the sheets), up to « Enregistrer ».
      const answered = new Set<string>();
      const save = '#dossier > .actions button[type="submit"]';
      for (let i = 0; i < 400; i++) {
        if (i > 0) await tabThrough(page, '*', 1);
        const el = await page.evaluate(() => {
          const a = document.activeElement as HTMLInputElement;
          const group = a.name ? [...document.querySelectorAll<HTMLInputElement>(`#dossier [name="${CSS.escape(a.name)}"]`)] : [];
          return {
            tag: a.tagName.toLowerCase(),
            type: a.type ?? '',
            id: a.id,
            name: a.name ?? '',
            value: a.value ?? '',
            inputMode: a.inputMode ?? '',
            checked: !!a.checked,
            groupChecked: group.some((g) => g.checked),
            first: group[0] === a,
            kind: a.closest('fieldset')?.querySelector('.questionnaire-choices__list--inline') ? 'yes_no' : '',
            // The interview's photo has forms of its own (its controls name them): left aside here.
            ownForm: a.form?.id === 'dossier',
            isSave: a.form?.id === 'dossier' && a.matches('button[type="submit"]'),
          };
        });
        if (el.isSave) break;
        if (!el.ownForm) continue;
        if (el.type === 'radio') {
          if (!el.groupChecked) {
            await page.keyboard.press('Space');
            // A single choice: the arrow keys move the choice within the group.
            if (el.kind !== 'yes_no') await page.keyboard.press('ArrowDown');
          }
          answered.add(el.name);
        } else if (el.type === 'checkbox') {
          const tick = el.name === 'initiativeIds' || el.id === 'champ-consent' ? !el.checked : el.first && !el.groupChecked;
          if (tick) await page.keyboard.press('Space');
          answered.add(el.name);
        } else if ((el.tag === 'input' || el.tag === 'textarea') && el.value === '') {
          await page.keyboard.type(textFor(el));
          answered.add(el.name);
        }
      }
      assert.ok(await page.evaluate((s) => document.activeElement?.matches(s), save), 'Tab reached « Enregistrer le dossier »');
      assert.equal((await focusedElement(page)).description, 'button « Enregistrer le dossier »');

      const shown = (await questionsOnPage(page)).filter((q) => !q.hidden);
      assert.ok(
        shown.some((q) => q.id === conditional.id),
        'answering its question showed the conditional one, reached with Tab',
      );
      for (const q of shown.filter((q) => q.required)) assert.ok(answered.has(q.name), `question ${q.id} answered`);
      assert.ok(answered.has(conditional.name), 'the conditional question was answered');
      assert.equal(await page.locator('#champ-consent').isChecked(), true, 'consent ticked with Space');
      // ArrowDown moved the first single choice to its second option.
      const firstSingle = questions.find((q) => q.name.startsWith('q.') && q.required && !q.conditional)!;
      const options = await page.locator(`[name="${firstSingle.name}"]`).evaluateAll((list) => list.map((o) => (o as HTMLInputElement).value));
      if (options.length > 2) assert.deepEqual(await answerOf(page, firstSingle.name), [options[1]]);

      await pressAndWaitFor(page, 'Enter', (url) => url.pathname === path && url.searchParams.get('ok') === 'enregistre');
      assert.match(await page.getByRole('status').first().innerText(), /Dossier enregistré/);
      assert.match(await page.locator('.checklist').innerText(), /^Avant le dépôt\s+Le dossier est complet\s?: un référent peut le déposer\.$/);
      assert.deepEqual((await answerOf(page, 'initiativeIds')).sort(), [sheets.recent!, sheets.running!].sort());
      assert.equal(await page.locator('#champ-agent\\.email').inputValue(), CONTACTS['champ-agent.email']);
      assert.equal((await answerOf(page, conditional.name)).length, 1, 'the conditional answer was saved');
      await expectNoAxeViolations(page);
    });

    test('an autosave keeps the submit form current: submitting right after it is accepted, then the dossier is frozen', async () => {
      const submitVersion = page.locator(`form[action="${path}/deposer"] input[name="version"]`);
      const before = Number(await submitVersion.inputValue());
      // The agent's phone changes: the autosave writes the dossier (a new version)…
      await tabThrough(page, '#champ-agent\\.phone', 200);
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('02 41 00 00 09');
      const count = autosaves.length;
      await page.waitForFunction(() => /Dossier enregistré à/.test(document.querySelector('#autosave-status')?.textContent ?? ''), undefined, {
        timeout: 10_000,
      });
      assert.equal(autosaves.length, count + 1);
      assert.equal(autosaves.at(-1)!.status(), 200);
      const saved = (await autosaves.at(-1)!.json()) as { version: number };
      assert.equal(saved.version, before + 1);
      assert.equal(Number(await submitVersion.inputValue()), saved.version, 'the submit form carries the new version');

      // …and the referent submits at once: accepted (a stale version would be a 409).
      await tabThrough(page, `form[action="${path}/deposer"] button`, 5);
      const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/deposer')), page.keyboard.press('Enter')]);
      assert.equal(response.status(), 303);
      await page.waitForURL((url) => url.searchParams.get('ok') === 'depose');
      assert.match(await page.getByRole('status').first().innerText(), /Dossier déposé/);
      assert.match(await page.locator('main').innerText(), /Candidature déposée le/);
      assert.match(await page.locator('main').innerText(), /Le dossier est figé/);

      // Frozen: nothing to type in, no button to save or submit, the phone as autosaved.
      const enabled = await page
        .locator('#dossier')
        .evaluate((form) =>
          [...(form as HTMLFormElement).elements]
            .filter((el) => el.tagName !== 'FIELDSET' && (el as HTMLInputElement).type !== 'hidden' && !(el as HTMLInputElement).matches(':disabled'))
            .map((el) => el.id),
        );
      assert.deepEqual(enabled, [], 'every field of a submitted dossier is disabled');
      assert.equal(await page.locator('main button').count(), 0, 'no save or submit button');
      assert.equal(await page.locator('#autosave-status').count(), 0, 'no autosave');
      assert.equal(await page.locator('#champ-agent\\.phone').inputValue(), '02 41 00 00 09');
      await expectNoAxeViolations(page);
      // The PDF link is reachable from the skip link.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await tabThrough(page, `main a[href="${path}/dossier.pdf"]`, 5);
    });

    test('the self-assessment page has no axe violation', async () => {
      const response = await page.goto(`${server.url}/espace/${TRELAZE}/auto-evaluation`);
      assert.equal(response?.status(), 200);
      await expectNoAxeViolations(page);
    });
  });

  describe('with JavaScript turned off', () => {
    let page: Page;
    const path = dossierPath(LE_TRAIT);

    before(async () => {
      page = await browser.newPage({ javaScriptEnabled: false });
      await logIn(page, server.url, LE_TRAIT_REFERENT, PASSWORD);
    });

    test('starts, shows what is missing, saves through the form (conditional question included) and submits', async () => {
      await page.goto(server.url + path);
      await Promise.all([page.waitForURL(/ok=commencee/), page.getByRole('button', { name: 'Commencer la candidature' }).click()]);
      assert.match(await page.locator('#autosave-status').innerText(), /enregistrés automatiquement/, 'the idle text stays: no script ran');

      await Promise.all([page.waitForURL(/\/deposer$/), page.getByRole('button', { name: 'Déposer la candidature' }).click()]);
      assert.ok((await page.locator('#erreurs li').count()) > 3, 'the refusal lists what is missing');
      // (axe-core needs the page's JavaScript: it checks these pages in the journey above.)

      await page.locator(`#fiche-${sheets.leTrait}`).check();
      const questions = await questionsOnPage(page);
      const conditional = questions.filter((q) => q.conditional);
      assert.ok(conditional.length > 0, 'a conditional question');
      assert.ok(
        conditional.every((q) => !q.hidden),
        'without JavaScript every conditional question is shown',
      );
      for (const q of conditional) {
        const condition = page.locator('.questionnaire-question', { has: page.locator(`[id="${q.id}"]`) }).locator('.questionnaire-question__condition');
        assert.match(await condition.innerText(), /^À remplir si vous avez répondu «\s.+\s» à la question «\s.+\s»\.$/);
        const describedBy = (await page.locator(`[id="${q.id}"]`).getAttribute('aria-describedby')) ?? '';
        assert.ok(describedBy.split(' ').includes(`${q.id}-condition`), `the condition is read with the field ${q.id}`);
      }
      for (const q of questions) {
        const control = page.locator(`[id="${q.id}"]`);
        if ((await control.evaluate((el) => el.tagName)) === 'FIELDSET') {
          // The first answer: « Oui » for a yes/no, which is what the conditional questions of the ville questionnaire wait for.
          const first = page.locator(`[name="${q.name}"]`).first();
          await first.check();
        } else if (await control.evaluate((el) => (el as HTMLInputElement).inputMode === 'decimal')) {
          await control.fill('2024');
        } else {
          await control.fill('Une réponse donnée sans JavaScript.');
        }
      }
      await page.locator('#champ-consent').check();
      for (const [id, value] of Object.entries(CONTACTS)) await page.locator(`[id="${id}"]`).fill(value.replace('trelaze', 'letrait'));
      await Promise.all([page.waitForURL(/ok=enregistre/), page.getByRole('button', { name: 'Enregistrer le dossier' }).click()]);
      assert.match(await page.locator('.checklist').innerText(), /Le dossier est complet/);
      for (const q of conditional) assert.ok((await answerOf(page, q.name)).length > 0, `the conditional question ${q.id} was saved`);

      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/deposer')),
        page.getByRole('button', { name: 'Déposer la candidature' }).click(),
      ]);
      assert.equal(response.status(), 303, 'the version in the submit form is the saved one');
      await page.waitForURL(/ok=depose/);
      assert.match(await page.getByRole('status').first().innerText(), /Dossier déposé/);
      await expectPageStructure(page);
    });
  });
});
