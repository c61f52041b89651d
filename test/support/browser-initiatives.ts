// Initiative sheets for browser tests: the people of Trélazé with a known password, sheets made
// through the JSON API, and keyboard helpers that record the path the focus takes.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import type { Db } from '../../src/platform/db/database.ts';
import { createApiToken } from '../../src/modules/accounts/api-tokens.service.ts';
import { createUserWithPassword } from './browser-accounts.ts';
import { expectVisibleFocus, focusedElement } from './browser.ts';
import { LEAVE_REQUESTS, PEOPLE, type Person } from './initiatives-fixture.ts';

export const PASSWORD = 'une phrase de passe pour les fiches';

export type Account = { id: string; email: string; token: string };

/** Creates the given people of the initiatives fixture, each with PASSWORD and an API token. */
export async function createPeople<P extends Person>(db: Db, who: readonly P[]): Promise<Record<P, Account>> {
  const accounts = {} as Record<P, Account>;
  for (const person of who) {
    const user = await createUserWithPassword(db, { ...PEOPLE[person], password: PASSWORD });
    accounts[person] = { ...user, token: (await createApiToken(db, user.id, 'tests du navigateur')).token };
  }
  return accounts;
}

/** A JSON API call with a person's token; fails unless the status is the expected one. */
export async function callApi(baseUrl: string, token: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown, expected?: number) {
  const response = await fetch(baseUrl + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (expected !== undefined) assert.equal(response.status, expected, `${method} ${path} : ${text.slice(0, 400)}`);
  return text ? JSON.parse(text) : null;
}

/** A sheet of Trélazé made through the API (the seed 000 sheet unless overridden): its id and version. */
export async function createSheet(baseUrl: string, token: string, overrides: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
  const sheet = await callApi(baseUrl, token, 'POST', '/api/v1/initiatives', { ...LEAVE_REQUESTS, ...overrides }, 201);
  return { id: sheet.id, version: sheet.version };
}

/** A small PNG photo. */
export const pngPhoto = () =>
  sharp({ create: { width: 640, height: 480, channels: 3, background: '#2a7f62' } })
    .png()
    .toBuffer();

/** A CSS selector for an id that may hold dots (`champ-indicators.0.label`). */
export const byId = (id: string) => `[id="${id}"]`;

/**
 * Waits (1 s at most) for the focused element to be on screen: the browser scrolls it into view,
 * smoothly unless the person asked for reduced motion (see `reduceMotion`).
 */
async function waitForFocusOnScreen(page: Page) {
  for (let waited = 0; waited < 1000; waited += 50) {
    if ((await focusedElement(page)).visible) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Asks for reduced motion, as people who find animation hard do: the site's stylesheet then
 * scrolls instantly to the focused element instead of smoothly, so a long journey with the
 * keyboard is checked step by step without waiting for each scroll.
 */
export const reduceMotion = (page: Page) => page.emulateMedia({ reducedMotion: 'reduce' });

/** The id of the nth control (from 0) named `name` in the form, as a selector (rows share names). */
export async function nthNamed(page: Page, name: string, n: number): Promise<string> {
  const id = await page.locator(`[name="${name}"]`).nth(n).getAttribute('id');
  assert.ok(id, `${page.url()} : le champ ${name} n° ${n + 1} n’a pas d’id`);
  return byId(id);
}

/**
 * Presses Tab until the focused element matches the selector, checking on each step that the
 * focus is visible (like `tabTo`); returns the focused elements passed on the way, as
 * `tag#id` strings, so a test can check what the keyboard went through.
 */
export async function tabThrough(page: Page, selector: string, max = 60, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<string[]> {
  const path: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    await waitForFocusOnScreen(page);
    // Chromium's date input has a 4th stop after day, month and year: its calendar button, inside
    // the input's shadow tree (the input is then :focus-within, not :focus). The browser draws its
    // own ring around the button; the site's outline is not involved.
    const onCalendarButton = await page.evaluate(() => {
      const el = document.activeElement;
      return el instanceof HTMLInputElement && el.type === 'date' && !el.matches(':focus') && el.matches(':focus-within');
    });
    if (!onCalendarButton) await expectVisibleFocus(page);
    const here = await page.evaluate((s) => {
      const el = document.activeElement;
      if (!el) return { matches: false, name: 'body' };
      return { matches: el.matches(s), name: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}` };
    }, selector);
    if (here.matches) return path;
    path.push(here.name);
  }
  assert.fail(`${page.url()} : ${selector} non atteint après ${max} appuis sur ${key} ; parcours : ${path.join(' → ')}`);
}

/**
 * Presses a key on the focused element and waits for the page it leads to: a path (exact), a
 * pattern tested on path and query, or a test of the URL. The match must not hold for the page
 * already shown (Playwright would not wait).
 */
export async function pressAndWaitFor(page: Page, key: string, to: string | RegExp | ((url: URL) => boolean)) {
  const matches = (url: URL) => (typeof to === 'string' ? url.pathname === to : typeof to === 'function' ? to(url) : to.test(url.pathname + url.search));
  assert.ok(!matches(new URL(page.url())), `${page.url()} : la page attendue après ${key} est déjà affichée`);
  await Promise.all([page.waitForURL(matches), page.keyboard.press(key)]);
}

/** Logs in through the login form with the keyboard only (Tab, typing, Enter). */
export async function logInWithKeyboard(page: Page, baseUrl: string, email: string, password = PASSWORD) {
  await page.goto(`${baseUrl}/connexion`);
  await page.keyboard.press('Tab');
  assert.match((await focusedElement(page)).description, /^a « Aller au contenu »/, 'the first Tab reaches the skip link');
  await tabThrough(page, '#champ-email', 30);
  await page.keyboard.type(email);
  await tabThrough(page, '#champ-password', 1);
  await page.keyboard.type(password);
  await pressAndWaitFor(page, 'Enter', (url) => url.pathname !== '/connexion');
}
