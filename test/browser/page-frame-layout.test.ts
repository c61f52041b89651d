// The frame of every page, measured in Chromium (issue 12, item 21): an administrator’s menu stays on
// one row at 1280 px, and the links of each footer list sit on one line (the first one used to sit
// 4 px higher than the others).
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { createUserWithPassword, logIn } from '../support/browser-accounts.ts';
import { skipWithoutBrowser, useBrowser } from '../support/browser.ts';
import { useTestServer } from '../support/test-server.ts';

/** The top edge, in CSS pixels, of each element the selector finds, with its text. */
const topsOf = (page: Page, selector: string) =>
  page
    .locator(selector)
    .evaluateAll((elements) => elements.map((e) => ({ text: (e.textContent ?? '').trim(), top: Math.round(e.getBoundingClientRect().top) })));

describe('the page frame: header menu and footer links (Chromium)', { skip: skipWithoutBrowser }, () => {
  const browser = useBrowser();
  const server = useTestServer('pglite', { listen: true });
  let admin: Page;
  let visitor: Page;

  before(async () => {
    await createUserWithPassword(server.database.db, { email: 'admin@arobase.test', role: 'admin', password: 'correct horse battery staple' });
    admin = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await logIn(admin, server.url, 'admin@arobase.test', 'correct horse battery staple');
    visitor = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  test('at 1280 px, every entry of an administrator’s menu, « Se déconnecter » included, is on one row', async () => {
    for (const path of ['/admin', '/palmares', '/a-propos']) {
      await admin.goto(server.url + path);
      const entries = await topsOf(admin, '.site-nav li');
      assert.ok(
        entries.some((e) => e.text === 'Se déconnecter'),
        'the sign-out entry is there',
      );
      assert.ok(entries.length >= 8, `${entries.length} entries`);
      const tops = new Set(entries.map((e) => e.top));
      assert.equal(tops.size, 1, `${path}: ${JSON.stringify(entries)}`);
    }
  });

  test('the links of each footer list share one line, the first one included', async () => {
    for (const page of [visitor, admin]) {
      await page.goto(`${server.url}/contact`);
      const lists = await page.locator('.site-footer__links').count();
      assert.equal(lists, 2, 'useful links, then the legal ones');
      for (let i = 0; i < lists; i++) {
        const links = await page
          .locator('.site-footer__links')
          .nth(i)
          .locator('a')
          .evaluateAll((elements) => elements.map((e) => ({ text: (e.textContent ?? '').trim(), top: Math.round(e.getBoundingClientRect().top) })));
        assert.ok(links.length >= 4);
        assert.equal(new Set(links.map((l) => l.top)).size, 1, JSON.stringify(links));
      }
      assert.ok(await page.getByRole('link', { name: 'Accessibilité : non conforme' }).isVisible());
    }
  });
});
