// The accessibility check itself: it must see what it is there to see (it runs in the page's own
// frame, see expectNoAxeViolations; axe needs the page's JavaScript on).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { expectNoAxeViolations, skipWithoutBrowser, useBrowser } from '../support/browser.ts';

const FAULTY = `<!doctype html><html lang="fr"><head><title>Essai</title></head><body><main><h1>Essai</h1>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<p style="color:#bbb;background:#fff">Texte trop pâle</p></main></body></html>`;
const SOUND = FAULTY.replace('<img ', '<img alt="Un point" ').replace('color:#bbb', 'color:#222');

describe('the axe-core check (Chromium)', { skip: skipWithoutBrowser }, () => {
  const browser = useBrowser();
  test('names each violation of a faulty page, and passes its mended copy', async () => {
    const page = await browser.newPage();
    let html = FAULTY;
    await page.route('http://essai.test/', (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
    await page.goto('http://essai.test/');
    await assert.rejects(expectNoAxeViolations(page), (error: Error) => {
      assert.match(error.message, /image-alt/);
      assert.match(error.message, /color-contrast/);
      return true;
    });
    html = SOUND;
    await page.goto('http://essai.test/');
    await expectNoAxeViolations(page);
  });
});
