// The responsible-digital diagnostic in the browser: keyboard only and without JavaScript, a
// contributor starts it, answers the questions of one theme and saves; then, with JavaScript, zero
// axe violations on the module's home and on the questionnaire, and the autosave keeps an answer.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { NR_MODEL } from '../../src/modules/nr/nr-model.data.ts';
import { createActiveUser, PASSWORD } from '../support/accounts.ts';
import { logIn } from '../support/browser-accounts.ts';
import { expectNoAxeViolations, expectPageStructure, skipWithoutBrowser, tabTo, useBrowser } from '../support/browser.ts';
import { useTestServer } from '../support/test-server.ts';

const TRELAZE = '49353';
const EMAIL = 'contributrice-nr@trelaze.test';
const home = `/espace/${TRELAZE}/numerique-responsable`;
const governance = NR_MODEL.themes.find((t) => t.id === 'gouvernance')!;

describe('the responsible-digital diagnostic (Chromium)', { skip: skipWithoutBrowser }, () => {
  const browser = useBrowser();
  const server = useTestServer('pglite', { listen: true });

  before(async () => {
    await createActiveUser(server.database.db, { email: EMAIL, role: 'member', territoryCode: TRELAZE, territoryRole: 'contributor' });
  });

  describe('with JavaScript turned off, keyboard only', () => {
    let page: Page;
    before(async () => {
      page = await browser.newPage({ javaScriptEnabled: false });
      await logIn(page, server.url, EMAIL, PASSWORD);
    });

    test('start the diagnostic, answer every question of a theme, save', async () => {
      await page.goto(`${server.url}${home}`);
      await expectPageStructure(page);
      await tabTo(page, `form[action="${home}/diagnostic/commencer"] button`);
      await Promise.all([page.waitForURL(/fait=commence/), page.keyboard.press('Enter')]);
      await expectPageStructure(page);
      for (const [i, question] of governance.questions.entries()) {
        await tabTo(page, `input[name="niveau.${question.id}"]`, 40);
        // In a radio group the arrows choose: the first press lands on « 1 », the second on « 2 ».
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowRight');
        if (i === 0) {
          await tabTo(page, `textarea[name="note.${question.id}"]`, 5);
          await page.keyboard.type('Élue à la transition écologique désignée.');
        }
      }
      await tabTo(page, 'button[name="theme"][value="gouvernance"]', 20);
      await Promise.all([page.waitForURL(/fait=enregistre/), page.keyboard.press('Enter')]);
      assert.match(await page.locator('.alert--success').innerText(), /Réponses enregistrées/);
      for (const question of governance.questions)
        assert.equal(await page.locator(`input[name="niveau.${question.id}"][value="2"]`).isChecked(), true, question.id);
      assert.equal(await page.locator(`textarea[name="note.${governance.questions[0]!.id}"]`).inputValue(), 'Élue à la transition écologique désignée.');
    });
  });

  test('with JavaScript: the home and the questionnaire have no axe violation, and the autosave keeps an answer', async () => {
    const page = await browser.newPage();
    await logIn(page, server.url, EMAIL, PASSWORD);
    await page.goto(`${server.url}${home}`);
    await expectNoAxeViolations(page);
    await page.goto(`${server.url}${home}/diagnostic`);
    await expectNoAxeViolations(page);
    const question = NR_MODEL.themes.find((t) => t.id === 'achats')!.questions[0]!;
    await page.locator(`label[for="niveau-${question.id}-3"]`).click();
    await page.waitForFunction(() => /Réponses enregistrées à \d\d:\d\d/.test(document.querySelector('#autosave-status')?.textContent ?? ''), undefined, {
      timeout: 10_000,
    });
    // The version came back: changing it again saves again, without conflict.
    await page.locator(`label[for="niveau-${question.id}-1"]`).click();
    await page.waitForFunction(
      (name) => (document.querySelector(`input[name="${name}"]`) as HTMLInputElement | null)?.value === '2',
      `version.${question.id}`,
      { timeout: 10_000 },
    );
    await page.reload();
    assert.equal(await page.locator(`input[name="niveau.${question.id}"][value="1"]`).isChecked(), true, 'the autosaved answer is kept');
  });
});
