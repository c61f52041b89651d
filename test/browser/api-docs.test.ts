// The API documentation page in Chromium: zero axe-core violations, one h1, headings in order, every
// operation of the OpenAPI document listed and reachable from the table of contents, no horizontal
// scroll at 320 px.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, expectPageStructure, skipWithoutBrowser, useBrowser } from '../support/browser.ts';
import { useTestServer } from '../support/test-server.ts';

describe('API documentation page (Chromium, axe-core)', { skip: skipWithoutBrowser }, () => {
  const browser = useBrowser();
  const server = useTestServer('pglite', { listen: true });
  let page: Page;

  before(async () => {
    page = await browser.newPage();
  });

  test('/api/docs: accessible and readable at 320 px', async () => {
    const response = await page.goto(server.url + '/api/docs');
    assert.equal(response?.status(), 200);
    await expectNoAxeViolations(page);
    await expectPageStructure(page);
  });

  test('headings never skip a level, and every operation of the document is on the page', async () => {
    await page.goto(server.url + '/api/docs');
    const levels = await page.locator('main :is(h1, h2, h3, h4, h5, h6)').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
    levels.reduce((previous, level) => {
      assert.ok(level <= previous + 1, `h${level} after h${previous}`);
      return level;
    });
    const document = (await (await fetch(server.url + '/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const expected = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
    const headings = await page.locator('main h3 code').allTextContents();
    assert.deepEqual([...headings].sort(), [...expected].sort());
    // The table of contents leads to each of them.
    const tocTargets = await page.locator('nav.api-toc a[href^="#op-"]').count();
    assert.equal(tocTargets, expected.length);
    // Each table is named by its caption.
    const unnamed = await page.locator('main table').evaluateAll((tables) => tables.filter((t) => !t.querySelector('caption')?.textContent?.trim()).length);
    assert.equal(unnamed, 0);
  });
});
